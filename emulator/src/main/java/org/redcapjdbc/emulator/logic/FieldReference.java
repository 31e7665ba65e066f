package org.redcapjdbc.emulator.logic;

import java.util.Objects;

/**
 * One field reference in a logic text, for validating it against the project before evaluating:
 * {@code [weight]}, {@code [race(2)]}, {@code [baseline_arm_1][dob]}.
 *
 * @param event unique event name (lower case), or null for the row's own event
 * @param field field name (lower case)
 * @param checkboxCode the checkbox option code as written, or null for a plain reference
 */
public record FieldReference(String event, String field, String checkboxCode) {
  public FieldReference {
    Objects.requireNonNull(field, "field");
  }
}
