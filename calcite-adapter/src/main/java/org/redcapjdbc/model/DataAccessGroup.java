package org.redcapjdbc.model;

import static java.util.Objects.requireNonNull;

import java.util.OptionalLong;

/**
 * A data access group: its display name, the unique name the {@code redcap_data_access_group}
 * column holds, and its numeric id (exported since REDCap 13.1; empty before).
 */
public record DataAccessGroup(String name, String uniqueName, OptionalLong id) {
  public DataAccessGroup {
    requireNonNull(name, "name");
    requireNonNull(uniqueName, "uniqueName");
    requireNonNull(id, "id");
  }
}
