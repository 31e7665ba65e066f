package org.redcapjdbc.emulator.model;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/** A user role from a project file, its rights kept as the file's attributes. */
public record UserRole(String uniqueRoleName, String label, Map<String, String> attributes) {
  public UserRole {
    requireNonNull(uniqueRoleName, "uniqueRoleName");
    label = label == null ? "" : label;
    attributes = Map.copyOf(attributes);
  }
}
