package org.redcapjdbc.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * One timed run: wall time, this JVM's CPU time (the client: driver or raw reader) and the
 * emulator's CPU time (the server) over the same interval, and what the run counted.
 */
record Sample(long wallNanos, long clientCpuNanos, long serverCpuNanos, Counted counted) {

  /** What a run read: rows, values, and a check value for comparing runs. */
  record Counted(long rows, long values, long nonNull, long check) {}

  /** A run that produces counts. */
  @FunctionalInterface
  interface Run {
    Counted run() throws Exception;
  }

  /** Times {@code run}, with the emulator's CPU read before and after (null: no server). */
  static Sample of(EmulatorProcess server, Run run) throws Exception {
    long serverBefore = server == null ? 0 : server.cpu().toNanos();
    long cpuBefore = Jvm.processCpuNanos();
    long start = System.nanoTime();
    Counted c = run.run();
    long wall = System.nanoTime() - start;
    long cpu = Jvm.processCpuNanos() - cpuBefore;
    long serverCpu = server == null ? 0 : server.cpu().toNanos() - serverBefore;
    return new Sample(wall, cpu, serverCpu, c);
  }

  static double seconds(long nanos) {
    return nanos / 1e9;
  }

  static double millis(long nanos) {
    return nanos / 1e6;
  }

  /** The median of a list of samples by one measure (the lower middle for even sizes). */
  static long median(List<Sample> samples, ToLongFunction<Sample> measure) {
    long[] values = samples.stream().mapToLong(measure).toArray();
    return median(values);
  }

  static long median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  /** Ratios a[i] / b[i] of paired runs (run i of each measured back to back). */
  static double[] pairedRatios(List<Sample> a, List<Sample> b, ToLongFunction<Sample> measure) {
    List<Double> out = new ArrayList<>();
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      out.add((double) measure.applyAsLong(a.get(i)) / measure.applyAsLong(b.get(i)));
    }
    return out.stream().mapToDouble(Double::doubleValue).toArray();
  }

  static double min(double[] v) {
    return Arrays.stream(v).min().orElse(Double.NaN);
  }

  static double max(double[] v) {
    return Arrays.stream(v).max().orElse(Double.NaN);
  }
}
