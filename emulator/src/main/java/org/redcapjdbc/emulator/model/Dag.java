package org.redcapjdbc.emulator.model;

import static java.util.Objects.requireNonNull;

/** A data access group; {@code id} is REDCap's group_id, 0 until the store assigns one. */
public record Dag(int id, String uniqueName, String name) {
  public Dag {
    requireNonNull(uniqueName, "uniqueName");
    requireNonNull(name, "name");
  }

  public Dag withId(int newId) {
    return new Dag(newId, uniqueName, name);
  }
}
