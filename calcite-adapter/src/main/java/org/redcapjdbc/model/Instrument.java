package org.redcapjdbc.model;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Set;

/**
 * An instrument (form) in project order: unique name, label, its fields in dictionary order
 * (descriptive fields included; the first instrument's list starts with the record-ID field), and
 * how it repeats.
 *
 * <p>In a classic project {@link #events()} is empty and {@link #repeatsAsInstrument()} says
 * whether it is a repeating instrument. In a longitudinal project repetition is set per event: the
 * instrument may repeat on its own in some events ({@link #repeatingInstrumentEvents()}) and sit in
 * events that repeat as a whole in others.
 */
public final class Instrument {
  private final String name;
  private final String label;
  private final List<Field> fields;
  private final List<String> events;
  private final boolean repeatsAsInstrument;
  private final Set<String> repeatingInstrumentEvents;
  private final boolean hasRepeatInstances;
  private final boolean alwaysRepeats;

  Instrument(
      String name,
      String label,
      List<Field> fields,
      List<String> events,
      boolean repeatsAsInstrument,
      Set<String> repeatingInstrumentEvents,
      boolean hasRepeatInstances,
      boolean alwaysRepeats) {
    this.name = requireNonNull(name, "name");
    this.label = requireNonNull(label, "label");
    this.fields = List.copyOf(fields);
    this.events = List.copyOf(events);
    this.repeatsAsInstrument = repeatsAsInstrument;
    this.repeatingInstrumentEvents = Set.copyOf(repeatingInstrumentEvents);
    this.hasRepeatInstances = hasRepeatInstances;
    this.alwaysRepeats = alwaysRepeats;
  }

  /** The unique instrument name, e.g. {@code demographics}; also its table's name. */
  public String name() {
    return name;
  }

  /** The instrument label as REDCap shows it, e.g. {@code Demographics}. */
  public String label() {
    return label;
  }

  /** The instrument's fields in dictionary order, descriptive ones included. */
  public List<Field> fields() {
    return fields;
  }

  /** The name of its status column, {@code <form>_complete}. */
  public String completeFieldName() {
    return name + "_complete";
  }

  /** Longitudinal projects: the unique names of the events it is designated for, in event order. */
  public List<String> events() {
    return events;
  }

  /** Whether it repeats as an instrument (in a classic project, or in at least one event). */
  public boolean repeatsAsInstrument() {
    return repeatsAsInstrument;
  }

  /** Longitudinal projects: the events in which it repeats as an instrument. */
  public Set<String> repeatingInstrumentEvents() {
    return repeatingInstrumentEvents;
  }

  /**
   * Whether some of its rows carry a repeat instance: it repeats as an instrument or sits in a
   * repeating event. Its table then has a {@code redcap_repeat_instance} column.
   */
  public boolean hasRepeatInstances() {
    return hasRepeatInstances;
  }

  /**
   * Whether every one of its rows carries a repeat instance: it repeats (as an instrument or
   * through its event) wherever it is used. Its {@code redcap_repeat_instance} is then NOT NULL.
   */
  public boolean alwaysRepeats() {
    return alwaysRepeats;
  }

  @Override
  public String toString() {
    return name + (hasRepeatInstances ? " (repeating)" : "");
  }
}
