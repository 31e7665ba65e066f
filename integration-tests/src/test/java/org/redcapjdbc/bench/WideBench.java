package org.redcapjdbc.bench;

import static org.redcapjdbc.bench.Report.f;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Wide projects (issue 18, item 3): the time to plan {@code SELECT * FROM records} on projects of
 * 500 to 20,000 fields and on REDCapR's {@code super-wide-1} (3,000 text fields whose names share
 * a 29-character prefix), the time to plan it again on the same connection, and, for comparison,
 * a star with a WHERE clause, which still goes through Calcite's validator.
 */
final class WideBench {
  private static final int[] FIELDS = {500, 1_000, 3_000, 20_000};
  private static final String STAR = "SELECT * FROM records";
  private static final String STAR_WHERE = "SELECT * FROM records WHERE record_id = '1'";
  private static final String PROBE = "SELECT * FROM records WHERE 1=0";

  /** Above this many fields the validator's quadratic planning takes minutes: not measured. */
  private static final int VALIDATOR_MAX_FIELDS = 3_000;

  private WideBench() {}

  private record Row(
      String project,
      int columns,
      long firstPlan,
      long repeatPlan,
      Long probe,
      long firstRun,
      Long where) {}

  static String run(Options o, Path work) throws Exception {
    List<String> args = new ArrayList<>();
    for (int n : FIELDS) {
      args.addAll(List.of("--generate", "records=2,fields=" + n + ",seed=1"));
    }
    args.addAll(List.of("--project", superWide().toString()));
    Benchmarks.say("Starting an emulator with the wide projects ...");
    List<Row> rows = new ArrayList<>();
    try (EmulatorProcess e = EmulatorProcess.start(o.emulatorJar, "2g", args, work)) {
      // One warm-up on the smallest project: the first statement of a JVM loads Calcite.
      measure(e, e.project("Generated project (records=2,fields=500,").token(), "warm-up", 1);
      for (int n : FIELDS) {
        String token = e.project("Generated project (records=2,fields=" + n + ",").token();
        rows.add(measure(e, token, f("generated, %,d fields", n), o.reps, n));
      }
      String token = e.project("super-wide-1").token();
      rows.add(measure(e, token, "REDCapR `super-wide-1`", o.reps, 3_000));
    }

    StringBuilder md = new StringBuilder("### 10. Wide projects: planning\n\n");
    md.append(
        f(
            "Time to prepare `%s` on a new connection (its plan), to prepare it again on the same"
                + " connection (a repeated plain statement), to prepare the schema probe `"
                + PROBE
                + "` (Spark, DBeaver), and to run it the first time (prepare,"
                + " export of the 2 records, every value read); and, for comparison, to prepare `%s`"
                + " (a WHERE clause takes Calcite's validator, whose work grows with the square of"
                + " the columns); neither the probe nor the WHERE is measured above %,d fields. Medians of %d, each on a new"
                + " connection.\n\n",
            STAR,
            STAR_WHERE,
            VALIDATOR_MAX_FIELDS,
            o.reps));
    md.append(
        "| project | columns | plan `SELECT *` | plan it again | plan `… WHERE 1=0` | first run |"
            + " plan `SELECT * … WHERE` |\n|---|---|---|---|---|---|---|\n");
    for (Row r : rows) {
      md.append(
          f(
              "| %s | %,d | %s ms | %s ms | %s | %s ms | %s |\n",
              r.project(),
              r.columns(),
              Report.ms(r.firstPlan()),
              Report.ms(r.repeatPlan()),
              r.probe() == null ? "not measured" : Report.ms(r.probe()) + " ms",
              Report.ms(r.firstRun()),
              r.where() == null ? "not measured" : Report.ms(r.where()) + " ms"));
    }
    long at3000 =
        rows.stream().filter(r -> r.project().contains("3,000")).findFirst().get().firstPlan();
    long superWide = rows.get(rows.size() - 1).firstPlan();
    long at20000 =
        rows.stream().filter(r -> r.project().contains("20,000")).findFirst().get().firstPlan();
    long repeat = rows.stream().mapToLong(Row::repeatPlan).max().orElse(0);
    md.append(
        f(
            "\n* `SELECT *` on 3,000 fields plans in %s ms (generated) and %s ms (`super-wide-1`)"
                + " (target ≤ 1,000 ms: %s).\n",
            Report.ms(at3000),
            Report.ms(superWide),
            Report.met(Math.max(at3000, superWide) <= 1_000_000_000L)));
    md.append(
        f(
            "* `SELECT *` on 20,000 fields plans in %s ms (target ≤ 5,000 ms: %s).\n",
            Report.ms(at20000), Report.met(at20000 <= 5_000_000_000L)));
    md.append(
        f(
            "* A repeated statement plans in at most %s ms (target ≤ 10 ms: %s).\n",
            Report.ms(repeat), Report.met(repeat <= 10_000_000L)));
    return md.toString();
  }

