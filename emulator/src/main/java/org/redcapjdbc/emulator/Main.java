package org.redcapjdbc.emulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.redcapjdbc.emulator.load.ProjectLoadException;

/**
 * Command line of the emulator:
 *
 * <pre>
 * java -jar redcap-emulator-VERSION.jar --port 0 --project simple.xml=0123…(32 hex) --generate demo \
 *     --ready-file /tmp/ready.json
 * </pre>
 *
 * The first line on standard output states the URL. See {@link #USAGE}.
 */
public final class Main {
  static final String USAGE =
      String.join(
          "\n",
          "Usage: java -jar redcap-emulator-<version>.jar [options]",
          "",
          "A REDCap-API-compatible server on 127.0.0.1 for tests and demos.",
          "",
          "  --port N                       port to listen on; 0 (default) picks a free one",
          "  --project FILE[=TOKEN]         load a project (repeatable): REDCap project XML, a directory holding",
          "                                 dictionary.csv or metadata.csv (+ data.csv, event.csv, arm.csv), or a",
          "                                 data dictionary CSV; a 32-hex-character token is generated when none is given",
          "  --generate SPEC[=TOKEN]        generate a project (repeatable): SPEC is demo, or comma-separated key=value",
          "                                 pairs records, fields, events, arms, repeating, checkboxes, dags, seed;",
          "                                 the token is the part after the last '=' when it is 32 hex characters",
          "  --super-token T                a 64-character super token",
          "  --time-zone ZONE               run the server's clock in ZONE (e.g. Pacific/Auckland): log, record times",
          "                                 and dateRangeBegin/End use its local time; default the JVM's zone",
          "  --data DIR                     keep the database in DIR: stored projects and their tokens are served again",
          "                                 after a restart, and loading a stored project again reuses it",
          "  --ready-file PATH              once listening, write {\"url\": …, \"projects\": [{\"title\": …, \"token\": …}]}",
          "  --https-keystore PATH          serve HTTPS with this PKCS12 keystore",
          "  --https-keystore-password P    its password",
          "  --fault-latency-ms N           add N ms before each API answer",
          "  --fault-rate-429 X             answer a share X (0..1) of API requests with 429 and Retry-After",
          "  --fault-retry-after S          the Retry-After seconds of those 429s (default 1)",
          "  --fault-rate-500 X             answer a share X of API requests with 500",
          "  --fault-rate-503 X             answer a share X of API requests with 503",
          "  --fault-reset-rate X           close the connection of a share X of API requests without an answer",
          "  --fault-truncate-after-bytes N cut every API body after N bytes and drop the connection",
          "  --fault-drop-records-rate X    silently leave a share X of records out of record exports",
          "  --fault-drop-records-min N     ... of at least N records (default 100)",
          "  --fault-seed N                 seed of the fault draws (default 1)",
          "  --help                         print this text");

  private Main() {}

