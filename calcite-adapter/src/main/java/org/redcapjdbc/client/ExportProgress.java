package org.redcapjdbc.client;

import java.util.Locale;
import java.util.Objects;

/**
 * How far one record export has got: the figures a person waiting for a long read wants to see.
 * JDBC has no progress API, so they reach callers two ways:
 *
 * <ul>
 *   <li>the logger {@value #LOGGER}: DEBUG after the ID pass and after every batch; at the end,
 *       INFO for an export that took {@link #SLOW_MILLIS} ms or more (DEBUG otherwise). Counts and
 *       sizes only: nothing from the project.
 *   <li>a {@link Listener} set for the thread that reads the result set ({@link #watch}), as the
 *       SQL shell does for its progress line.
 * </ul>
 *
 * @param batchesDone answers read whole so far (the ID pass not counted)
 * @param batches the batches the export is split into (1 for a single request; 0 before that is
 *     known)
 * @param rows rows of the answers read whole (records × events × repeat instances)
 * @param bytes bytes of the JSON answers read whole, the ID pass included
 * @param elapsedNanos time since the export started
 */
public record ExportProgress(
    int batchesDone, int batches, long rows, long bytes, long elapsedNanos) {
  /** The logger the figures are written to. */
  public static final String LOGGER = "org.redcapjdbc.progress";

  /** From this duration on, an export's last line is logged at INFO. */
  public static final long SLOW_MILLIS = 2_000;

  private static final ThreadLocal<Listener> WATCHERS = new ThreadLocal<>();

  /** Told how an export read on a watched thread goes. */
  public interface Listener {
    /** The figures changed (ID pass or batch read); called on any of the export's threads. */
    void progress(ExportProgress progress);

    /**
     * The reader now waits for rows (true), or has been handed rows (false); called on the
     * reading thread.
     */
    default void waiting(boolean waiting) {}

    /** The export ended: read to the end, failed or closed. */
    default void ended(ExportProgress progress) {}
  }

  /**
   * Reports the exports read on this thread to {@code listener} from now on, until the returned
   * handle is closed. One listener per thread: a second replaces the first.
   */
  public static Watch watch(Listener listener) {
    Objects.requireNonNull(listener, "listener");
    Listener before = WATCHERS.get();
    WATCHERS.set(listener);
    return () -> {
      if (before == null) {
        WATCHERS.remove();
      } else {
        WATCHERS.set(before);
      }
    };
  }

  /** Ends a {@link #watch}. */
  @FunctionalInterface
  public interface Watch extends AutoCloseable {
    @Override
    void close();
  }

  /** The listener of the current thread, or null. */
  static Listener watcher() {
    return WATCHERS.get();
  }

  /** One line, e.g. {@code 3 of 41 batches, 1,530 rows, 2.1 MB, 12 s}. */
  public String describe() {
    StringBuilder sb = new StringBuilder();
    if (batches > 1) {
      sb.append(String.format(Locale.ROOT, "%,d of %,d batches, ", batchesDone, batches));
    }
    sb.append(String.format(Locale.ROOT, "%,d rows, %s, %d s", rows, size(bytes), seconds()));
    return sb.toString();
  }

  private long seconds() {
    return elapsedNanos / 1_000_000_000L;
  }

  private static String size(long bytes) {
    if (bytes < 1_000) {
      return bytes + " B";
    }
    if (bytes < 1_000_000) {
      return String.format(Locale.ROOT, "%.1f kB", bytes / 1e3);
    }
    if (bytes < 1_000_000_000) {
      return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }
    return String.format(Locale.ROOT, "%.2f GB", bytes / 1e9);
  }
}
