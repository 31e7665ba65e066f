package org.redcapjdbc.bench;

import static org.redcapjdbc.bench.Report.f;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Target 6: the first query in a fresh JVM, and the per-execution overhead of a prepared point
 * lookup: the median of the driver's executions minus the median of the same HTTP request sent
 * raw (the exact parameters the driver sent, replayed with OkHttp and Jackson), interleaved.
 */
final class LatencyBench {
  static final String LOOKUP = "SELECT * FROM instrument_1 WHERE record_id = ?";
  private static final String FIRST =
      "SELECT record_id, f1_text, f2_integer FROM instrument_1" + " WHERE record_id = '17'";
  private static final String SECOND =
      "SELECT f3_radio, COUNT(*) FROM instrument_1"
          + " WHERE record_id IN ('1', '2', '3') GROUP BY f3_radio";
  private static final int FRESH_JVMS = 3;
  private static final int WARM_UP = 50;

  private LatencyBench() {}

  static String run(MainProject main, Options o) throws Exception {
    StringBuilder md = new StringBuilder("### 6. Latency\n\n");
    md.append(firstQuery(main));
    md.append(preparedLookups(main, o));
    return md.toString();
  }

  private static String firstQuery(MainProject main) throws Exception {
    List<Map<String, Double>> runs = new ArrayList<>();
    List<Long> walls = new ArrayList<>();
    for (int i = 0; i < FRESH_JVMS; i++) {
      Jvm.ChildResult r =
          Jvm.runChild(
              List.of("-Xshare:auto"),
              FirstQueryProbe.class,
              List.of(main.url(), FIRST, SECOND),
              main.project.token(),
              300);
      if (r.status() != 0) {
        throw new IllegalStateException("The first-query probe failed:\n" + r.output());
      }
      Map<String, Double> values = new HashMap<>();
      for (String line : r.output().split("\n")) {
        int eq = line.indexOf('=');
        if (eq > 0 && line.matches("[a-z_]+=[0-9.E]+")) {
          values.put(line.substring(0, eq), Double.parseDouble(line.substring(eq + 1)));
        }
      }
      runs.add(values);
      walls.add(r.wallNanos());
      Benchmarks.say("fresh JVM " + (i + 1) + ": " + values);
    }
    double connect = medianOf(runs, "connect_ms");
    double first = medianOf(runs, "first_query_ms");
    double second = medianOf(runs, "second_query_ms");
    double jvm = medianOf(runs, "jvm_to_main_ms");
    double mainToRows = medianOf(runs, "main_to_first_rows_ms");
    double firstCpu = medianOf(runs, "first_query_thread_cpu_ms");
    double processCpu = medianOf(runs, "process_cpu_ms");
    double process = Sample.median(walls.stream().mapToLong(Long::longValue).toArray()) / 1e6;
    StringBuilder md = new StringBuilder();
    md.append(
        f(
            "**First query in a fresh JVM** (%d child JVMs, medians): `%s`, after"
                + " `DriverManager.getConnection`, then a second, different query.\n\n",
            FRESH_JVMS, FIRST));
    md.append(
        "| JVM start to main | connect (driver load, project structure) | first query"
            + " (parse, plan, compile, export, read) | its CPU (query thread) | second query |"
            + " main to first rows | whole process (CPU) |\n|---|---|---|---|---|---|---|\n");
    md.append(
        f(
            "| %.0f ms | %.0f ms | %.0f ms | %.0f ms | %.0f ms | %.0f ms | %.0f ms (%.0f ms)"
                + " |\n\n",
            jvm, connect, first, firstCpu, second, mainToRows, process, processCpu));
    md.append(
        f(
            "* First query after `getConnection`: %.0f ms (target under 1.5 s: %s).\n",
            first, Report.met(first < 1500)));
    md.append(
        f(
            "* Counting the connection too (main to first rows, what a program started"
                + " for one query waits): %.0f ms (under 1.5 s: %s). The first connection in a JVM"
                + " warms Calcite up (class loading, the parser, planner rules, Janino) while the"
                + " project's structure loads, so that cost sits in `getConnection`, not in the first"
                + " query; it is CPU (this JVM used %.0f ms of CPU in all, on every thread), so it"
                + " grows with the machine's load.\n\n",
            mainToRows, Report.met(mainToRows < 1500), processCpu));
    return md.toString();
  }

