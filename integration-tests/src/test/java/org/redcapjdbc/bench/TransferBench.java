package org.redcapjdbc.bench;

import static org.redcapjdbc.bench.Report.f;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Target 3: for each query shape, the API requests and response bytes the emulator counted, and
 * what the first export asked for. The project's structure is cached first (one query before
 * the counters are reset), so the figures are the queries' own.
 */
final class TransferBench {
  private TransferBench() {}

  private record Shape(String name, boolean demo, String sql) {}

  private static final String IDS_25;

  static {
    StringJoiner ids = new StringJoiner(", ");
    for (int i = 1; i <= 25; i++) {
      ids.add("'" + (i * 37) + "'");
    }
    IDS_25 = ids.toString();
  }

  static final List<Shape> SHAPES =
      List.of(
          new Shape(
              "point lookup (one instrument row)",
              false,
              "SELECT * FROM instrument_1 WHERE record_id = '1234'"),
          new Shape(
              "point lookup, every field", false, "SELECT * FROM records WHERE record_id = '1234'"),
          new Shape(
              "IN list of 25 IDs",
              false,
              "SELECT record_id, f1_text, f2_integer FROM records WHERE record_id IN ("
                  + IDS_25
                  + ")"),
          new Shape(
              "numeric predicate",
              false,
              "SELECT record_id, f2_integer FROM records WHERE f2_integer > 98"),
          new Shape(
              "string predicate",
              false,
              "SELECT record_id, f1_text FROM records WHERE f1_text = 'Hugo Jensen'"),
          new Shape(
              "date range",
              false,
              "SELECT record_id, f4_date FROM records"
                  + " WHERE f4_date BETWEEN DATE '1990-01-01' AND DATE '1990-03-31'"),
          new Shape("COUNT(*)", false, "SELECT COUNT(*) FROM records"),
          new Shape("LIMIT 10", false, "SELECT * FROM records LIMIT 10"),
          new Shape("instrument table", false, "SELECT * FROM instrument_3"),
          new Shape(
              "join of two instruments, filtered",
              false,
              "SELECT a.record_id, a.f2_integer, b.f16_slider FROM instrument_1 a"
                  + " JOIN instrument_2 b ON a.record_id = b.record_id WHERE a.f2_integer > 98"),
          new Shape(
              "two columns of every record", false, "SELECT record_id, f2_integer FROM records"),
          new Shape(
              "record-ID range (IDs from '2' to before '3')",
              false,
              "SELECT record_id, f2_integer FROM records"
                  + " WHERE record_id >= '2' AND record_id < '3'"),
          new Shape("full scan", false, FullScanBench.SQL),
          new Shape("instrument table, longitudinal (demo)", true, "SELECT * FROM visit"),
          new Shape(
              "event filter (demo)",
              true,
              "SELECT * FROM visit WHERE redcap_event_name = 'baseline_arm_1'"));

  static String run(MainProject main, Options o) throws Exception {
    StringBuilder md = new StringBuilder("### 3. Requests and bytes per query shape\n\n");
    md.append(
        "What the emulator counted for each query read to its end, after the connection"
            + " had read and cached the project's structure (so no metadata requests appear). The"
            + " main project unless marked *demo* (the emulator's longitudinal demo study, 300"
            + " records, for the event filter). \"Sent\" describes the first record export.\n\n");
    md.append(
        "| query shape | rows | export requests | other requests | response bytes |"
            + " sent |\n|---|---|---|---|---|---|\n");
    List<String> sqls = new ArrayList<>();
    List<String> verdicts = new ArrayList<>();
    try (Connection c = main.connect();
        Connection demo = main.connectDemo()) {
      Sql.readAll(c, "SELECT record_id FROM instrument_1 WHERE record_id = '1'");
      Sql.readAll(demo, "SELECT study_id FROM demographics WHERE study_id = '1'");
      for (Shape s : SHAPES) {
        main.emulator.resetStats();
        Sample.Counted counted = Sql.readAll(s.demo() ? demo : c, s.sql());
        EmulatorProcess.Stats st = main.emulator.stats();
        long exports = st.requests("record/export");
        long other = st.totalRequests() - exports;
        long bytes = st.totalResponseBytes();
        List<EmulatorProcess.LoggedRequest> exportRequests =
            st.requests().stream().filter(r -> r.method().equals("record/export")).toList();
        String sent = describe(exportRequests);
        md.append(
            f(
                "| %s | %s | %d | %d | %s | %s |\n",
                s.name(), Report.count(counted.rows()), exports, other, Report.bytes(bytes), sent));
        sqls.add("* " + s.name() + ": `" + s.sql() + "`");
        Benchmarks.say(
            f("%s: %d exports, %d other, %s", s.name(), exports, other, Report.bytes(bytes)));
        switch (s.name()) {
          case "point lookup (one instrument row)" ->
              verdicts.add(
                  f(
                      "* Point lookup: %d export"
                          + " request(s), %s of response (target: one request under 1 KB after metadata"
                          + " is cached): %s.",
                      exports,
                      Report.bytes(bytes),
                      Report.met(exports == 1 && other == 0 && bytes < 1024)));
          case "COUNT(*)" -> {
            boolean idsOnly =
                exportRequests.size() == 1
                    && fieldValues(exportRequests.get(0)).size() == 1
                    && fieldValues(exportRequests.get(0)).get(0).equals("record_id");
            verdicts.add(
                f(
                    "* `COUNT(*)`: %d export request(s) asking for %s (target: record"
                        + " IDs only): %s.",
                    exports, fieldValues(exportRequests.get(0)), Report.met(idsOnly)));
          }
          case "LIMIT 10" -> {
            long batches =
                exportRequests.stream()
                    .filter(
                        r -> r.params().keySet().stream().anyMatch(k -> k.startsWith("records")))
                    .count();
            verdicts.add(
                f(
                    "* `LIMIT 10`: %d batch request(s) of records (after the ID pass)"
                        + " (target: one batch): %s.",
                    batches, Report.met(batches == 1)));
          }
          case "two columns of every record" -> {
            long batches = exports - (describe(exportRequests).startsWith("ID pass") ? 1 : 0);
            verdicts.add(
                f(
                    "* Two columns of 20,000 records: %d export request(s) after the ID pass"
                        + " (target: at most 2): %s.",
                    batches, Report.met(batches <= 2)));
          }
          default -> {}
        }
      }
      verdicts.add(connectCost(main));
      verdicts.add(partitionBytes(main, c));
    }
    md.append('\n')
        .append(String.join("\n", verdicts))
        .append("\n\nQueries:\n\n")
        .append(String.join("\n", sqls))
        .append('\n');
    return md.toString();
  }

