package org.redcapjdbc.emulator;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.redcapjdbc.emulator.model.LogEntry;

/**
 * A project the emulator serves: its id, title and an API token with full rights, plus what tests
 * need beyond the API: adding users with given rights, reading stored files and reading the log.
 */
public final class EmulatedProject {
  private final int projectId;
  private final String title;
  private final String token;
  private final ProjectAccess access;

  /**
   * A detached description of a project (no emulator behind it: {@link #addUser}, {@link #file},
   * {@link #repositoryFile} and {@link #log} then fail).
   */
  public EmulatedProject(int projectId, String title, String token) {
    this(projectId, title, token, null);
  }

  EmulatedProject(int projectId, String title, String token, ProjectAccess access) {
    this.projectId = projectId;
    this.title = requireNonNull(title, "title");
    this.token = requireNonNull(token, "token");
    this.access = access;
  }

  /** REDCap's project id. */
  public int projectId() {
    return projectId;
  }

  public String title() {
    return title;
  }

  /** An API token with full rights on the project. */
  public String token() {
    return token;
  }

  /**
   * Adds a user with the rights {@code spec} gives and an API token, and returns the token.
   *
   * @throws IllegalArgumentException when the user exists, or the spec names a DAG or role the
   *     project does not have, or its token is in use
   */
  public String addUser(UserSpec spec) {
    return access().addUser(projectId, requireNonNull(spec, "spec"));
  }

  /** The file stored in a record's file field (classic projects; instance 1), if any. */
  public Optional<StoredFile> file(String record, String field) {
    return file(record, field, null, 1);
  }

  /**
   * The file stored in a record's file field.
   *
   * @param event unique event name (null: the first event, as in classic projects)
   * @param instance repeat instance (1 when not repeating)
   */
  public Optional<StoredFile> file(String record, String field, String event, int instance) {
    return access()
        .file(
            projectId,
            requireNonNull(record, "record"),
            requireNonNull(field, "field"),
            event,
            instance);
  }

  /** A File Repository file by doc id (not one that was deleted). */
  public Optional<StoredFile> repositoryFile(int docId) {
    return access().repositoryFile(projectId, docId);
  }

  /** The project's log, oldest first (what {@code content=log} exports). */
  public List<LogEntry> log() {
    return access().log(projectId);
  }

  /**
   * Moves the project's history back by {@code age}: its creation time and every log entry, as
   * if it had been created that long ago. For tests of readers that walk the log in time windows.
   */
  public void backdate(java.time.Duration age) {
    access().backdate(projectId, requireNonNull(age, "age"));
  }

  private ProjectAccess access() {
    if (access == null) {
      throw new IllegalStateException(
          "This EmulatedProject was not obtained from a RedcapEmulator");
    }
    return access;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EmulatedProject p
        && p.projectId == projectId
        && p.title.equals(title)
        && p.token.equals(token);
  }

  @Override
  public int hashCode() {
    return Objects.hash(projectId, title, token);
  }

  @Override
  public String toString() {
    // Never print the token.
    return "EmulatedProject[" + projectId + " '" + title + "']";
  }

  /** What a project handle reaches in its emulator. */
  interface ProjectAccess {
    String addUser(int projectId, UserSpec spec);

    Optional<StoredFile> file(
        int projectId, String record, String field, String event, int instance);

    Optional<StoredFile> repositoryFile(int projectId, int docId);

    List<LogEntry> log(int projectId);

    void backdate(int projectId, java.time.Duration age);
  }
}
