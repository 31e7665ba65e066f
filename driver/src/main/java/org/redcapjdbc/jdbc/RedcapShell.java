package org.redcapjdbc.jdbc;

import java.io.Console;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.util.ArrayList;
import java.util.List;
import org.redcapjdbc.client.ExportProgress;
import sqlline.SqlLine;

/**
 * The SQL shell: {@code java -jar redcap-jdbc.jar URL} (or {@code --demo}) opens sqlline on a
 * REDCap project; {@code -e "SQL"} or {@code -f file.sql} run non-interactively for scripts.
 */
public final class RedcapShell {
  private static final String USAGE =
      String.join(
          "\n",
          "Usage: java -jar redcap-jdbc.jar (URL | --demo) [options] [sqlline options]",
          "",
          "  URL                   the REDCap API endpoint, e.g. https://redcap.example.edu/api/",
          "  --demo                start the bundled emulator's demo project and connect to it",
          "  --token-file FILE     read the API token from FILE (else $REDCAP_TOKEN, else a prompt)",
          "  --emulator-jar JAR    the emulator jar for --demo (default: found next to this build,",
          "                        or $REDCAP_EMULATOR_JAR)",
          "  -P key=value          a connection property, e.g. -P batchSize=200 (repeatable)",
          "  -e \"SQL\"              run SQL, print the result and exit",
          "  -f FILE               run a script of SQL statements and exit",
          "  --help                this text",
          "",
          "Other options (e.g. --outputformat=csv, --showHeader=false) go to sqlline.");

  private RedcapShell() {}

  public static void main(String[] args) {
    int status;
    try {
      status = run(args, System.out, System.err);
    } catch (IOException | IllegalArgumentException e) {
      System.err.println("redcap-jdbc: " + e.getMessage());
      status = 2;
    }
    System.exit(status);
  }

  /** Runs the shell; returns the process exit status. */
  static int run(String[] args, PrintStream out, PrintStream err) throws IOException {
    if (System.console() == null && System.getProperty("org.jline.terminal.dumb") == null) {
      // Scripts and pipes: tell JLine up front, instead of letting it warn that it fell back.
      System.setProperty("org.jline.terminal.dumb", "true");
    }
    String endpoint = null;
    boolean demo = false;
    String tokenFile = null;
    String emulatorJar = null;
    StringBuilder properties = new StringBuilder();
    List<String> sqllineArgs = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--help", "-h" -> {
          out.println(USAGE);
          return 0;
        }
        case "--demo" -> demo = true;
        case "--token-file" -> tokenFile = value(args, ++i, a);
        case "--emulator-jar" -> emulatorJar = value(args, ++i, a);
        case "-P" -> {
          String kv = value(args, ++i, a);
          if (!kv.contains("=")
              || kv.toLowerCase().startsWith("token=")
              || kv.toLowerCase().startsWith("password=")) {
            throw new IllegalArgumentException(
                "-P takes key=value (and not the token: use " + "--token-file or $REDCAP_TOKEN)");
          }
          properties.append(';').append(kv);
        }
        case "-e", "-f" -> {
          sqllineArgs.add(a);
          sqllineArgs.add(value(args, ++i, a));
        }
        default -> {
          if (a.startsWith("--verbose")) {
            // sqlline's verbose mode prints its connect command, password included.
            throw new IllegalArgumentException(
                "--verbose is not supported: it would print the " + "API token");
          } else if (a.startsWith("-")) {
            sqllineArgs.add(a);
          } else if (endpoint == null) {
            endpoint = a;
          } else {
            throw new IllegalArgumentException("Unexpected argument '" + a + "'; see --help");
          }
        }
      }
    }
    if (demo == (endpoint != null)) {
      err.println(USAGE);
      return 2;
    }
    if (demo) {
      Path jar = DemoEmulator.locateJar(emulatorJar);
      err.println("Starting the demo REDCap project (emulator " + jar.getFileName() + ") ...");
      try (DemoEmulator emulator = DemoEmulator.start(jar)) {
        err.println("Demo project '" + emulator.title() + "' at " + emulator.url());
        return sqlline(emulator.url() + properties, emulator.token(), sqllineArgs);
      }
    }
    return sqlline(endpoint + properties, readToken(tokenFile), sqllineArgs);
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a value; see --help");
    }
    return args[i];
  }

  private static String readToken(String tokenFile) throws IOException {
    if (tokenFile != null) {
      return Files.readString(Path.of(tokenFile), StandardCharsets.UTF_8).trim();
    }
    String env = System.getenv("REDCAP_TOKEN");
    if (env != null && !env.isBlank()) {
      return env.trim();
    }
    Console console = System.console();
    if (console != null) {
      char[] typed = console.readPassword("REDCap API token: ");
      if (typed != null && typed.length > 0) {
        return new String(typed).trim();
      }
    }
    throw new IllegalArgumentException(
        "No API token: set REDCAP_TOKEN, use --token-file, or run "
            + "in a terminal to be asked for it");
  }

  private static int sqlline(String endpointAndProperties, String token, List<String> extra)
      throws IOException {
    List<String> args =
        new ArrayList<>(
            List.of(
                "-d",
                RedcapDriver.class.getName(),
                "-u",
                ConnectionSettings.PREFIX + endpointAndProperties,
                "-n",
                "redcap",
                "-p",
                token,
                // REDCap has no transactions; sqlline's default isolation only earns a warning.
                "--isolation=TRANSACTION_NONE"));
    if (System.console() == null && extra.stream().noneMatch(a -> a.startsWith("--maxWidth"))) {
      // Without a terminal sqlline sees a width of 0 and prints empty table cells.
      String columns = System.getenv("COLUMNS");
      args.add("--maxWidth=" + (columns != null && columns.matches("\\d{2,4}") ? columns : "1000"));
    }
    args.addAll(extra);
    // sqlline runs the statements on this thread: their exports report to the progress line.
    ExportProgress.Watch progress =
        ProgressLine.terminalStderr() ? ProgressLine.install(System.err) : () -> {};
    try (progress) {
      SqlLine.Status status =
          new MessagesOnlySqlLine().begin(args.toArray(new String[0]), null, true);
      return status == SqlLine.Status.OK ? 0 : 1;
    }
  }

  /**
   * sqlline treats the statements of {@code -e} and {@code -f} as start-up work and prints a full
   * stack trace for each failing one; a script's user needs the message (REDCap's, verbatim) and
   * the SQLState, as the interactive shell shows them.
   */
  private static final class MessagesOnlySqlLine extends SqlLine {
    @Override
    public void handleException(Throwable e) {
      Throwable t = e;
      while (t instanceof InvocationTargetException i && i.getTargetException() != null) {
        t = i.getTargetException();
      }
      if (!(t instanceof SQLException) && t.getCause() instanceof SQLException cause) {
        t = cause; // sqlline's WrappedSqlException
      }
      if (!(t instanceof SQLException sql) || t instanceof SQLWarning) {
        super.handleException(e);
        return;
      }
      for (SQLException x = sql;
          x != null;
          x = x.getNextException() == x ? null : x.getNextException()) {
        error(
            "Error: "
                + (x.getMessage() == null ? "" : x.getMessage().trim())
                + " (state="
                + (x.getSQLState() == null ? "" : x.getSQLState())
                + ",code="
                + x.getErrorCode()
                + ")");
      }
    }
  }
}
