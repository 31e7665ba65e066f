package org.redcapjdbc.emulator.load;

import static java.util.Objects.requireNonNull;

import org.redcapjdbc.emulator.model.ProjectDefinition;

/** A project read from a file or generated: its definition (without ids yet) and its records. */
public record LoadedProject(ProjectDefinition definition, ProjectData data) {
  public LoadedProject {
    requireNonNull(definition, "definition");
    requireNonNull(data, "data");
  }
}
