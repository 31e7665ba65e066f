package org.redcapjdbc.bench;

import static org.redcapjdbc.bench.Report.f;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Target 5: a full scan of a large generated project (200,000 records by default) in a driver
 * JVM limited to {@code -Xmx128m}: it completes only if rows stream end to end.
 */
final class MemoryBench {
  private MemoryBench() {}

  static String run(Options o, Path work) throws Exception {
    String spec = "records=" + o.memRecords + ",fields=" + o.memFields + ",seed=2";
    Benchmarks.say(
        "Starting an emulator with --generate "
            + spec
            + " (heap "
            + o.memEmulatorHeap
            + "); generating takes minutes ...");
    long t0 = System.nanoTime();
    try (EmulatorProcess e =
        EmulatorProcess.start(
            o.emulatorJar, o.memEmulatorHeap, List.of("--generate", spec), work)) {
      Benchmarks.say("Emulator ready in " + Report.s(System.nanoTime() - t0) + " s");
      String token = e.project("Generated project").token();
      e.resetStats();
      Jvm.ChildResult r =
          Jvm.runChild(
              List.of("-Xmx" + o.driverHeap, "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"),
              MemoryProbe.class,
              List.of(e.url(), FullScanBench.SQL),
              token,
              3600);
      EmulatorProcess.Stats st = e.stats();
      Map<String, String> v = new HashMap<>();
      for (String line : r.output().split("\n")) {
        int eq = line.indexOf('=');
        if (eq > 0 && line.matches("[a-z_]+=[0-9.E]+")) {
          v.put(line.substring(0, eq), line.substring(eq + 1));
        }
      }
      boolean completed = r.status() == 0 && v.containsKey("rows");
      StringBuilder md = new StringBuilder("### 5. Memory: a large scan in a small heap\n\n");
      md.append(
          f(
              "`%s` on a generated project of %s records (`--generate %s`, emulator heap"
                  + " %s) in a driver JVM started with `-Xmx%s`, every value read with `getObject`."
                  + " Heap in use is sampled every 5 ms; \"pool peaks\" adds each heap pool's own peak"
                  + " (an upper bound); \"old generation after GC\" is what stayed live.\n\n",
              FullScanBench.SQL,
              Report.count(o.memRecords),
              spec,
              o.memEmulatorHeap,
              o.driverHeap));
      if (!completed) {
        md.append(
            "**The scan did not complete** (exit status "
                + r.status()
                + "):\n\n```\n"
                + tail(r.output())
                + "\n```\n");
        return md.toString();
      }
      long rows = Long.parseLong(v.get("rows"));
      long values = Long.parseLong(v.get("values"));
      double wall = Double.parseDouble(v.get("wall_ms")) / 1000;
      md.append(
          "| rows | values | time | export requests | response bytes | heap limit |"
              + " sampled peak | pool peaks | old generation after GC |\n"
              + "|---|---|---|---|---|---|---|---|---|\n");
      md.append(
          f(
              "| %s | %s | %.1f s | %d | %s | %.0f MB | %.0f MB | %.0f MB | %.0f MB |\n\n",
              Report.count(rows),
              Report.count(values),
              wall,
              st.requests("record/export"),
              Report.bytes(st.totalResponseBytes()),
              Double.parseDouble(v.get("max_heap_mb")),
              Double.parseDouble(v.get("sampled_peak_mb")),
              Double.parseDouble(v.get("pool_peaks_mb")),
              Double.parseDouble(v.get("old_after_gc_mb"))));
      md.append(
          f(
              "* Completed at `-Xmx%s` with %s of JSON passing through: %s.\n",
              o.driverHeap,
              Report.bytes(st.totalResponseBytes()),
              Report.met(rows == o.memRecords)));
      md.append(cached(o, e, token));
      return md.toString();
    }
  }

  /**
   * The same project held by the snapshot cache ({@code cache=memory}) in a driver JVM of {@code
   * -Xmx512m}: the fill, then a GROUP BY over the copy.
   */
  private static String cached(Options o, EmulatorProcess e, String token) throws Exception {
    String sql = "SELECT f3_radio, COUNT(*), SUM(f2_integer) FROM records GROUP BY f3_radio";
    e.resetStats();
    Jvm.ChildResult r =
        Jvm.runChild(
            List.of("-Xmx512m", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"),
            MemoryProbe.class,
            List.of(e.url(), sql, "cache=memory"),
            token,
            3600);
    Map<String, String> v = new HashMap<>();
    for (String line : r.output().split("\n")) {
      int eq = line.indexOf('=');
      if (eq > 0 && line.matches("[a-z_]+=[0-9.E]+")) {
        v.put(line.substring(0, eq), line.substring(eq + 1));
      }
    }
    if (r.status() != 0 || !v.containsKey("rows")) {
      return "\n**The snapshot cache (`cache=memory`) did not hold this project at `-Xmx512m`**"
          + " (exit status "
          + r.status()
          + "):\n\n```\n"
          + tail(r.output())
          + "\n```\n";
    }
    return f(
        "\nSnapshot cache: the same project filled into `cache=memory` and a GROUP BY answered"
            + " from it in a driver JVM of `-Xmx512m`: %.1f s, %d requests, sampled heap peak"
            + " %.0f MB, old generation after GC %.0f MB.\n",
        Double.parseDouble(v.get("wall_ms")) / 1000,
        e.stats().totalRequests(),
        Double.parseDouble(v.get("sampled_peak_mb")),
        Double.parseDouble(v.get("old_after_gc_mb")));
  }

  private static String tail(String output) {
    String[] lines = output.split("\n");
    int from = Math.max(0, lines.length - 30);
    return String.join("\n", java.util.Arrays.copyOfRange(lines, from, lines.length));
  }
}
