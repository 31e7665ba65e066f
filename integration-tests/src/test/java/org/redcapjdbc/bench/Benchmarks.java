package org.redcapjdbc.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark command: starts emulators as child processes, measures the driver against the
 * raw API, H2 and its memory bound, prints the figures and rewrites the driver part of
 * {@code docs/benchmarks.md}. Every comparison is a ratio of runs made back to back in this one
 * run, because the machine it runs on is shared. Not a test: run it with
 * {@code mvn -B -Pbench -pl integration-tests -am -DskipTests verify}.
 */
public final class Benchmarks {
  private static final List<String> ON_MAIN_PROJECT =
      List.of("scan", "h2", "transfer", "latency", "writes", "cpu", "cache");

  private final Options options;
  private final Path work;
  private final Report report;
  private final List<Double> loads = new ArrayList<>();

  private Benchmarks(Options options, Path work) {
    this.options = options;
    this.work = work;
    this.report = new Report("");
  }

  public static void main(String[] args) throws Exception {
    if (java.util.Arrays.asList(args).contains("help")) {
      System.out.println(Options.USAGE);
      return;
    }
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    Path work =
        options.work != null
            ? Files.createDirectories(options.work)
            : Files.createTempDirectory("redcap-bench-");
    if (!ClassPathSnapshot.active()) {
      System.exit(
          ClassPathSnapshot.relaunch(
              Benchmarks.class, java.util.Arrays.asList(args), options.emulatorJar, work));
      return;
    }
    new Benchmarks(options, work).run();
  }

  private void run() throws Exception {
    noteLoad();
    say(
        "Benchmarks: sections "
            + options.only
            + ", "
            + options.reps
            + " repetitions; work "
            + "directory "
            + work);
    if (ON_MAIN_PROJECT.stream().anyMatch(options::runs)) {
      try (MainProject main = MainProject.start(options, work)) {
        section("scan", () -> FullScanBench.run(main, options));
        section("h2", () -> H2Bench.run(main, options));
        section("transfer", () -> TransferBench.run(main, options));
        section("latency", () -> LatencyBench.run(main, options));
        section("writes", () -> WriteBench.run(main, options));
        section("cpu", () -> CpuBench.run(main, options));
        section("cache", () -> CacheBench.run(main, options));
      }
    }
    section("parallel", () -> ParallelBench.run(options, work));
    section("memory", () -> MemoryBench.run(options, work));
    section("wide", () -> WideBench.run(options, work));
    noteLoad();
    write();
    say("Done.");
  }

  /** A benchmark section: returns its Markdown. */
  @FunctionalInterface
  interface Section {
    String run() throws Exception;
  }

  private void section(String name, Section section) throws IOException {
    if (!options.runs(name)) {
      return;
    }
    noteLoad();
    say("== " + name + " (load average " + Report.f("%.1f", Jvm.loadAverage()) + ")");
    String markdown;
    try {
      markdown = section.run();
    } catch (Exception | Error e) {
      e.printStackTrace();
      markdown = "### " + name + "\n\nThis section failed: `" + e + "`.";
    }
    System.out.println(markdown);
    report.add(markdown);
    noteLoad();
    write();
  }

  private void write() throws IOException {
    if (options.out == null) {
      return;
    }
    report.withHeader(header()).writeInto(options.out);
    say("Wrote " + options.out);
  }

  private void noteLoad() {
    loads.add(Jvm.loadAverage());
  }

  private String header() {
    double min = loads.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    double max = loads.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    return String.join(
        "\n",
        "## Driver benchmarks",
        "",
        "Written by `mvn -B -Pbench -pl integration-tests -am -DskipTests verify` (see the README's"
            + " Benchmarks section); this part of the file is replaced on every run.",
        "",
        "* Date: "
            + LocalDate.now()
            + ". Machine: "
            + Machine.describe()
            + ". JVM: "
            + System.getProperty("java.vm.name")
            + " "
            + System.getProperty("java.runtime.version")
            + ", benchmark JVM `-Xmx"
            + Runtime.getRuntime().maxMemory() / (1 << 20)
            + "m`, default"
            + " G1 and JIT settings.",
        "* Sections run: "
            + String.join(", ", options.only)
            + "; "
            + options.reps
            + " timed repetitions per measure after one warm-up, medians reported.",
        "* **Load caveat**: the machine is shared with other builds; the one-minute load average"
            + " ranged "
            + Report.f("%.1f to %.1f", min, max)
            + " during this run. Absolute times"
            + " are inflated and vary from run to run; the **ratios** are the figures to read,"
            + " each made of runs measured back to back (interleaved) in this one run. The"
            + " emulator runs in its own JVM on the same machine, so it and the client compete"
            + " for the same cores. CPU times (client = the benchmark JVM, server = the"
            + " emulator JVM) are steadier than wall times.");
  }

  static void say(String line) {
    System.out.println("[bench] " + line);
    System.out.flush();
  }
}
