package org.redcapjdbc.bench;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The benchmark command's {@code key=value} options, with their defaults. */
final class Options {
  static final List<String> SECTIONS =
      List.of(
          "scan",
          "h2",
          "transfer",
          "latency",
          "writes",
          "parallel",
          "memory",
          "cpu",
          "cache",
          "wide");

  static final String USAGE =
      String.join(
          "\n",
          "Benchmarks key=value ...",
          "  emulatorJar=PATH    the emulator's runnable jar (set by the bench profile)",
          "  out=PATH            Markdown file to update (docs/benchmarks.md); out=none prints only",
          "  only=a,b            sections to run, of " + SECTIONS + " (default: all)",
          "  reps=N              timed repetitions per measure (default 3; medians are reported)",
          "  records=N fields=N  the main generated project (default 20000 x 100)",
          "  emulatorHeap=SIZE   heap of the main emulator JVM (default 3g)",
          "  latencyMs=N         added latency for the parallel-batch section (default 100)",
          "  memRecords=N memFields=N memEmulatorHeap=SIZE   the memory section's project",
          "                      (default 200000 x 20 in a 3g emulator)",
          "  driverHeap=SIZE     heap of the driver's JVM in the memory section (default 128m)",
          "  lookups=N           prepared point lookups timed (default 200)",
          "  writeRows=N         rows of the INSERT ... SELECT (default 10000)",
          "  work=DIR            where emulator logs and ready files go (default a temp dir)",
          "  jfr=PATH            the cpu section records its timed reads with Flight Recorder there");

  final Path emulatorJar;
  final Path out;
  final Set<String> only;
  final int reps;
  final int records;
  final int fields;
  final String emulatorHeap;
  final int latencyMs;
  final int memRecords;
  final int memFields;
  final String memEmulatorHeap;
  final String driverHeap;
  final int lookups;
  final int writeRows;
  final Path work;
  final Path jfr;

  private Options(Map<String, String> m) {
    emulatorJar = Path.of(required(m, "emulatorJar"));
    String o = m.getOrDefault("out", "docs/benchmarks.md");
    out = o.equals("none") ? null : Path.of(o);
    Set<String> sections = new LinkedHashSet<>();
    for (String s : m.getOrDefault("only", String.join(",", SECTIONS)).split(",")) {
      if (!s.isBlank()) {
        if (!SECTIONS.contains(s.trim())) {
          throw new IllegalArgumentException(
              "Unknown section '" + s + "'; sections are " + SECTIONS);
        }
        sections.add(s.trim());
      }
    }
    only = sections;
    reps = Integer.parseInt(m.getOrDefault("reps", "3"));
    records = Integer.parseInt(m.getOrDefault("records", "20000"));
    fields = Integer.parseInt(m.getOrDefault("fields", "100"));
    emulatorHeap = m.getOrDefault("emulatorHeap", "3g");
    latencyMs = Integer.parseInt(m.getOrDefault("latencyMs", "100"));
    memRecords = Integer.parseInt(m.getOrDefault("memRecords", "200000"));
    memFields = Integer.parseInt(m.getOrDefault("memFields", "20"));
    memEmulatorHeap = m.getOrDefault("memEmulatorHeap", "3g");
    driverHeap = m.getOrDefault("driverHeap", "128m");
    lookups = Integer.parseInt(m.getOrDefault("lookups", "200"));
    writeRows = Integer.parseInt(m.getOrDefault("writeRows", "10000"));
    work = m.containsKey("work") ? Path.of(m.get("work")) : null;
    jfr = m.containsKey("jfr") ? Path.of(m.get("jfr")) : null;
  }

  static Options parse(String[] args) {
    Map<String, String> m = new LinkedHashMap<>();
    for (String a : args) {
      if (a.isBlank()) {
        continue;
      }
      if (a.equals("help") || a.equals("--help")) {
        throw new IllegalArgumentException(USAGE);
      }
      int eq = a.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("Options are key=value, not '" + a + "'.\n" + USAGE);
      }
      m.put(a.substring(0, eq), a.substring(eq + 1));
    }
    return new Options(m);
  }

  boolean runs(String section) {
    return only.contains(section);
  }

  /** The generator spec of the main project. */
  String mainSpec() {
    return "records=" + records + ",fields=" + fields + ",seed=1";
  }

  private static String required(Map<String, String> m, String key) {
    String v = m.get(key);
    if (v == null) {
      throw new IllegalArgumentException("Missing " + key + "=...\n" + USAGE);
    }
    return v;
  }
}
