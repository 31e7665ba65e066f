package org.redcapjdbc.schema;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.redcapjdbc.model.ProjectModel;

/**
 * What a connection knows about its project without asking REDCap again: the model (dictionary,
 * instruments, events, arms, mappings, repeating setup, DAGs, project info) and the server
 * version, read when the connection opened; and, once a read has needed it, how many records and
 * export rows the project has ({@link #tally()}). Shared by every connection with the same {@link
 * RedcapConfig#cacheKey()} until it expires.
 *
 * <p>The tally is not read when the snapshot is made: counting records means exporting every
 * record ID, which grows with the project. It is learnt at most once per snapshot, from the first
 * read that goes over the whole project anyway (a batched read's ID pass, a {@code COUNT(*)}), or
 * by one record-ID export when a filtered read needs it first ({@link #tally(Supplier)}). Until
 * then the planner uses {@link #UNKNOWN_ROWS}.
 */
final class ProjectSnapshot {
  /** The planner's row count for a project whose records were not counted yet. */
  static final long UNKNOWN_ROWS = 1_000;

  /** Records and flat-export rows (records × events × instances) counted at one moment. */
  record Tally(long records, long rows) {}

  private final ProjectModel model;
  private final String serverVersion;
  private final List<Map<String, String>> repeatingFormsEvents;
  private final Instant loadedAt;
  private final ReentrantLock counting = new ReentrantLock();
  private volatile Tally tally;

  ProjectSnapshot(
      ProjectModel model,
      String serverVersion,
      List<Map<String, String>> repeatingFormsEvents,
      Instant loadedAt) {
    this.model = requireNonNull(model, "model");
    this.serverVersion = requireNonNull(serverVersion, "serverVersion");
    this.repeatingFormsEvents = List.copyOf(repeatingFormsEvents);
    this.loadedAt = requireNonNull(loadedAt, "loadedAt");
  }

  ProjectModel model() {
    return model;
  }

  /** The version {@code content=version} reported, e.g. {@code 15.2.1}. */
  String serverVersion() {
    return serverVersion;
  }

  /** The records and rows last counted, if a read counted them since the snapshot was made. */
  Optional<Tally> tally() {
    return Optional.ofNullable(tally);
  }

  /**
   * The tally, counted by {@code count} if no read has counted it yet; one count at a time, and
   * callers that arrive meanwhile take its result. A failed count is not kept.
   */
  Tally tally(Supplier<Tally> count) {
    Tally known = tally;
    if (known != null) {
      return known;
    }
    counting.lock();
    try {
      if (tally == null) {
        tally = requireNonNull(count.get(), "tally");
      }
      return tally;
    } finally {
      counting.unlock();
    }
  }

  /** Keeps what a read over the whole project counted (the latest count wins). */
  void counted(long records, long rows) {
    tally = new Tally(records, rows);
  }

  /** Rows of the flat export for the planner: the tally's, or {@link #UNKNOWN_ROWS}. */
  long rowEstimate() {
    Tally t = tally;
    return t == null ? UNKNOWN_ROWS : t.rows();
  }

  /** Records for the planner: the tally's, or {@link #UNKNOWN_ROWS}. */
  long recordEstimate() {
    Tally t = tally;
    return t == null ? UNKNOWN_ROWS : t.records();
  }

  /** The repeating setup as exported (the model keeps no custom form labels). */
  List<Map<String, String>> repeatingFormsEvents() {
    return repeatingFormsEvents;
  }

  Instant loadedAt() {
    return loadedAt;
  }

  @Override
  public String toString() {
    Tally t = tally;
    return "ProjectSnapshot{"
        + model
        + ", REDCap "
        + serverVersion
        + ", "
        + (t == null ? "records not counted yet" : t.records() + " records, " + t.rows() + " rows")
        + ", loaded "
        + loadedAt
        + "}";
  }
}
