package org.redcapjdbc.bench;

import static org.redcapjdbc.bench.Report.f;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;

/**
 * Target 2: the full scan and three analytic queries on the driver and on H2 holding the same
 * data (copied through the driver). H2 is the local floor; the gap is what REDCap's wire costs.
 * Results are compared row for row before anything is timed.
 */
final class H2Bench {
  private H2Bench() {}

  record Query(String name, String sql) {}

  static final List<Query> QUERIES =
      List.of(
          new Query("full scan", FullScanBench.SQL),
          new Query(
              "GROUP BY",
              "SELECT f3_radio, COUNT(*) AS n, SUM(f2_integer) AS total,"
                  + " MAX(f5_number) AS top, MIN(f4_date) AS earliest FROM records"
                  + " GROUP BY f3_radio"),
          new Query(
              "join of two instrument tables",
              "SELECT a.f8_dropdown, COUNT(*) AS n,"
                  + " SUM(b.f16_slider) AS slider_total, MAX(b.f11_datetime) AS latest"
                  + " FROM instrument_1 a JOIN instrument_2 b ON a.record_id = b.record_id"
                  + " WHERE b.f13_truefalse GROUP BY a.f8_dropdown"),
          new Query(
              "filtered aggregate",
              "SELECT COUNT(*) AS n, SUM(f22_integer) AS total,"
                  + " MAX(f24_date) AS latest FROM records WHERE f2_integer >= 90"
                  + " AND f4_date >= DATE '1990-01-01'"));

  static String run(MainProject main, Options o) throws Exception {
    StringBuilder md = new StringBuilder("### 2. Versus H2 (the same data, in memory)\n\n");
    try (Connection redcap = main.connect();
        Connection h2 =
            DriverManager.getConnection(
                "jdbc:h2:mem:bench" + System.nanoTime() + ";DB_CLOSE_DELAY=-1")) {
      long t0 = System.nanoTime();
      long rows = 0;
      for (String table : List.of("records", "instrument_1", "instrument_2")) {
        rows += H2Mirror.copy(redcap, h2, table);
      }
      Benchmarks.say("H2 loaded (" + rows + " rows) in " + Report.s(System.nanoTime() - t0) + " s");
      md.append(
          f(
              "H2 (in-memory, this JVM) holds `records`, `instrument_1` and `instrument_2`"
                  + " copied through the driver (%s rows), so both answer from the same values. Each"
                  + " query's results are compared first (sorted rows, numbers by value); then driver"
                  + " and H2 runs alternate, medians of %d after a warm-up.\n\n",
              Report.count(rows), o.reps));
      md.append(
          "| query | rows | same result | driver (median) | H2 (median) | driver / H2 |"
              + "\n|---|---|---|---|---|---|\n");
      List<String> sqls = new ArrayList<>();
      for (Query q : QUERIES) {
        List<String> a = new ArrayList<>(Sql.lines(redcap, q.sql()));
        List<String> b = new ArrayList<>(Sql.lines(h2, q.sql()));
        a.sort(null);
        b.sort(null);
        boolean same = a.equals(b);
        if (!same) {
          Benchmarks.say(
              "DIFFERENT RESULTS for "
                  + q.name()
                  + ":\n driver "
                  + head(a)
                  + "\n H2     "
                  + head(b));
        }
        List<Sample> d = new ArrayList<>();
        List<Sample> h = new ArrayList<>();
        for (int i = 0; i < o.reps; i++) {
          d.add(Sample.of(main.emulator, () -> Sql.readAll(redcap, q.sql())));
          h.add(Sample.of(null, () -> Sql.readAll(h2, q.sql())));
        }
        long dw = Sample.median(d, Sample::wallNanos);
        long hw = Sample.median(h, Sample::wallNanos);
        Benchmarks.say(f("%s: driver %s ms, H2 %s ms", q.name(), Report.ms(dw), Report.ms(hw)));
        md.append(
            f(
                "| %s | %s | %s | %s ms | %s ms | %s |\n",
                q.name(),
                Report.count(a.size()),
                same ? "yes" : "**no**",
                Report.ms(dw),
                Report.ms(hw),
                f("%.0f ×", (double) dw / hw)));
        sqls.add("* " + q.name() + ": `" + q.sql() + "`");
      }
      md.append("\n").append(String.join("\n", sqls)).append("\n");
    }
    md.append(
        "\nThe driver's time is mostly the export: the full scan moves the whole project"
            + " over HTTP, the aggregates only the columns they use (and the filtered one only the"
            + " rows REDCap's `filterLogic` keeps); H2 reads its own memory.\n");
    return md.toString();
  }

  private static String head(List<String> rows) {
    return rows.size() <= 3 ? rows.toString() : rows.subList(0, 3) + " … (" + rows.size() + ")";
  }
}
