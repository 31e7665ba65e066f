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

  private ParallelBench() {
  }

  static String run(Options o, Path work) throws Exception {
    String spec = o.mainSpec();
    Benchmarks.say("Starting an emulator with --generate " + spec + " and --fault-latency-ms "
        + o.latencyMs + " ...");
    try (EmulatorProcess e = EmulatorProcess.start(o.emulatorJar, o.emulatorHeap,
        List.of("--generate", spec, "--fault-latency-ms", Integer.toString(o.latencyMs)),
        work)) {
      String token = e.project("Generated project").token();
      Map<Integer, List<Sample>> samples = new LinkedHashMap<>();
      Map<Integer, Long> requests = new LinkedHashMap<>();
      Map<Integer, String> digests = new LinkedHashMap<>();
      Map<Integer, Connection> connections = new LinkedHashMap<>();
      try {
        for (int p : PARALLELISM) {
          connections.put(p, Sql.redcap(e.url(), token, "parallelism=" + p));
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
            Benchmarks.say(f("rep %d, parallelism=%d: %s s", i + 1, p,
                Report.s(samples.get(p).get(i).wallNanos())));
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
      long one = Sample.median(samples.get(1), Sample::wallNanos);
      long four = Sample.median(samples.get(4), Sample::wallNanos);
      double speedup = (double) one / four;
      boolean identical = digests.values().stream().distinct().count() == 1;
      StringBuilder md = new StringBuilder("### 4. Parallel batches under latency\n\n");
      md.append(f("The full scan (`%s`, default `batchSize=500`) against a second emulator"
          + " started with `--fault-latency-ms %d` (every API request waits %d ms before it"
          + " is answered), with `parallelism` 1, 2 and 4, interleaved; medians of %d.\n\n",
          FullScanBench.SQL, o.latencyMs, o.latencyMs, o.reps));
      md.append("| parallelism | export requests | wall (median) | speed-up over 1 | client CPU"
          + " | emulator CPU | SHA-256 of every value in order |\n|---|---|---|---|---|---|---|\n");
      for (int p : PARALLELISM) {
        long w = Sample.median(samples.get(p), Sample::wallNanos);
        md.append(f("| %d | %d | %s s | %s | %s s | %s s | `%s…` |\n", p, requests.get(p),
            Report.s(w), Report.ratio((double) one / w),
            Report.s(Sample.median(samples.get(p), Sample::clientCpuNanos)),
            Report.s(Sample.median(samples.get(p), Sample::serverCpuNanos)),
            digests.get(p).substring(0, 16)));
      }
      md.append(f("\n* `parallelism=4` is **%s** faster than `parallelism=1` (target ≥ %.0f ×:"
          + " %s); results %s.\n", Report.ratio(speedup), TARGET, Report.met(speedup >= TARGET),
          identical ? "**identical** (same digest, rows in the same order)"
              : "**DIFFERENT**"));
      long cpu4 = Sample.median(samples.get(4), Sample::serverCpuNanos)
          + Sample.median(samples.get(4), Sample::clientCpuNanos);
      int cores = Runtime.getRuntime().availableProcessors();
      long latency = requests.get(4) * o.latencyMs * 1_000_000L;
      long floor = Math.max(cpu4 / cores, latency / 4);
      md.append(f("* What bounds it here: the %d requests wait %s s in all (%s s with 4 at a"
          + " time), but the emulator and the client together use %s s of CPU per scan, on"
          + " %d cores shared with other work, so no parallelism can take the scan below"
          + " about %s s: at best %s faster than `parallelism=1` on this machine. Against a"
          + " REDCap server elsewhere, whose CPU is not the client's, the waits overlap fully.\n",
          requests.get(4), Report.s(latency), Report.s(latency / 4), Report.s(cpu4), cores,
          Report.s(floor), Report.ratio((double) one / floor)));
      return md.toString();
    }
  }
}
