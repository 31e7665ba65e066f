package org.redcapjdbc.bench;

import com.sun.management.OperatingSystemMXBean;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** This JVM's CPU time and load, and child JVMs run on this JVM's class path. */
final class Jvm {
  private static final OperatingSystemMXBean OS =
      (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private Jvm() {}

  static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** CPU time of this process (every thread, GC and JIT included), in nanoseconds. */
  static long processCpuNanos() {
    return OS.getProcessCpuTime();
  }

  /** The one-minute load average of the machine. */
  static double loadAverage() {
    return OS.getSystemLoadAverage();
  }

  static long totalMemoryBytes() {
    return OS.getTotalMemorySize();
  }

  /** What a child JVM printed, and how long it ran. */
  record ChildResult(int status, String output, long wallNanos) {}

  /**
   * Runs {@code mainClass} in a fresh JVM with this JVM's class path and the given JVM options;
   * secrets go through the environment, never the command line.
   */
  static ChildResult runChild(
      List<String> jvmOptions,
      Class<?> mainClass,
      List<String> args,
      String tokenForEnvironment,
      long timeoutSeconds)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(java());
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(mainClass.getName());
    command.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().put("REDCAP_TOKEN", tokenForEnvironment);
    long start = System.nanoTime();
    Process p = pb.start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException(
          mainClass.getSimpleName() + " did not finish within " + timeoutSeconds + " s");
    }
    return new ChildResult(
        p.exitValue(), new String(out, StandardCharsets.UTF_8), System.nanoTime() - start);
  }

  static String classPathSeparator() {
    return File.pathSeparator;
  }
}
