package org.redcapjdbc.emulator.bench;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.redcapjdbc.emulator.EmulatedProject;
import org.redcapjdbc.emulator.RedcapEmulator;

/**
 * Emulator export throughput: generates the 20k x 100 project, then times full flat JSON (and CSV)
 * record exports over HTTP, reading the body to the end, and reports MB/s and the peak heap of this
 * JVM (which runs both the emulator and the reading client). Not a unit test: run it by hand,
 *
 * <pre>
 * mvn -B -q -pl emulator test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.redcapjdbc.emulator.bench.ExportThroughputBenchmark
 * </pre>
 *
 * or with {@code java -cp} on the test classpath. Optional arguments: the generator spec, and
 * {@code data} to keep the database in a temporary directory instead of memory.
 */
public final class ExportThroughputBenchmark {
  private ExportThroughputBenchmark() {}

  public static void main(String[] args) throws Exception {
    String spec = args.length > 0 ? args[0] : "records=20000,fields=100,seed=1";
    boolean onDisk = args.length > 1 && args[1].equals("data");
    java.nio.file.Path dir =
        onDisk ? java.nio.file.Files.createTempDirectory("emulator-bench") : null;
    resetPeaks();
    try (RedcapEmulator emulator = RedcapEmulator.builder().dataDir(dir).build().start()) {
      long t0 = System.nanoTime();
      long cpu0 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
      EmulatedProject p = emulator.generate(spec, null);
      double generateSeconds = (System.nanoTime() - t0) / 1e9;
      double generateCpu =
          (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu0) / 1e9;
      System.out.printf(
          Locale.ROOT,
          "generate %s: %.1f s wall, %.1f s CPU, peak heap %.0f MB%n",
          spec,
          generateSeconds,
          generateCpu,
          peakHeapMb());
      System.gc();
      Runtime rt = Runtime.getRuntime();
      System.out.printf(
          Locale.ROOT,
          "storage: %s, heap in use after GC: %.0f MB%n",
          onDisk ? "files" : "memory",
          (rt.totalMemory() - rt.freeMemory()) / 1e6);
      HttpClient http = HttpClient.newHttpClient();
      for (String format : new String[] {"json", "csv", "json", "csv"}) {
        System.gc();
        resetPeaks();
        String body =
            "token="
                + URLEncoder.encode(p.token(), StandardCharsets.UTF_8)
                + "&content=record&type=flat&format="
                + format;
        long start = System.nanoTime();
        long cpuStart = processCpuNanos();
        HttpResponse<InputStream> r =
            http.send(
                HttpRequest.newBuilder(URI.create(emulator.url()))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        long bytes = 0;
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = r.body()) {
          for (int n; (n = in.read(buffer)) > 0; ) {
            bytes += n;
          }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpu = (processCpuNanos() - cpuStart) / 1e9;
        System.out.printf(
            Locale.ROOT,
            "export %s: status %d, %.1f MB in %.2f s = %.1f MB/s (process CPU %.1f s), peak heap %.0f MB%n",
            format,
            r.statusCode(),
            bytes / 1e6,
            seconds,
            bytes / 1e6 / seconds,
            cpu,
            peakHeapMb());
      }
    }
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static void resetPeaks() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      pool.resetPeakUsage();
    }
  }

  private static double peakHeapMb() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum / 1e6;
  }
}
