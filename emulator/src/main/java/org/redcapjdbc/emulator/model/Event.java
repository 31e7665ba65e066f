package org.redcapjdbc.emulator.model;

import static java.util.Objects.requireNonNull;

/**
 * A study event. Classic projects have one implicit event ({@code event_1_arm_1}), as REDCap
 * itself keeps; it is never exported. {@code id} is 0 until the store assigns one.
 */
public record Event(
    int id,
    int armNumber,
    String name,
    String uniqueName,
    String customLabel,
    double dayOffset,
    double offsetMin,
    double offsetMax) {
  public Event {
    requireNonNull(name, "name");
    requireNonNull(uniqueName, "uniqueName");
    requireNonNull(customLabel, "customLabel");
  }

  public Event withId(int newId) {
    return new Event(
        newId, armNumber, name, uniqueName, customLabel, dayOffset, offsetMin, offsetMax);
  }
}
