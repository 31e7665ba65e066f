package org.redcapjdbc.emulator.store;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.redcapjdbc.emulator.model.ProjectDefinition;

/**
 * A served project: its current definition and the lock that orders its requests. Exports hold
 * the read lock while they stream, so they see one consistent state; imports, deletes and
 * structural changes hold the write lock.
 */
public final class ProjectHandle {
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock(true);
  private volatile ProjectDefinition definition;

  ProjectHandle(ProjectDefinition definition) {
    this.definition = requireNonNull(definition, "definition");
  }

  public int id() {
    return definition.id();
  }

  public ProjectDefinition definition() {
    return definition;
  }

  /** Replaces the definition; call with the write lock held, after the store was updated. */
  public void update(ProjectDefinition newDefinition) {
    if (newDefinition.id() != definition.id()) {
      throw new IllegalArgumentException(
          "Definition of project " + newDefinition.id() + " given to project " + id());
    }
    this.definition = newDefinition;
  }

  public ReentrantReadWriteLock lock() {
    return lock;
  }
}
