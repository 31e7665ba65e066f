package org.redcapjdbc.emulator.store;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import org.redcapjdbc.emulator.model.ProjectDefinition;

/** The projects the emulator serves, by project id, with their definitions cached. */
public final class ProjectRegistry {
  private final Database database;
  private final Map<Integer, ProjectHandle> projects = new ConcurrentSkipListMap<>();

  /** Opens the registry over every project already stored in {@code database}. */
  public ProjectRegistry(Database database) {
    this.database = requireNonNull(database, "database");
    for (ProjectDefinition def : database.read(ProjectStore::loadAll)) {
      projects.put(def.id(), new ProjectHandle(def));
    }
  }

  public Database database() {
    return database;
  }

  public ProjectHandle get(int projectId) {
    return projects.get(projectId);
  }

  public List<ProjectHandle> all() {
    return new ArrayList<>(projects.values());
  }

  ProjectHandle add(ProjectDefinition stored) {
    ProjectHandle handle = new ProjectHandle(stored);
    projects.put(stored.id(), handle);
    return handle;
  }
}