  /** Opening a connection once the structure cache has expired ({@code metadataTtl=0}). */
  private static String connectCost(MainProject main) throws Exception {
    main.emulator.resetStats();
    try (Connection fresh = main.connect("metadataTtl=0")) {
      fresh.getMetaData();
    }
    EmulatorProcess.Stats st = main.emulator.stats();
    long exports = st.requests("record/export");
    long bytes = st.totalResponseBytes();
    Benchmarks.say(f("connect: %d requests, %s", st.totalRequests(), Report.bytes(bytes)));
    return f(
        "* Connect, structure read afresh: %d requests, %d record export(s), %s of response"
            + " (target: no record export, under 64 KB): %s.",
        st.totalRequests(),
        exports,
        Report.bytes(bytes),
        Report.met(exports == 0 && bytes < 64 * 1024));
  }

  /**
   * What Spark's partitioned read costs: an instrument table read whole, then read as the four
   * record-ID ranges of {@code meta.record_id_partitions(4)}, one query each.
   */
  private static String partitionBytes(MainProject main, Connection c) throws Exception {
    List<String> predicates = new ArrayList<>();
    try (java.sql.Statement s = c.createStatement();
        java.sql.ResultSet rs =
            s.executeQuery("SELECT predicate FROM TABLE(meta.record_id_partitions(4))")) {
      while (rs.next()) {
        predicates.add(rs.getString(1));
      }
    }
    String table = "SELECT * FROM instrument_1";
    main.emulator.resetStats();
    long rows = Sql.readAll(c, table).rows();
    long whole = main.emulator.stats().totalResponseBytes();
    main.emulator.resetStats();
    long partRows = 0;
    for (String p : predicates) {
      partRows += Sql.readAll(c, table + " WHERE " + p).rows();
    }
    long parts = main.emulator.stats().totalResponseBytes();
    double ratio = (double) parts / whole;
    Benchmarks.say(f("partitions: %s vs %s", Report.bytes(parts), Report.bytes(whole)));
    return f(
        "* Four record-ID partitions of `instrument_1` (%d rows in all, %d read whole) move"
            + " %s against %s for one read: **%.2f ×** (target ≤ 1.15 ×): %s.",
        partRows,
        rows,
        Report.bytes(parts),
        Report.bytes(whole),
        ratio,
        Report.met(ratio <= 1.15 && partRows == rows));
  }

  private static List<String> fieldValues(EmulatorProcess.LoggedRequest r) {
    return values(r.params(), "fields");
  }

  private static List<String> values(Map<String, List<String>> params, String array) {
    List<String> out = new ArrayList<>();
    params.forEach(
        (k, v) -> {
          if (k.equals(array) || k.startsWith(array + "[")) {
            out.addAll(v);
          }
        });
    return out;
  }

  /** The exports of one query: an ID pass and its batches, or single requests. */
  private static String describe(List<EmulatorProcess.LoggedRequest> exports) {
    if (exports.isEmpty()) {
      return "nothing";
    }
    EmulatorProcess.LoggedRequest first = exports.get(0);
    boolean idPass =
        exports.size() > 1
            && fieldValues(first).size() == 1
            && values(first.params(), "records").isEmpty();
    if (!idPass) {
      return describe(first)
          + (exports.size() > 1 ? " (and " + (exports.size() - 1) + " more like it)" : "");
    }
    int batches = exports.size() - 1;
    return "ID pass ("
        + describe(first)
        + "), then "
        + batches
        + " batch"
        + (batches == 1 ? "" : "es")
        + " of "
        + describe(exports.get(1));
  }

  private static String describe(EmulatorProcess.LoggedRequest r) {
    List<String> parts = new ArrayList<>();
    for (String array : List.of("fields", "forms", "records", "events")) {
      List<String> v = values(r.params(), array);
      if (!v.isEmpty()) {
        parts.add(v.size() <= 2 ? array + " " + String.join(", ", v) : v.size() + " " + array);
      }
    }
    List<String> logic = r.params().get("filterLogic");
    if (logic != null && !logic.isEmpty() && !logic.get(0).isEmpty()) {
      parts.add("filterLogic `" + logic.get(0).replace("|", "\\|") + "`");
    }
    return parts.isEmpty() ? "everything" : String.join("; ", parts);
  }
}
