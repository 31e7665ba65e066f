package org.redcapjdbc.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.sql.Connection;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Run in a small-heap JVM by {@link MemoryBench}: a query (a full scan) read with {@code
 * getObject}, while a sampler records the heap in use. Arguments: URL, SQL, then connection
 * properties as {@code key=value}. Prints {@code key=value} lines; the token comes from {@code
 * REDCAP_TOKEN}.
 */
public final class MemoryProbe {
  private MemoryProbe() {}

  public static void main(String[] args) throws Exception {
    String url = args[0];
    String sql = args[1];
    AtomicLong sampledPeak = new AtomicLong();
    Thread sampler =
        new Thread(
            () -> {
              var memory = ManagementFactory.getMemoryMXBean();
              while (!Thread.currentThread().isInterrupted()) {
                long used = memory.getHeapMemoryUsage().getUsed();
                sampledPeak.accumulateAndGet(used, Math::max);
                try {
                  Thread.sleep(5);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "heap-sampler");
    sampler.setDaemon(true);
    sampler.start();
    long t0 = System.nanoTime();
    Sample.Counted counted;
    String[] properties = java.util.Arrays.copyOfRange(args, 2, args.length);
    try (Connection c = Sql.redcap(url, System.getenv("REDCAP_TOKEN"), properties)) {
      counted = Sql.readAll(c, sql);
    }
    long wall = System.nanoTime() - t0;
    sampler.interrupt();
    long poolPeaks = 0;
    long afterGc = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        poolPeaks += pool.getPeakUsage().getUsed();
        if (pool.getCollectionUsage() != null) {
          afterGc = Math.max(afterGc, pool.getCollectionUsage().getUsed());
        }
      }
    }
    System.out.println("rows=" + counted.rows());
    System.out.println("values=" + counted.values());
    System.out.println("wall_ms=" + wall / 1e6);
    System.out.println("max_heap_mb=" + Runtime.getRuntime().maxMemory() / 1e6);
    System.out.println("sampled_peak_mb=" + sampledPeak.get() / 1e6);
    System.out.println("pool_peaks_mb=" + poolPeaks / 1e6);
    System.out.println("old_after_gc_mb=" + afterGc / 1e6);
  }
}
