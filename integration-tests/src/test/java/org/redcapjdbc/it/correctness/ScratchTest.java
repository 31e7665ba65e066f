package org.redcapjdbc.it.correctness;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.redcapjdbc.emulator.EmulatedProject;

class ScratchTest {
  @Test void load() throws Exception {
    EmulatedProject p = SharedProjects.emulator().generate(ComparedProject.GENERATED_SPEC, null);
    RawApi api = new RawApi(SharedProjects.emulator().url(), p.token());
    for (int i = 0; i < 3; i++) {
      long t0 = System.nanoTime();
      int n = api.rows("record", "type", "flat").size();
      System.out.println("raw: " + n + " rows in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
      t0 = System.nanoTime();
      n = api.rows("record", "type", "flat", "fields[0]", "record_id", "filterLogic", "[f2_integer] > 50").size();
      System.out.println("raw filtered: " + n + " rows in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
    }
    try (Connection c = SharedProjects.connect(p)) {
      for (int i = 0; i < 3; i++) {
        long t0 = System.nanoTime();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM \"records\"")) {
          int n = 0; while (rs.next()) n++;
          System.out.println("records: " + n + " rows in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        }
        t0 = System.nanoTime();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT \"record_id\" FROM \"records\" WHERE \"f2_integer\" > 50")) {
          int n = 0; while (rs.next()) n++;
          System.out.println("filtered: " + n + " rows in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        }
      }
    }
  }
}
