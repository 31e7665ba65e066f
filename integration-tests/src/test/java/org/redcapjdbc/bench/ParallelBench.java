package org.redcapjdbc.bench;

import static org.redcapjdbc.bench.Report.f;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Target 4: the full scan against an emulator that adds latency to every API request, with
 * {@code parallelism} 1, 2 and 4 (runs interleaved), and a digest of every value to show the
 * results are identical.
 */
final class ParallelBench {
  private static final int[] PARALLELISM = {1, 2, 4};
  private static final double TARGET = 3.0;
  private static final int DEFAULT_BATCH = 500;

  private ParallelBench() {}

  /** What one project's scans measured: samples, requests and digests per parallelism. */
  private record Measured(
      String spec,
      int batchSize,
      Map<Integer, List<Sample>> samples,
      Map<Integer, Long> requests,
      Map<Integer, String> digests) {
    long wall(int p) {
      return Sample.median(samples.get(p), Sample::wallNanos);
    }

    double speedup() {
      return (double) wall(1) / wall(4);
    }

    boolean identical() {
      return digests.values().stream().distinct().count() == 1;
    }
  }

  static String run(Options o, Path work) throws Exception {
    Measured main = measure(o, work, o.mainSpec(), DEFAULT_BATCH);
    // The same number of requests where the server's own work per request is small (a tenth of
    // the records and of the fields, a tenth of the batch size): what parallelism overlaps, the
    // latency, is then most of each request. This separates the driver's parallelism from this
    // machine's CPU bound (the emulator goes through every record on every request).
    Measured small =
        measure(
            o,
            work,
            "records="
                + Math.max(1, o.records / 10)
                + ",fields="
                + Math.max(2, o.fields / 10)
                + ",seed=1",
            Math.max(1, DEFAULT_BATCH / 10));

    StringBuilder md = new StringBuilder("### 4. Parallel batches under latency\n\n");
    md.append(
        f(
            "The full scan (`%s`) against an emulator started with `--fault-latency-ms %d`"
                + " (every API request waits %d ms before it is answered), with `parallelism` 1, 2 and"
                + " 4, interleaved; medians of %d. First the main project with the default"
                + " `batchSize=%d`; then, to separate the driver's parallelism from this machine's CPU"
                + " bound, a project with a tenth of the records and of the fields read with a tenth of"
                + " the batch size: the same number of requests, each with little server work.\n\n",
            FullScanBench.SQL, o.latencyMs, o.latencyMs, o.reps, DEFAULT_BATCH));
    md.append(
        "| project | batchSize | parallelism | export requests | wall (median) | speed-up"
            + " over 1 | client CPU | emulator CPU | SHA-256 of every value in order |\n"
            + "|---|---|---|---|---|---|---|---|---|\n");
    for (Measured m : List.of(main, small)) {
      for (int p : PARALLELISM) {
        long w = m.wall(p);
        md.append(
            f(
                "| `%s` | %d | %d | %d | %s s | %s | %s s | %s s | `%s…` |\n",
                m.spec(),
                m.batchSize(),
                p,
                m.requests().get(p),
                Report.s(w),
                Report.ratio((double) m.wall(1) / w),
                Report.s(Sample.median(m.samples().get(p), Sample::clientCpuNanos)),
                Report.s(Sample.median(m.samples().get(p), Sample::serverCpuNanos)),
                m.digests().get(p).substring(0, 16)));
      }
    }
    md.append(
        f(
            "\n* Main project: `parallelism=4` is **%s** faster than `parallelism=1`"
                + " (target ≥ %.0f ×: %s); results %s.\n",
            Report.ratio(main.speedup()),
            TARGET,
            Report.met(main.speedup() >= TARGET),
            identical(main)));
    md.append(
        f(
            "* Little server work per request (`%s`, `batchSize=%d`, %d requests):"
                + " `parallelism=4` is **%s** faster than `parallelism=1` (%s); results %s.\n",
            small.spec(),
            small.batchSize(),
            small.requests().get(4),
            Report.ratio(small.speedup()),
            small.speedup() >= TARGET ? "at least 3 ×" : "under 3 ×",
            identical(small)));
    long cpu4 =
        Sample.median(main.samples().get(4), Sample::serverCpuNanos)
            + Sample.median(main.samples().get(4), Sample::clientCpuNanos);
    int cores = Runtime.getRuntime().availableProcessors();
    long latency = main.requests().get(4) * o.latencyMs * 1_000_000L;
    long floor = Math.max(cpu4 / cores, latency / 4);
    md.append(
        f(
            "* What bounds the main project here: the %d requests wait %s s in all (%s s"
                + " with 4 at a time), but the emulator and the client together use %s s of CPU per"
                + " scan, on %d cores shared with other work, so no parallelism can take the scan"
                + " below about %s s: at best %s faster than `parallelism=1` on this machine. Against"
                + " a REDCap server elsewhere, whose CPU is not the client's, the waits overlap"
                + " fully.\n",
            main.requests().get(4),
            Report.s(latency),
            Report.s(latency / 4),
            Report.s(cpu4),
            cores,
            Report.s(floor),
            Report.ratio((double) main.wall(1) / floor)));
    return md.toString();
  }

  private static String identical(Measured m) {
    return m.identical() ? "**identical** (same digest, rows in the same order)" : "**DIFFERENT**";
  }

  private static Measured measure(Options o, Path work, String spec, int batchSize)
      throws Exception {
    Benchmarks.say(
        "Starting an emulator with --generate "
            + spec
            + " and --fault-latency-ms "
            + o.latencyMs
            + " ...");
    try (EmulatorProcess e =
        EmulatorProcess.start(
            o.emulatorJar,
            o.emulatorHeap,
            List.of("--generate", spec, "--fault-latency-ms", Integer.toString(o.latencyMs)),
            work)) {
      String token = e.project("Generated project").token();
      Map<Integer, List<Sample>> samples = new LinkedHashMap<>();
      Map<Integer, Long> requests = new LinkedHashMap<>();
      Map<Integer, String> digests = new LinkedHashMap<>();
      Map<Integer, Connection> connections = new LinkedHashMap<>();
      try {
        for (int p : PARALLELISM) {
          connections.put(
              p,
              Sql.redcap(
                  e.url(), token, "parallelism=" + p, "batchSize=" + batchSize, "batchValues=0"));
          samples.put(p, new ArrayList<>());
        }
        Benchmarks.say("warm-up scan");
        Sql.readAll(connections.get(4), FullScanBench.SQL);
        for (int i = 0; i < o.reps; i++) {
          for (int p : PARALLELISM) {
            Connection c = connections.get(p);
            e.resetStats();
            samples.get(p).add(Sample.of(e, () -> Sql.readAll(c, FullScanBench.SQL)));
            requests.put(p, e.stats().requests("record/export"));
            Benchmarks.say(
                f(
                    "rep %d, parallelism=%d: %s s",
                    i + 1, p, Report.s(samples.get(p).get(i).wallNanos())));
          }
        }
        for (int p : PARALLELISM) {
          digests.put(p, Sql.digest(connections.get(p), FullScanBench.SQL));
        }
      } finally {
        for (Connection c : connections.values()) {
          c.close();
        }
      }
      return new Measured(spec, batchSize, samples, requests, digests);
    }
  }
}
