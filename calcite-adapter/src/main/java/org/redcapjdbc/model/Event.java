package org.redcapjdbc.model;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.OptionalLong;

/**
 * An event of a longitudinal project, in project order: its unique name (the value of
 * {@code redcap_event_name}, e.g. {@code enrollment_arm_1}), display name, arm, custom label,
 * numeric id (when the server exports it), whether the whole event repeats, and the instruments
 * designated for it in instrument order.
 */
public final class Event {
  private final String uniqueName;
  private final String name;
  private final int armNumber;
  private final String customLabel;
  private final OptionalLong id;
  private final boolean repeating;
  private final List<String> forms;

  Event(
      String uniqueName,
      String name,
      int armNumber,
      String customLabel,
      OptionalLong id,
      boolean repeating,
      List<String> forms) {
    this.uniqueName = requireNonNull(uniqueName, "uniqueName");
    this.name = requireNonNull(name, "name");
    this.armNumber = armNumber;
    this.customLabel = requireNonNull(customLabel, "customLabel");
    this.id = requireNonNull(id, "id");
    this.repeating = repeating;
    this.forms = List.copyOf(forms);
  }

  public String uniqueName() {
    return uniqueName;
  }

  /** The event's display name, e.g. {@code Enrollment}. */
  public String name() {
    return name;
  }

  public int armNumber() {
    return armNumber;
  }

  /** The custom event label (often a piping expression), blank when none. */
  public String customLabel() {
    return customLabel;
  }

  /** The numeric event id, when the server exported one. */
  public OptionalLong id() {
    return id;
  }

  /** Whether the event repeats as a whole (each instance is a row of all its instruments). */
  public boolean isRepeating() {
    return repeating;
  }

  /** The unique names of the instruments designated for this event, in instrument order. */
  public List<String> forms() {
    return forms;
  }

  @Override
  public String toString() {
    return uniqueName + (repeating ? " (repeating)" : "");
  }
}
