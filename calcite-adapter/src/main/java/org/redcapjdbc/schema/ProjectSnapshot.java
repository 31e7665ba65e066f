package org.redcapjdbc.schema;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.redcapjdbc.model.ProjectModel;

/**
 * What a connection knows about its project without asking REDCap again: the model (dictionary,
 * instruments, events, arms, mappings, repeating setup, DAGs, project info), the server version,
 * and how many records and export rows the project had when it was read (the planner's row-count
 * statistic, and the hint that lets a small project's read be a single request). Immutable;
 * shared by every connection with the same {@link RedcapConfig#cacheKey()} until it expires.
 */
final class ProjectSnapshot {
  private final ProjectModel model;
  private final String serverVersion;
  private final long recordCount;
  private final long rowCount;
  private final List<Map<String, String>> repeatingFormsEvents;
  private final Instant loadedAt;

  ProjectSnapshot(
      ProjectModel model,
      String serverVersion,
      long recordCount,
      long rowCount,
      List<Map<String, String>> repeatingFormsEvents,
      Instant loadedAt) {
    this.model = requireNonNull(model, "model");
    this.serverVersion = requireNonNull(serverVersion, "serverVersion");
    this.recordCount = recordCount;
    this.rowCount = rowCount;
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

  /** Distinct record IDs the caller could see when the snapshot was taken. */
  long recordCount() {
    return recordCount;
  }

  /** Rows of the flat export (records × events × instances) when the snapshot was taken. */
  long rowCount() {
    return rowCount;
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
    return "ProjectSnapshot{"
        + model
        + ", REDCap "
        + serverVersion
        + ", "
        + recordCount
        + " records, "
        + rowCount
        + " rows, loaded "
        + loadedAt
        + "}";
  }
}
