package org.redcapjdbc.schema;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The {@code projectTokens} file: one {@code name=TOKEN} line per further project on the
 * connection's server; blank lines and lines starting with {@code #} are ignored. Read once, when
 * the connection opens. A name becomes schemas {@code <name>} and {@code <name>_meta}, so it must
 * be a plain identifier, not {@code redcap} or {@code meta}, and no name may be another's
 * {@code <name>_meta}. Messages name the file and line, never a token.
 */
final class ProjectTokens {
  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,62}");

  private ProjectTokens() {}

  /** Name to token, in file order. */
  static Map<String, String> read(Path file) throws SQLException {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw failure(file, "cannot be read (" + e.getClass().getSimpleName() + ")");
    }
    Map<String, String> tokens = new LinkedHashMap<>();
    Map<String, String> lowerNames = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String where = "line " + (i + 1);
      int eq = line.indexOf('=');
      if (eq <= 0) {
        throw failure(file, where + " is not name=TOKEN");
      }
      String name = line.substring(0, eq).strip();
      String token = line.substring(eq + 1).strip();
      if (!NAME.matcher(name).matches()) {
        throw failure(
            file,
            where
                + " names the project '"
                + name
                + "': a name must start with a letter and hold only letters, digits and _");
      }
      String lower = name.toLowerCase(Locale.ROOT);
      if (lower.equals(RedcapSchemas.DATA_SCHEMA) || lower.equals(RedcapSchemas.META_SCHEMA)) {
        throw failure(
            file, where + ": '" + name + "' is the connection's own project's schema name");
      }
      if (lowerNames.put(lower, name) != null) {
        throw failure(file, where + " names '" + name + "' a second time");
      }
      if (token.isEmpty()) {
        throw failure(file, where + " gives the project '" + name + "' no token");
      }
      tokens.put(name, token);
    }
    for (String lower : lowerNames.keySet()) {
      if (lowerNames.containsKey(lower + "_" + RedcapSchemas.META_SCHEMA)) {
        throw failure(
            file,
            "the names '"
                + lowerNames.get(lower)
                + "' and '"
                + lowerNames.get(lower + "_" + RedcapSchemas.META_SCHEMA)
                + "' would both make the schema "
                + lower
                + "_meta");
      }
    }
    return tokens;
  }

  private static SQLException failure(Path file, String why) {
    return new SQLNonTransientConnectionException(
        "The projectTokens file " + file + " " + why + ".", "08001");
  }
}
