package org.redcapjdbc.bench;

import static org.redcapjdbc.bench.Report.f;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Target 7: a 10,000-row {@code INSERT ... SELECT} through the driver (import calls, rows per
 * second), against one raw import call carrying the same rows. Each repetition writes new record
 * IDs, so every run creates records rather than updating them.
 */
final class WriteBench {
  private static final String COLUMNS =
      "f1_text, f2_integer, f3_radio, f4_date, f5_number,"
          + " f7_yesno, f8_dropdown, f9_notes, f10_number_2dp";
  private static final ObjectMapper JSON = new ObjectMapper();

  private WriteBench() {}

  static String select(int rows, long offset) {
    return "SELECT CAST(CAST(record_id AS INTEGER) + "
        + offset
        + " AS VARCHAR(20)) AS"
        + " record_id, "
        + COLUMNS
        + " FROM records WHERE CAST(record_id AS INTEGER) <= "
        + rows;
  }

  static String insert(int rows, long offset) {
    return "INSERT INTO instrument_1 (record_id, " + COLUMNS + ") " + select(rows, offset);
  }

  static String run(MainProject main, Options o) throws Exception {
    int n = o.writeRows;
    StringBuilder md = new StringBuilder("### 7. Writes\n\n");
    List<Sample> driver = new ArrayList<>();
    List<Sample> selects = new ArrayList<>();
    List<Sample> raw = new ArrayList<>();
    long imports = 0;
    long driverRequestBytes = 0;
    long rawRequestBytes = 0;
    try (Connection c = main.connect();
        RawApi api = main.raw()) {
      try (Statement s = c.createStatement()) {
        s.executeUpdate(insert(10, 900_000)); // warm-up, and: is DML there at all?
      } catch (SQLException e) {
        return md.append(
                "The driver could not run an `INSERT ... SELECT` yet (`"
                    + e.getMessage().lines().findFirst().orElse("")
                    + "`): the write path is being"
                    + " built; this section was not measured.\n")
            .toString();
      }
      api.deleteRecords(ids(10, 900_000));
      for (int i = 0; i < o.reps; i++) {
        long offset = 1_000_000L * (i + 1);
        selects.add(Sample.of(main.emulator, () -> Sql.readAll(c, select(n, offset))));
        main.emulator.resetStats();
        driver.add(
            Sample.of(
                main.emulator,
                () -> {
                  try (Statement s = c.createStatement()) {
                    int count = s.executeUpdate(insert(n, offset));
                    return new Sample.Counted(count, count, count, 0);
                  }
                }));
        EmulatorProcess.Stats st = main.emulator.stats();
        imports = st.requests("record/import");
        driverRequestBytes = st.methods().get("record/import").requestBytes();
        String payload = rawPayload(api, n, offset + 500_000);
        main.emulator.resetStats();
        raw.add(Sample.of(main.emulator, () -> api.importJson(payload)));
        rawRequestBytes = main.emulator.stats().methods().get("record/import").requestBytes();
        Benchmarks.say(
            f(
                "rep %d: INSERT ... SELECT %s s (its SELECT alone %s s), raw import" + " %s s",
                i + 1,
                Report.s(driver.get(i).wallNanos()),
                Report.s(selects.get(i).wallNanos()),
                Report.s(raw.get(i).wallNanos())));
        // Back to the original project, so every repetition reads and writes the same sizes
        // (the SELECT's predicate is not pushed down: it reads every record).
        api.deleteRecords(ids(n, offset));
        api.deleteRecords(ids(n, offset + 500_000));
      }
    }
    long d = Sample.median(driver, Sample::wallNanos);
    long sel = Sample.median(selects, Sample::wallNanos);
    long r = Sample.median(raw, Sample::wallNanos);
    long written = driver.get(0).counted().rows();
    md.append(
        f(
            "`INSERT INTO instrument_1 (record_id, %s) SELECT …` copying %s records of the"
                + " main project to new record IDs (defaults: `importBatchSize=500`), against one raw"
                + " import call (OkHttp, `format=json`, `overwriteBehavior=normal`) carrying the same"
                + " rows exported raw; medians of %d, new IDs every time.\n\n",
            COLUMNS, Report.count(n), o.reps));
    md.append(
        "| writer | import calls | request bytes | wall (median) | rows/s | emulator CPU |"
            + "\n|---|---|---|---|---|---|\n");
    md.append(
        f(
            "| driver `INSERT ... SELECT` | %d | %s | %s s | %s | %s s |\n",
            imports,
            Report.bytes(driverRequestBytes),
            Report.s(d),
            Report.count(Math.round(written / Sample.seconds(d))),
            Report.s(Sample.median(driver, Sample::serverCpuNanos))));
    md.append(
        f(
            "| its `SELECT` alone (read, no write) | 0 | – | %s s | %s | %s s |\n",
            Report.s(sel),
            Report.count(Math.round(n / Sample.seconds(sel))),
            Report.s(Sample.median(selects, Sample::serverCpuNanos))));
    md.append(
        f(
            "| raw, one import call | 1 | %s | %s s | %s | %s s |\n\n",
            Report.bytes(rawRequestBytes),
            Report.s(r),
            Report.count(Math.round(n / Sample.seconds(r))),
            Report.s(Sample.median(raw, Sample::serverCpuNanos))));
    long[] writeOnly = new long[driver.size()];
    long[] writeOnlyCpu = new long[driver.size()];
    for (int i = 0; i < writeOnly.length; i++) {
      writeOnly[i] = driver.get(i).wallNanos() - selects.get(i).wallNanos();
      writeOnlyCpu[i] = driver.get(i).serverCpuNanos() - selects.get(i).serverCpuNanos();
    }
    long w = Sample.median(writeOnly);
    md.append(
        f(
            "* %s rows written by the driver in %d import calls (`importBatchSize=500`);"
                + " the whole statement / one raw import = %s.\n",
            Report.count(written), imports, Report.ratio((double) d / r)));
    md.append(
        f(
            "* The statement reads every row before it writes any, so its write phase is"
                + " the INSERT's time minus its SELECT's (paired per repetition, median): %s s, %s"
                + " rows/s, %s the raw call; the emulator's CPU for the %d import calls (same"
                + " difference) %s s against %s s for the one raw call.\n",
            Report.s(w),
            Report.count(Math.round(n / Sample.seconds(Math.max(w, 1)))),
            Report.ratio((double) w / r),
            imports,
            Report.s(Sample.median(writeOnlyCpu)),
            Report.s(Sample.median(raw, Sample::serverCpuNanos))));
    return md.toString();
  }

  private static List<String> ids(int n, long offset) {
    List<String> ids = new ArrayList<>(n);
    for (long i = 1; i <= n; i++) {
      ids.add(Long.toString(i + offset));
    }
    return ids;
  }

  /** The rows the INSERT writes, as REDCap's own JSON export gives them, under new IDs. */
  private static String rawPayload(RawApi api, int n, long offset) throws Exception {
    Map<String, List<String>> p = RawApi.fullExport();
    List<String> fields = new ArrayList<>(List.of("record_id"));
    for (String c : COLUMNS.split(",")) {
      fields.add(c.trim());
    }
    for (int i = 0; i < fields.size(); i++) {
      p.put("fields[" + i + "]", List.of(fields.get(i)));
    }
    String body = api.exportText(p);
    List<Map<String, Object>> rows = JSON.readValue(body, new TypeReference<>() {});
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map<String, Object> row : rows) {
      long id = Long.parseLong(row.get("record_id").toString());
      if (id <= n) {
        Map<String, Object> copy = new LinkedHashMap<>();
        for (String f : fields) {
          copy.put(f, row.get(f));
        }
        copy.put("record_id", Long.toString(id + offset));
        out.add(copy);
      }
    }
    return JSON.writeValueAsString(out);
  }
}
