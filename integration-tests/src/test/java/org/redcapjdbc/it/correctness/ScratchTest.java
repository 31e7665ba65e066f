package org.redcapjdbc.it.correctness;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class ScratchTest {
  @Test void load() throws Exception {
    try (PrintWriter out = new PrintWriter("/tmp/scratch.txt")) {
    for (ComparedProject p : ComparedProject.values()) {
      long t0 = System.nanoTime();
      SharedProjects.Loaded l = SharedProjects.get(p);
      out.println("#### " + p.id() + " loaded in " + (System.nanoTime() - t0) / 1_000_000 + " ms: " + l.h2().rowCounts());
      for (TableShape t : l.shapes()) if (t.schema().equals("redcap")) out.println(t.schema() + "." + t.name() + " " + t.columns().stream().map(c -> c.name() + ":" + c.typeName()).toList() + " pk=" + t.primaryKey());
      try (Connection c = l.h2().connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM \"records\" LIMIT 30")) {
        while (rs.next()) {
          StringBuilder b = new StringBuilder();
          for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) if (rs.getObject(i) != null) b.append(rs.getMetaData().getColumnLabel(i)).append('=').append(String.valueOf(rs.getObject(i)).replace("\n", "\\n")).append(", ");
          out.println("  " + (b.length() > 700 ? b.substring(0, 700) : b));
        }
      }
    }
    }
  }
}