  public static void main(String[] args) {
    RedcapEmulator emulator;
    try {
      emulator = start(args, System.out);
    } catch (UsageException e) {
      System.err.println("redcap-emulator: " + e.getMessage());
      System.err.println("Run with --help for the options.");
      System.exit(2);
      return;
    } catch (RuntimeException e) {
      System.err.println("redcap-emulator: " + e.getMessage());
      System.exit(1);
      return;
    }
    if (emulator == null) {
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  emulator.close();
                  stopped.countDown();
                },
                "redcap-emulator-shutdown"));
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A command line that cannot be understood. */
  static final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }

  /**
   * Parses {@code args}, loads the projects, starts listening and writes the ready file. Returns the
   * running emulator (the caller closes it), or null after {@code --help}.
   */
  public static RedcapEmulator start(String[] args, PrintStream out) {
    RedcapEmulator.Builder builder = RedcapEmulator.builder();
    List<String[]> projects = new ArrayList<>();
    Path readyFile = null;
    Path keystore = null;
    String keystorePassword = null;
    Map<String, String> faults = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--help") || arg.equals("-h")) {
        out.println(USAGE);
        return null;
      }
      if (!arg.startsWith("--")) {
        throw new UsageException("unexpected argument '" + arg + "'");
      }
      String name = arg;
      String value = null;
      int eq = arg.indexOf('=');
      if (eq > 0) {
        name = arg.substring(0, eq);
        value = arg.substring(eq + 1);
      } else {
        if (i + 1 >= args.length) {
          throw new UsageException(arg + " needs a value");
        }
        value = args[++i];
      }
      switch (name) {
        case "--port":
          builder.port(intValue(name, value));
          break;
        case "--project":
          projects.add(new String[] {"project", value});
          break;
        case "--generate":
          projects.add(new String[] {"generate", value});
          break;
        case "--time-zone":
          try {
            builder.timeZone(java.time.ZoneId.of(value));
          } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException(
                "--time-zone needs a time zone such as Europe/Paris or +05:30, not " + value);
          }
          break;
        case "--super-token":
          builder.superToken(value);
          break;
        case "--data":
          builder.dataDir(Path.of(value));
          break;
        case "--ready-file":
          readyFile = Path.of(value);
          break;
        case "--https-keystore":
          keystore = Path.of(value);
          break;
        case "--https-keystore-password":
          keystorePassword = value;
          break;
        default:
          if (name.startsWith("--fault-")) {
            faults.put(name, value);
            break;
          }
          throw new UsageException("unknown option " + name);
      }
    }
    if ((keystore == null) != (keystorePassword == null)) {
      throw new UsageException("--https-keystore and --https-keystore-password go together");
    }
    if (keystore != null) {
      builder.https(keystore, keystorePassword);
    }
    RedcapEmulator emulator = builder.build();
    try {
      applyFaults(emulator.faults(), faults);
      List<EmulatedProject> loaded = new ArrayList<>();
      for (String[] p : projects) {
        loaded.add(p[0].equals("project") ? loadProject(emulator, p[1]) : generate(emulator, p[1]));
      }
      emulator.start();
      out.println("REDCap emulator listening on " + emulator.url());
      for (EmulatedProject p : loaded) {
        out.println("  project " + p.projectId() + " \"" + p.title() + "\": token " + p.token());
      }
      out.flush();
      if (readyFile != null) {
        writeReadyFile(readyFile, emulator.url(), loaded);
      }
      return emulator;
    } catch (RuntimeException e) {
      emulator.close();
      throw e;
    }
  }

  private static EmulatedProject loadProject(RedcapEmulator emulator, String value) {
    String path = value;
    String token = null;
    int eq = value.lastIndexOf('=');
    if (eq > 0 && Files.exists(Path.of(value.substring(0, eq)))) {
      path = value.substring(0, eq);
      token = value.substring(eq + 1);
    }
    if (!Files.exists(Path.of(path))) {
      throw new ProjectLoadException("Project file " + path + " does not exist");
    }
    return emulator.loadProject(Path.of(path), token);
  }

  private static EmulatedProject generate(RedcapEmulator emulator, String value) {
    String spec = value;
    String token = null;
    int eq = value.lastIndexOf('=');
    if (eq > 0 && value.substring(eq + 1).matches("[0-9A-Fa-f]{32}")) {
      spec = value.substring(0, eq);
      token = value.substring(eq + 1);
    }
    return emulator.generate(spec, token);
  }

  private static void applyFaults(Faults f, Map<String, String> options) {
    for (Map.Entry<String, String> o : options.entrySet()) {
      String v = o.getValue();
      try {
        switch (o.getKey()) {
          case "--fault-latency-ms":
            f.latencyMillis(Long.parseLong(v));
            break;
          case "--fault-rate-429":
            f.rate429(Double.parseDouble(v));
            break;
          case "--fault-rate-500":
            f.rate500(Double.parseDouble(v));
            break;
          case "--fault-rate-503":
            f.rate503(Double.parseDouble(v));
            break;
          case "--fault-retry-after":
            f.retryAfterSeconds(Integer.parseInt(v));
            break;
          case "--fault-truncate-after-bytes":
            f.truncateAfterBytes(Long.parseLong(v));
            break;
          case "--fault-reset-rate":
            f.resetRate(Double.parseDouble(v));
            break;
          case "--fault-drop-records-rate":
            f.dropRecordsRate(Double.parseDouble(v));
            break;
          case "--fault-drop-records-min":
            f.dropRecordsMinRecords(Integer.parseInt(v));
            break;
          case "--fault-seed":
            f.seed(Long.parseLong(v));
            break;
          default:
            throw new UsageException("unknown option " + o.getKey());
        }
      } catch (NumberFormatException e) {
        throw new UsageException(o.getKey() + " needs a number, got '" + v + "'");
      } catch (IllegalArgumentException e) {
        throw new UsageException(o.getKey() + ": " + e.getMessage());
      }
    }
  }

  private static int intValue(String name, String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new UsageException(name + " needs a whole number, got '" + value + "'");
    }
  }

  /** Writes the ready file through a temporary file and a rename, so a reader never sees half of it. */
  static void writeReadyFile(Path file, String url, List<EmulatedProject> projects) {
    Map<String, Object> ready = new LinkedHashMap<>();
    ready.put("url", url);
    List<Map<String, Object>> list = new ArrayList<>();
    for (EmulatedProject p : projects) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("title", p.title());
      m.put("token", p.token());
      m.put("project_id", p.projectId());
      list.add(m);
    }
    ready.put("projects", list);
    try {
      Path dir = file.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
      new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), ready);
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (java.nio.file.AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new IllegalStateException(
          "Could not write the ready file " + file + ": " + e.getMessage(), e);
    }
  }
}
