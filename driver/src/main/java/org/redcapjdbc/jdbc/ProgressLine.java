package org.redcapjdbc.jdbc;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.redcapjdbc.client.ExportProgress;

/**
 * The SQL shell's one-line progress display on standard error, for a statement that keeps a
 * person waiting: once a record export has run {@link #SHOW_AFTER_NANOS} and the shell has been
 * waiting for rows for a moment, the line shows the export's figures (batches done of total,
 * rows, bytes, elapsed) and is redrawn in place; it is erased as soon as rows arrive, so that
 * they print on a clean line, and when the export ends. Only for a terminal: the shell installs
 * it when standard error is one ({@link #terminalStderr}).
 */
final class ProgressLine implements ExportProgress.Listener {
  static final long SHOW_AFTER_NANOS = 2_000_000_000L;

  /** How long the reader must have been waiting before the line shows (no flicker between rows). */
  static final long WAIT_NANOS = 300_000_000L;

  private static final String ERASE = "\r\033[K";

  private final PrintStream terminal;
  private final LongSupplier clock;
  private volatile ExportProgress latest;
  private volatile long exportStart = -1;
  private volatile long waitingSince = -1;
  private String drawn; // the text on the line, or null; guarded by this

  ProgressLine(PrintStream terminal, LongSupplier clock) {
    this.terminal = terminal;
    this.clock = clock;
  }

  /** Installs a progress line on this thread's exports, redrawn by a daemon thread. */
  static ExportProgress.Watch install(PrintStream stderr) {
    ProgressLine line = new ProgressLine(stderr, System::nanoTime);
    ScheduledExecutorService ticker =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "redcap-progress-line");
              t.setDaemon(true);
              return t;
            });
    ticker.scheduleWithFixedDelay(line::tick, 200, 200, TimeUnit.MILLISECONDS);
    ExportProgress.Watch watch = ExportProgress.watch(line);
    return () -> {
      watch.close();
      ticker.shutdownNow();
      line.erase();
    };
  }

  /**
   * Whether standard error is a terminal: there must be a console (standard input and output
   * are terminals), and where the operating system says what file descriptor 2 is (Linux), that
   * it is a terminal device too, so that {@code 2>file} gets no control characters.
   */
  static boolean terminalStderr() {
    if (System.console() == null) {
      return false;
    }
    Path fd2 = Path.of("/proc/self/fd/2");
    try {
      if (Files.isSymbolicLink(fd2)) {
        String target = Files.readSymbolicLink(fd2).toString();
        return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
      }
    } catch (java.io.IOException | SecurityException | UnsupportedOperationException e) {
      // no /proc: the console is the best sign there is
    }
    return true;
  }

  @Override
  public void progress(ExportProgress progress) {
    latest = progress;
  }

  @Override
  public void waiting(boolean waiting) {
    long now = clock.getAsLong();
    if (exportStart < 0) {
      exportStart = now;
    }
    if (waiting) {
      waitingSince = now;
    } else {
      waitingSince = -1;
      erase();
    }
  }

  @Override
  public void ended(ExportProgress progress) {
    latest = null;
    exportStart = -1;
    waitingSince = -1;
    erase();
  }

  /** Redraws the line if the shell has waited long enough; called by the ticker. */
  void tick() {
    long now = clock.getAsLong();
    long start = exportStart;
    long since = waitingSince;
    if (start < 0 || since < 0 || now - start < SHOW_AFTER_NANOS || now - since < WAIT_NANOS) {
      return;
    }
    ExportProgress p = latest;
    String text =
        p == null
            ? "waiting for REDCap, " + (now - start) / 1_000_000_000L + " s"
            : new ExportProgress(p.batchesDone(), p.batches(), p.rows(), p.bytes(), now - start)
                .describe();
    synchronized (this) {
      if (waitingSince < 0 || text.equals(drawn)) {
        return; // rows arrived meanwhile, or nothing changed
      }
      terminal.print(ERASE + "Reading from REDCap: " + text + " ");
      terminal.flush();
      drawn = text;
    }
  }

  private synchronized void erase() {
    if (drawn != null) {
      terminal.print(ERASE);
      terminal.flush();
      drawn = null;
    }
  }
}
