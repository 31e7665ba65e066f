package org.redcapjdbc.bench;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs the benchmarks from a private copy of the project's own build output. The checkout is
 * shared: another build that cleans or recompiles {@code calcite-adapter/target} or rebuilds the
 * emulator jar while the benchmarks run (they take tens of minutes) would otherwise make classes
 * vanish mid-run ({@code NoClassDefFoundError}) or start a different emulator. Class-path
 * entries outside a {@code target} directory (the Maven repository) do not change and are used
 * where they are.
 */
final class ClassPathSnapshot {
  static final String MARKER = "redcap.bench.snapshot";

  private ClassPathSnapshot() {}

  /** Whether this JVM already runs from a snapshot. */
  static boolean active() {
    return System.getProperty(MARKER) != null;
  }

  /**
   * Copies the build output on the class path and the emulator jar under {@code work}, then
   * runs {@code mainClass} in a child JVM with the same JVM options on the copied class path,
   * passing {@code args} with the emulator jar replaced by its copy; returns its exit status.
   */
  static int relaunch(Class<?> mainClass, List<String> args, Path emulatorJar, Path work)
      throws IOException, InterruptedException {
    Path root = Files.createDirectories(work.resolve("classpath"));
    List<String> entries = new ArrayList<>();
    int n = 0;
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path p = Path.of(entry);
      if (!isBuildOutput(p) || !Files.exists(p)) {
        entries.add(entry);
        continue;
      }
      Path copy = root.resolve(n++ + "-" + p.getFileName());
      copy(p, copy);
      entries.add(copy.toString());
    }
    Path emulatorCopy = root.resolve(emulatorJar.getFileName());
    if (Files.isRegularFile(emulatorJar)) {
      Files.copy(emulatorJar, emulatorCopy, StandardCopyOption.REPLACE_EXISTING);
    }
    List<String> command = new ArrayList<>();
    command.add(Jvm.java());
    command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
    command.add("-D" + MARKER + "=true");
    command.add("-cp");
    command.add(String.join(File.pathSeparator, entries));
    command.add(mainClass.getName());
    for (String a : args) {
      command.add(
          a.startsWith("emulatorJar=") && Files.isRegularFile(emulatorJar)
              ? "emulatorJar=" + emulatorCopy
              : a);
    }
    command.add("work=" + work);
    Benchmarks.say(
        "Running from a copy of the build output in "
            + root
            + " (other builds may rewrite target/ meanwhile)");
    Process p = new ProcessBuilder(command).inheritIO().start();
    Runtime.getRuntime().addShutdownHook(new Thread(p::destroy, "benchmarks-stop"));
    return p.waitFor();
  }

  private static boolean isBuildOutput(Path p) {
    for (Path part : p.toAbsolutePath()) {
      if (part.toString().equals("target")) {
        return true;
      }
    }
    return false;
  }

  private static void copy(Path from, Path to) throws IOException {
    if (Files.isRegularFile(from)) {
      Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
      return;
    }
    try (Stream<Path> tree = Files.walk(from)) {
      tree.forEach(
          source -> {
            Path target = to.resolve(from.relativize(source).toString());
            try {
              if (Files.isDirectory(source)) {
                Files.createDirectories(target);
              } else {
                Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
              }
            } catch (IOException e) {
              throw new UncheckedIOException("Copying " + source + " for the benchmarks failed", e);
            }
          });
    }
  }
}
