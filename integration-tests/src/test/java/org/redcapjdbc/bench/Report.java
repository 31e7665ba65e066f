package org.redcapjdbc.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark results as Markdown, written into {@code docs/benchmarks.md} between two marker
 * comments: the rest of that file (the emulator's own section) is kept as it is.
 */
final class Report {
  static final String BEGIN = "<!-- driver-benchmarks:begin -->";
  static final String END = "<!-- driver-benchmarks:end -->";

  private final String header;
  private final List<String> sections = new ArrayList<>();

  Report(String header) {
    this.header = header;
  }

  /** The same sections under another header. */
  Report withHeader(String newHeader) {
    Report r = new Report(newHeader);
    r.sections.addAll(sections);
    return r;
  }

  void add(String markdown) {
    sections.add(markdown.strip());
  }

  String markdown() {
    // Sections run in the order that shares emulators best; they read best in the order.
    List<String> ordered = new ArrayList<>(sections);
    ordered.sort(Comparator.comparingInt(Report::number));
    StringBuilder sb = new StringBuilder(header.strip()).append("\n\n");
    String glance = glance(ordered);
    if (!glance.isEmpty()) {
      sb.append("### Targets at a glance\n\n").append(glance).append('\n');
    }
    for (String s : ordered) {
      sb.append(s).append("\n\n");
    }
    return sb.toString().strip() + "\n";
  }

  /** Each section's verdict lines (target met or missed, failures), under its title. */
  private static String glance(List<String> sections) {
    StringBuilder sb = new StringBuilder();
    for (String s : sections) {
      List<String> lines = s.lines().toList();
      String title = lines.get(0).replaceFirst("^#+\\s*", "");
      for (String line : lines) {
        if (line.startsWith("* ") && (line.contains("**met**") || line.contains("**missed**"))
            || line.startsWith("This section failed")) {
          sb.append("* ")
              .append(title)
              .append(": ")
              .append(line.replaceFirst("^\\* ", ""))
              .append('\n');
        }
      }
    }
    return sb.toString();
  }

  private static int number(String section) {
    Matcher m = NUMBERED.matcher(section);
    return m.lookingAt() ? Integer.parseInt(m.group(1)) : Integer.MAX_VALUE;
  }

  private static final Pattern NUMBERED = Pattern.compile("#+\\s*(\\d+)\\.");

  /** Replaces the marked part of {@code file}, or inserts it after the file's title. */
  void writeInto(Path file) throws IOException {
    String body = BEGIN + "\n" + markdown() + END;
    String old =
        Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "# Benchmarks\n";
    String updated;
    int b = old.indexOf(BEGIN);
    int e = old.indexOf(END);
    if (b >= 0 && e > b) {
      updated = old.substring(0, b) + body + old.substring(e + END.length());
    } else {
      int title = old.indexOf("# Benchmarks");
      int afterTitle = title < 0 ? 0 : old.indexOf('\n', title) + 1;
      updated =
          old.substring(0, afterTitle)
              + "\n"
              + body
              + "\n\n"
              + old.substring(afterTitle).stripLeading();
    }
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(file, updated, StandardCharsets.UTF_8);
  }

  static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }

  static String s(long nanos) {
    return f("%.2f", nanos / 1e9);
  }

  static String ms(long nanos) {
    return f("%.1f", nanos / 1e6);
  }

  static String ratio(double r) {
    return f("%.2f ×", r);
  }

  static String bytes(long b) {
    if (b < 10_000) {
      return b + " B";
    }
    if (b < 10_000_000) {
      return f("%.1f KB", b / 1e3);
    }
    return f("%.1f MB", b / 1e6);
  }

  static String count(long n) {
    return f("%,d", n);
  }

  static String met(boolean met) {
    return met ? "**met**" : "**missed**";
  }
}