  private static double medianOf(List<Map<String, Double>> runs, String key) {
    return Sample.median(runs.stream().mapToDouble(m -> m.getOrDefault(key, Double.NaN)).toArray());
  }

  private static String preparedLookups(MainProject main, Options o) throws Exception {
    Random random = new Random(42);
    int records = o.records;
    long[] driver = new long[o.lookups];
    long[] raw = new long[o.lookups];
    long[] diffs = new long[o.lookups];
    Map<String, List<String>> template;
    try (Connection c = main.connect();
        RawApi api = main.raw();
        PreparedStatement ps = c.prepareStatement(LOOKUP)) {
      main.emulator.resetStats();
      lookup(ps, "1");
      List<EmulatorProcess.LoggedRequest> sent = main.emulator.stats().requests();
      if (sent.size() != 1) {
        throw new IllegalStateException(
            "A prepared point lookup sent " + sent.size() + " requests");
      }
      template = sent.get(0).params();
      for (int i = 0; i < WARM_UP; i++) {
        String id = Integer.toString(1 + random.nextInt(records));
        lookup(ps, id);
        api.export(withRecord(template, id));
      }
      for (int i = 0; i < o.lookups; i++) {
        String id = Integer.toString(1 + random.nextInt(records));
        long t0 = System.nanoTime();
        long rows = lookup(ps, id);
        long t1 = System.nanoTime();
        long rawRows = api.export(withRecord(template, id)).rows();
        long t2 = System.nanoTime();
        if (rows != rawRows) {
          throw new IllegalStateException(
              "Record " + id + ": the driver read " + rows + " rows, the raw request " + rawRows);
        }
        driver[i] = t1 - t0;
        raw[i] = t2 - t1;
        diffs[i] = driver[i] - raw[i];
      }
    }
    long d = Sample.median(driver);
    long r = Sample.median(raw);
    long overhead = d - r;
    long pairedOverhead = Sample.median(diffs);
    Benchmarks.say(f("prepared lookup: driver %s ms, raw %s ms", Report.ms(d), Report.ms(r)));
    StringBuilder md = new StringBuilder();
    md.append(
        f(
            "**Prepared point lookup** `%s`, executed %d times with random record IDs"
                + " (after %d warm-up executions), each row read with `getObject`; each execution is"
                + " followed by the raw request: the exact parameters the driver sent (captured from"
                + " the emulator's log), replayed with OkHttp and walked with Jackson.\n\n",
            LOOKUP, o.lookups, WARM_UP));
    md.append(
        "| driver execution (median) | raw request (median) | overhead (difference of"
            + " medians) | overhead (median of paired differences) |\n|---|---|---|---|\n");
    md.append(
        f(
            "| %s ms | %s ms | %s ms | %s ms |\n\n",
            Report.ms(d), Report.ms(r), Report.ms(overhead), Report.ms(pairedOverhead)));
    md.append(
        f(
            "* Per-execution overhead: %s ms (target under 10 ms: %s).\n\n",
            Report.ms(overhead), Report.met(overhead < 10_000_000L)));
    md.append(
        f(
            "Sent per execution: %s.\n",
            template.keySet().stream()
                .filter(k -> !k.equals("token"))
                .map(k -> k + "=" + String.join(",", template.get(k)))
                .toList()));
    return md.toString();
  }

  private static long lookup(PreparedStatement ps, String id) throws Exception {
    ps.setString(1, id);
    try (ResultSet rs = ps.executeQuery()) {
      return Sql.readAll(rs).rows();
    }
  }

  /** The captured request with its one record ID replaced. */
  private static Map<String, List<String>> withRecord(
      Map<String, List<String>> template, String id) {
    Map<String, List<String>> p = new LinkedHashMap<>();
    template.forEach((k, v) -> p.put(k, k.startsWith("records") ? List.of(id) : v));
    return p;
  }
}
