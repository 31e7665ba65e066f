package org.redcapjdbc.bench;

import static org.redcapjdbc.bench.Report.f;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Client CPU per value (issue 18, item 1): the driver's read path from response bytes to {@code
 * getObject} on every column, against the raw OkHttp + Jackson walk of the <em>same</em> response
 * (the requests the driver sent, captured from the emulator's log and replayed), with {@code
 * batchSize=1000000;batchValues=0} (one request once the project's size is known), so the two
 * readers parse identical bytes; the
 * CPU is this JVM's (GC and JIT threads included) and, separately, the reading thread's. Raw and
 * driver runs alternate after a warm-up; medians.
 */
final class CpuBench {
  private static final double TARGET_RATIO = 1.5;

  /** PyCap's {@code export_records} on the full 20,000 × 100 export (issue 18), in seconds. */
  private static final double PYCAP_SECONDS = 0.78;

  private static final double PYCAP_VALUES = 2.26e6;
  private static final int WARM_UPS = 3;

  /** The least reading-thread CPU of the raw walk's side of one sample. */
  private static final long SAMPLE_NANOS = 200_000_000L;

  private static final int MAX_TIMES = 40;
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private CpuBench() {}

  /** One measured statement: what it reads, and the samples of both readers. */
  private record Shape(String name, String sql) {}

  private record Run(long processCpu, long threadCpu, long wall, Sample.Counted counted) {}

  static String run(MainProject main, Options o) throws Exception {
    EmulatorProcess server = main.emulator;
    List<Shape> shapes =
        List.of(
            new Shape("`SELECT *` over `records`", "SELECT * FROM records"),
            new Shape("`SELECT *` over an instrument table", "SELECT * FROM instrument_2"),
            new Shape(
                "three-column projection", "SELECT record_id, f2_integer, f4_date FROM records"));
    int reps = Math.max(o.reps, 5);
    StringBuilder md = new StringBuilder("### 8. Client CPU per value\n\n");
    md.append(
        f(
            "The read path from response bytes to `getObject` on every column, on the generated"
                + " project (`--generate %s`), each statement read with"
                + " `batchSize=1000000;batchValues=0` (once the project's size is known: one request),"
                + " against the raw OkHttp + Jackson walk (every value decoded to a String) of the"
                + " same requests, replayed from the emulator's log. Client CPU is this JVM's process CPU (GC and JIT included);"
                + " thread CPU is the reading thread's alone (parse, conversion and `getObject` all run on it),"
                + " on a clock finer than the process CPU's 10 ms ticks, so it is the figure to read"
                + " for the small statements. A statement whose raw walk takes less than 200 ms of"
                + " thread CPU is read several times in a row per sample (raw and driver alike),"
                + " so that its CPU spans many ticks; the figures are per read. %d warm-ups, then %d"
                + " interleaved"
                + " pairs; medians. Per million values: the values the reader returned (the"
                + " driver's `getObject` calls; the raw walk's JSON values). The driver runs as a"
                + " plain Statement (parsed and planned on every execution, as the issue measured"
                + " it) and as a PreparedStatement executed again (the read path alone).\n\n",
            main.spec, WARM_UPS, reps));
    md.append(
        "| statement | reader | requests | values | client CPU | per M values | thread CPU | wall |"
            + " driver / raw (client CPU; thread CPU) |\n|---|---|---|---|---|---|---|---|---|\n");
    List<String> verdicts = new ArrayList<>();
    List<Integer> timesPerSample = new ArrayList<>();
    jdk.jfr.Recording recording = null;
    if (o.jfr != null) {
      recording = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
      recording.setDestination(o.jfr);
    }
    try (RawApi api = main.raw();
        Connection one = main.connect("batchSize=1000000", "batchValues=0")) {
      for (Shape shape : shapes) {
        Benchmarks.say("cpu: " + shape.sql);
        // The first read counts the project; later ones know its size and send one request.
        Sql.readAll(one, shape.sql);
        server.resetStats();
        Sql.readAll(one, shape.sql);
        List<Map<String, List<String>>> sent = new ArrayList<>();
        for (EmulatorProcess.LoggedRequest r : server.stats().requests()) {
          if (r.method().equals("record/export")) {
            sent.add(r.params());
          }
        }
        if (sent.isEmpty()) {
          throw new IllegalStateException(shape.sql + " sent no record export");
        }
        PreparedStatement prepared = one.prepareStatement(shape.sql);
        for (int i = 0; i < WARM_UPS; i++) {
          measure(1, () -> replay(api, sent));
          measure(1, () -> Sql.readAll(one, shape.sql));
          measure(1, () -> readAll(prepared));
        }
        // A small statement is read several times per sample, so that its CPU spans many ticks
        // of the process CPU clock (10 ms here); figures are per read.
        long oneRaw = measure(1, () -> replay(api, sent)).threadCpu();
        int times = (int) Math.min(MAX_TIMES, Math.max(1, SAMPLE_NANOS / Math.max(oneRaw, 1)));
        timesPerSample.add(times);
        if (recording != null && recording.getState() == jdk.jfr.RecordingState.NEW) {
          recording.start();
        }
        List<Run> raw = new ArrayList<>();
        List<Run> driver = new ArrayList<>();
        List<Run> preparedRuns = new ArrayList<>();
        for (int i = 0; i < reps; i++) {
          raw.add(measure(times, () -> replay(api, sent)));
          driver.add(measure(times, () -> Sql.readAll(one, shape.sql)));
          preparedRuns.add(measure(times, () -> readAll(prepared)));
          Benchmarks.say(
              f(
                  "  rep %d: raw %s ms CPU, driver %s ms CPU, prepared %s ms CPU",
                  i + 1,
                  Report.ms(raw.get(i).processCpu),
                  Report.ms(driver.get(i).processCpu),
                  Report.ms(preparedRuns.get(i).processCpu)));
        }
        prepared.close();
        // An instrument table leaves out the rows without data on its form.
        boolean sameRows = raw.get(0).counted.rows() == driver.get(0).counted.rows();
        if (shape.sql.contains("instrument_")
            ? raw.get(0).counted.rows() < driver.get(0).counted.rows()
            : !sameRows) {
          throw new IllegalStateException(
              shape.sql
                  + ": the driver read "
                  + driver.get(0).counted.rows()
                  + " rows, the raw walk "
                  + raw.get(0).counted.rows());
        }
        long rawCpu = median(raw, Run::processCpu);
        long drvCpu = median(driver, Run::processCpu);
        long preparedCpu = median(preparedRuns, Run::processCpu);
        long rawThread = median(raw, Run::threadCpu);
        double ratio = (double) drvCpu / rawCpu;
        double preparedRatio = (double) preparedCpu / rawCpu;
        double threadRatio = (double) median(driver, Run::threadCpu) / rawThread;
        double preparedThreadRatio = (double) median(preparedRuns, Run::threadCpu) / rawThread;
        row(md, shape.name, "raw walk", sent.size(), raw, "");
        row(
            md,
            shape.name,
            "driver (Statement)",
            sent.size(),
            driver,
            Report.ratio(ratio) + "; " + Report.ratio(threadRatio));
        row(
            md,
            shape.name,
            "driver (PreparedStatement, planned once)",
            sent.size(),
            preparedRuns,
            Report.ratio(preparedRatio) + "; " + Report.ratio(preparedThreadRatio));
        String verdict =
            f(
                "%s: driver / raw walk (client CPU, a Statement planned each time) = %s (target ≤"
                    + " %.1f ×: %s; by thread CPU %s; a PreparedStatement: %s, by thread CPU %s)",
                shape.name,
                Report.ratio(ratio),
                TARGET_RATIO,
                Report.met(ratio <= TARGET_RATIO),
                Report.ratio(threadRatio),
                Report.ratio(preparedRatio),
                Report.ratio(preparedThreadRatio));
        if (shape.sql.equals("SELECT * FROM records")) {
          long wireValues = raw.get(0).counted.values();
          double perPyCap = Sample.seconds(drvCpu) / wireValues * PYCAP_VALUES;
          verdict +=
              f(
                  "; %s s of client CPU per %.2f M wire values (target ≤ %.2f s, half of"
                      + " PyCap's %.2f s: %s)",
                  f("%.2f", perPyCap),
                  PYCAP_VALUES / 1e6,
                  PYCAP_SECONDS / 2,
                  PYCAP_SECONDS,
                  Report.met(perPyCap <= PYCAP_SECONDS / 2));
        }
        verdicts.add(verdict);
      }
    }
    if (recording != null) {
      recording.stop();
      recording.close();
      Benchmarks.say("Flight recording of the timed reads: " + o.jfr);
    }
    md.append(
        f(
            "\nReads per sample, in the order of the table: %s.\n\n",
            timesPerSample.stream().map(String::valueOf).collect(Collectors.joining(", "))));
    for (String v : verdicts) {
      md.append("* ").append(v).append(".\n");
    }
    return md.toString();
  }

  @FunctionalInterface
  private interface Read {
    Sample.Counted read() throws Exception;
  }

  private static Sample.Counted readAll(PreparedStatement prepared) throws Exception {
    try (ResultSet rs = prepared.executeQuery()) {
      return Sql.readAll(rs);
    }
  }

  /**
   * The driver's requests, one after the other, each answer walked: values summed, rows those of
   * the largest answer (the ID pass's rows are the same rows' IDs).
   */
  private static Sample.Counted replay(RawApi api, List<Map<String, List<String>>> sent)
      throws Exception {
    long rows = 0;
    long values = 0;
    long nonNull = 0;
    for (Map<String, List<String>> r : sent) {
      Sample.Counted c = api.export(r);
      rows = Math.max(rows, c.rows());
      values += c.values();
      nonNull += c.nonNull();
    }
    return new Sample.Counted(rows, values, nonNull, 0);
  }

  /** Reads {@code times} times; the figures of one read (the mean), the first read's counts. */
  private static Run measure(int times, Read read) throws Exception {
    long cpu0 = Jvm.processCpuNanos();
    long thread0 = THREADS.getCurrentThreadCpuTime();
    long t0 = System.nanoTime();
    Sample.Counted c = read.read();
    for (int i = 1; i < times; i++) {
      read.read();
    }
    long wall = System.nanoTime() - t0;
    long thread = THREADS.getCurrentThreadCpuTime() - thread0;
    long cpu = Jvm.processCpuNanos() - cpu0;
    return new Run(cpu / times, thread / times, wall / times, c);
  }

  private static long median(List<Run> runs, java.util.function.ToLongFunction<Run> measure) {
    return Sample.median(runs.stream().mapToLong(measure).toArray());
  }

  private static void row(
      StringBuilder md, String shape, String reader, int requests, List<Run> runs, String ratio) {
    long cpu = median(runs, Run::processCpu);
    long values = runs.get(0).counted.values();
    md.append(
        f(
            "| %s | %s | %d | %s | %s ms | %s s | %s ms | %s s | %s |\n",
            shape,
            reader,
            requests,
            Report.count(values),
            Report.ms(cpu),
            f("%.3f", Sample.seconds(cpu) / (values / 1e6)),
            Report.ms(median(runs, Run::threadCpu)),
            Report.s(median(runs, Run::wall)),
            ratio));
  }
}
