package org.redcapjdbc.it.correctness;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class ScratchTest {
  @Test void load() throws Exception {
    for (ComparedProject p : ComparedProject.values()) {
      long t0 = System.nanoTime();
      SharedProjects.Loaded l = SharedProjects.get(p);
      System.out.println("#### " + p.id() + " loaded in " + (System.nanoTime() - t0) / 1_000_000 + " ms: " + l.h2().rowCounts());
      for (TableShape t : l.shapes()) System.out.println(t.schema() + "." + t.name() + " " + t.columns().stream().map(c -> c.name() + ":" + c.typeName()).toList() + " pk=" + t.primaryKey());
      try (Connection c = l.h2().connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM \"records\" LIMIT 6")) {
        while (rs.next()) {
          StringBuilder b = new StringBuilder();
          for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) b.append(rs.getMetaData().getColumnLabel(i)).append('=').append(rs.getObject(i)).append(", ");
          System.out.println("  " + b);
        }
      }
    }
  }
}
