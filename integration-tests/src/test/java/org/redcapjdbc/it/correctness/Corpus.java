package org.redcapjdbc.it.correctness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads the comparison corpus: the {@code .sql} files under {@code src/test/resources/corpus},
 * each a sequence of entries
 *
 * <pre>
 * -- query: filters/integer-range
 * -- projects: generated, basic-demography      (or *: every project)
 * -- ordered                                     (optional: compare row order too)
 * -- params: BIGINT 5 | VARCHAR O'Brien          (optional: values for the ? markers)
 * SELECT ...
 *   ... ;                                        (the entry ends at a line ending in ;)
 * </pre>
 *
 * Other {@code --} lines between entries are comments.
 */
final class Corpus {
  private Corpus() {}

  static List<CorpusEntry> load() {
    Path dir = ComparedProject.resource("corpus");
    List<CorpusEntry> entries = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".sql")).sorted().toList()) {
        entries.addAll(
            parse(f.getFileName().toString(), Files.readAllLines(f, StandardCharsets.UTF_8)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Set<String> ids = new HashSet<>();
    for (CorpusEntry e : entries) {
      if (!ids.add(e.id())) {
        throw new IllegalStateException(
            "Corpus id " + e.id() + " is used twice (" + e.source() + ")");
      }
    }
    return entries;
  }

  static List<CorpusEntry> parse(String file, List<String> lines) {
    List<CorpusEntry> entries = new ArrayList<>();
    int i = 0;
    while (i < lines.size()) {
      String line = lines.get(i).trim();
      if (!line.startsWith("-- query:")) {
        if (!line.isEmpty() && !line.startsWith("--")) {
          throw new IllegalStateException(file + ":" + (i + 1) + ": SQL outside an entry: " + line);
        }
        i++;
        continue;
      }
      String source = file + ":" + (i + 1);
      String id = line.substring("-- query:".length()).trim();
      Set<ComparedProject> projects = null;
      boolean ordered = false;
      List<CorpusEntry.Param> params = new ArrayList<>();
      i++;
      for (; i < lines.size() && lines.get(i).trim().startsWith("--"); i++) {
        String h = lines.get(i).trim().substring(2).trim();
        if (h.equals("ordered")) {
          ordered = true;
        } else if (h.startsWith("projects:")) {
          projects = projects(h.substring("projects:".length()), source);
        } else if (h.startsWith("params:")) {
          for (String p : h.substring("params:".length()).split("\\|")) {
            params.add(CorpusEntry.Param.parse(p));
          }
        } else {
          throw new IllegalStateException(source + ": unknown entry header '" + h + "'");
        }
      }
      if (projects == null) {
        throw new IllegalStateException(source + ": entry " + id + " names no projects");
      }
      StringBuilder sql = new StringBuilder();
      boolean ended = false;
      for (; i < lines.size() && !ended; i++) {
        String l = lines.get(i);
        if (l.trim().startsWith("-- query:")) {
          break;
        }
        String trimmed = l.stripTrailing();
        if (trimmed.endsWith(";")) {
          trimmed = trimmed.substring(0, trimmed.length() - 1);
          ended = true;
        }
        sql.append(sql.length() == 0 ? "" : "\n").append(trimmed);
      }
      if (!ended) {
        throw new IllegalStateException(source + ": entry " + id + " does not end with ;");
      }
      long markers = markers(sql);
      if (markers != params.size()) {
        throw new IllegalStateException(
            source
                + ": entry "
                + id
                + " has "
                + markers
                + " ? markers but "
                + params.size()
                + " params");
      }
      entries.add(new CorpusEntry(id, projects, ordered, params, sql.toString().trim(), source));
    }
    return entries;
  }

  /** The {@code ?} parameter markers outside string literals. */
  private static long markers(CharSequence sql) {
    long n = 0;
    boolean quoted = false;
    for (int i = 0; i < sql.length(); i++) {
      char c = sql.charAt(i);
      if (c == '\'') {
        quoted = !quoted;
      } else if (c == '?' && !quoted) {
        n++;
      }
    }
    return n;
  }

  private static Set<ComparedProject> projects(String list, String source) {
    if (list.trim().equals("*")) {
      return EnumSet.allOf(ComparedProject.class);
    }
    Set<ComparedProject> projects = EnumSet.noneOf(ComparedProject.class);
    for (String p : list.split(",")) {
      try {
        projects.add(ComparedProject.byId(p.trim()));
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException(source + ": " + e.getMessage(), e);
      }
    }
    return projects;
  }
}