  private static Row measure(EmulatorProcess e, String token, String name, int reps)
      throws SQLException {
    return measure(e, token, name, reps, Integer.MAX_VALUE);
  }

  private static Row measure(EmulatorProcess e, String token, String name, int reps, int fields)
      throws SQLException {
    List<Long> first = new ArrayList<>();
    List<Long> again = new ArrayList<>();
    List<Long> probe = new ArrayList<>();
    List<Long> run = new ArrayList<>();
    List<Long> where = new ArrayList<>();
    int columns = 0;
    for (int i = 0; i < reps; i++) {
      try (Connection c = Sql.redcap(e.url(), token, "metadataTtl=3600")) {
        long t0 = System.nanoTime();
        try (PreparedStatement ps = c.prepareStatement(STAR)) {
          first.add(System.nanoTime() - t0);
          columns = ps.getMetaData().getColumnCount();
        }
        t0 = System.nanoTime();
        try (PreparedStatement ps = c.prepareStatement(STAR)) {
          again.add(System.nanoTime() - t0);
        }
        if (fields <= VALIDATOR_MAX_FIELDS) {
          // Above that, Calcite's collation metadata of an empty VALUES, the probe's plan, takes
          // memory quadratic in the columns: 26,000 columns ran a 2 GB heap out.
          t0 = System.nanoTime();
          try (PreparedStatement ps = c.prepareStatement(PROBE)) {
            probe.add(System.nanoTime() - t0);
          }
        }
      }
      try (Connection c = Sql.redcap(e.url(), token, "metadataTtl=3600")) {
        long t0 = System.nanoTime();
        Sql.readAll(c, STAR);
        run.add(System.nanoTime() - t0);
        if (fields <= VALIDATOR_MAX_FIELDS) {
          t0 = System.nanoTime();
          try (PreparedStatement ps = c.prepareStatement(STAR_WHERE)) {
            where.add(System.nanoTime() - t0);
          }
        }
      }
      Benchmarks.say(
          f(
              "%s, rep %d: plan %s ms, again %s ms, first run %s ms",
              name,
              i + 1,
              Report.ms(first.get(i)),
              Report.ms(again.get(i)),
              Report.ms(run.get(i))));
    }
    return new Row(
        name,
        columns,
        median(first),
        median(again),
        probe.isEmpty() ? null : median(probe),
        median(run),
        where.isEmpty() ? null : median(where));
  }

  private static long median(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    sorted.sort(null);
    return sorted.get(sorted.size() / 2);
  }

  private static Path superWide() throws URISyntaxException {
    URL url = WideBench.class.getResource("/fixtures/redcapr/super-wide-1");
    if (url == null) {
      throw new IllegalStateException("No fixture redcapr/super-wide-1 on the test class path");
    }
    return Path.of(url.toURI());
  }
}
