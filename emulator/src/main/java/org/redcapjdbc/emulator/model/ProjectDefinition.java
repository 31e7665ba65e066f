package org.redcapjdbc.emulator.model;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything about a project except its records: settings, instruments, dictionary, arms,
 * events, instrument-event mappings, repeating set-up, DAGs, surveys, reports and roles.
 *
 * <p>Immutable; a structural change (metadata import, event import…) builds a new one. Classic
 * projects carry REDCap's single implicit event {@code event_1_arm_1} with every form designated,
 * so the record code handles both layouts the same way.
 */
public final class ProjectDefinition {
  public static final String CLASSIC_EVENT = "event_1_arm_1";

  private final int id;
  private final ProjectInfo info;
  private final List<Form> forms;
  private final List<Field> fields;
  private final List<Arm> arms;
  private final List<Event> events;
  private final Map<String, List<String>> eventForms;
  private final List<RepeatingEntry> repeating;
  private final List<Dag> dags;
  private final List<Survey> surveys;
  private final List<Report> reports;
  private final List<UserRole> roles;

  // Derived look-ups.
  private final Map<String, Field> fieldByName = new HashMap<>();
  private final Map<String, Form> formByName = new LinkedHashMap<>();
  private final Map<String, List<Field>> fieldsByForm = new LinkedHashMap<>();
  private final Map<String, Form> formByCompleteField = new HashMap<>();
  private final Map<String, Event> eventByUniqueName = new LinkedHashMap<>();
  private final Map<Integer, Event> eventById = new HashMap<>();
  private final Map<String, Set<String>> designated = new HashMap<>();
  private final boolean severalArmsHoldEvents;
  private final Set<String> repeatingEvents = new HashSet<>();
  private final Map<String, Set<String>> repeatingForms = new HashMap<>();
  private final Map<String, CheckboxOption> checkboxByColumn = new HashMap<>();
  private final Map<String, Survey> surveyByForm = new HashMap<>();

  /** A checkbox export column resolved to its field and option. */
  public record CheckboxOption(Field field, Choice choice) {}

  private ProjectDefinition(Builder b) {
    this.id = b.id;
    this.info = requireNonNull(b.info, "info");
    this.forms = List.copyOf(b.forms);
    this.fields = List.copyOf(b.fields);
    this.arms = List.copyOf(b.arms);
    this.events = List.copyOf(b.events);
    this.severalArmsHoldEvents = events.stream().mapToInt(Event::armNumber).distinct().count() > 1;
    Map<String, List<String>> ef = new LinkedHashMap<>();
    b.eventForms.forEach((k, v) -> ef.put(k, List.copyOf(v)));
    this.eventForms = Collections.unmodifiableMap(ef);
    this.repeating = List.copyOf(b.repeating);
    this.dags = List.copyOf(b.dags);
    this.surveys = List.copyOf(b.surveys);
    this.reports = List.copyOf(b.reports);
    this.roles = List.copyOf(b.roles);
    if (fields.isEmpty()) {
      throw new IllegalArgumentException(
          "A project needs at least one field (the record ID field)");
    }
    for (Form f : forms) {
      formByName.put(f.name(), f);
      fieldsByForm.put(f.name(), new ArrayList<>());
      formByCompleteField.put(f.completeField(), f);
    }
    for (Field f : fields) {
      fieldByName.put(f.name(), f);
      List<Field> list = fieldsByForm.get(f.formName());
      if (list == null) {
        throw new IllegalArgumentException(
            "Field '"
                + f.name()
                + "' is on form '"
                + f.formName()
                + "', which the project does not define");
      }
      list.add(f);
      if (f.isCheckbox()) {
        for (Choice c : f.choices()) {
          checkboxByColumn.put(f.checkboxColumn(c), new CheckboxOption(f, c));
        }
      }
    }
    for (Event e : events) {
      eventByUniqueName.put(e.uniqueName(), e);
      if (e.id() != 0) {
        eventById.put(e.id(), e);
      }
      Set<String> set = new HashSet<>();
      if (info.longitudinal()) {
        set.addAll(eventForms.getOrDefault(e.uniqueName(), List.of()));
      } else {
        set.addAll(formByName.keySet());
      }
      designated.put(e.uniqueName(), set);
    }
    for (RepeatingEntry r : repeating) {
      if (r.isRepeatingEvent()) {
        repeatingEvents.add(r.eventUniqueName());
      } else {
        repeatingForms.computeIfAbsent(r.eventUniqueName(), k -> new HashSet<>()).add(r.formName());
      }
    }
    for (Survey s : surveys) {
      surveyByForm.put(s.formName(), s);
    }
  }

  public static Builder builder(ProjectInfo info) {
    return new Builder().info(info);
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.id = id;
    b.info = info;
    b.forms = new ArrayList<>(forms);
    b.fields = new ArrayList<>(fields);
    b.arms = new ArrayList<>(arms);
    b.events = new ArrayList<>(events);
    b.eventForms = new LinkedHashMap<>(eventForms);
    b.repeating = new ArrayList<>(repeating);
    b.dags = new ArrayList<>(dags);
    b.surveys = new ArrayList<>(surveys);
    b.reports = new ArrayList<>(reports);
    b.roles = new ArrayList<>(roles);
    return b;
  }

  public int id() {
    return id;
  }

  public ProjectInfo info() {
    return info;
  }

  public String title() {
    return info.title();
  }

  public boolean isLongitudinal() {
    return info.longitudinal();
  }

  public List<Form> forms() {
    return forms;
  }

  public List<Field> fields() {
    return fields;
  }

  public List<Arm> arms() {
    return arms;
  }

  public List<Event> events() {
    return events;
  }

  /** Explicit mappings of a longitudinal project, by unique event name, in form order. */
  public Map<String, List<String>> eventForms() {
    return eventForms;
  }

  public List<RepeatingEntry> repeating() {
    return repeating;
  }

  public List<Dag> dags() {
    return dags;
  }

  public List<Survey> surveys() {
    return surveys;
  }

  public List<Report> reports() {
    return reports;
  }

  public List<UserRole> roles() {
    return roles;
  }

  /** The record-ID field: always the first field of the dictionary. */
  public Field recordIdField() {
    return fields.get(0);
  }

  public Field field(String name) {
    return fieldByName.get(name);
  }

  public Form form(String name) {
    return formByName.get(name);
  }

  public List<Field> fieldsOf(String formName) {
    List<Field> list = fieldsByForm.get(formName);
    return list == null ? List.of() : Collections.unmodifiableList(list);
  }

  /** The form whose status field is {@code name}, or null. */
  public Form formOfCompleteField(String name) {
    return formByCompleteField.get(name);
  }

  public CheckboxOption checkboxColumn(String exportName) {
    return checkboxByColumn.get(exportName);
  }

  public Event event(String uniqueName) {
    return eventByUniqueName.get(uniqueName);
  }

  public Event event(int eventId) {
    return eventById.get(eventId);
  }

  public Arm arm(int number) {
    for (Arm a : arms) {
      if (a.number() == number) {
        return a;
      }
    }
    return null;
  }

  public List<Event> eventsOfArm(int armNumber) {
    List<Event> list = new ArrayList<>();
    for (Event e : events) {
      if (e.armNumber() == armNumber) {
        list.add(e);
      }
    }
    return list;
  }

  /** The first event of the first arm: where longitudinal rows without an event land. */
  public Event firstEvent() {
    return events.get(0);
  }

  /** Forms designated for the event, in form order. */
  public List<Form> formsOf(Event event) {
    Set<String> set = designated.getOrDefault(event.uniqueName(), Set.of());
    List<Form> list = new ArrayList<>();
    for (Form f : forms) {
      if (set.contains(f.name())) {
        list.add(f);
      }
    }
    return list;
  }

  public boolean isDesignated(Event event, String formName) {
    return designated.getOrDefault(event.uniqueName(), Set.of()).contains(formName);
  }

  public boolean isRepeatingEvent(Event event) {
    return repeatingEvents.contains(event.uniqueName());
  }

  public boolean isRepeatingForm(Event event, String formName) {
    return repeatingForms.getOrDefault(event.uniqueName(), Set.of()).contains(formName);
  }

  public boolean hasRepeating() {
    return !repeating.isEmpty();
  }

  /** Whether the form repeats in at least one event. */
  public boolean isRepeatingAnywhere(String formName) {
    for (Set<String> s : repeatingForms.values()) {
      if (s.contains(formName)) {
        return true;
      }
    }
    return false;
  }

  public Dag dag(String uniqueName) {
    for (Dag d : dags) {
      if (d.uniqueName().equals(uniqueName)) {
        return d;
      }
    }
    return null;
  }

  public Dag dag(int groupId) {
    for (Dag d : dags) {
      if (d.id() == groupId) {
        return d;
      }
    }
    return null;
  }

  public Survey survey(String formName) {
    return surveyByForm.get(formName);
  }

  public boolean hasSurveys() {
    return info.surveysEnabled() && !surveys.isEmpty();
  }

  /**
   * Event label for label-mode exports: the name, plus the arm when several arms hold events. An
   * arm without events does not count: live, a project with one arm of events and a second, empty
   * arm still exports {@code Event 1} (docs/redcap-api.md §2.1).
   */
  public String eventLabel(Event event) {
    if (severalArmsHoldEvents) {
      return designationLabel(event);
    }
    return event.name();
  }

  /** {@code Event 1 (Arm 1: Arm 1)}: how import errors name an event. */
  public String designationLabel(Event event) {
    Arm arm = arm(event.armNumber());
    String armName = arm == null ? "" : arm.name();
    return event.name() + " (Arm " + event.armNumber() + ": " + armName + ")";
  }

  @Override
  public String toString() {
    return "ProjectDefinition[" + id + " '" + info.title() + "', " + fields.size() + " fields]";
  }

  /** Builder; every list starts empty. */
  public static final class Builder {
    private int id;
    private ProjectInfo info;
    private List<Form> forms = new ArrayList<>();
    private List<Field> fields = new ArrayList<>();
    private List<Arm> arms = new ArrayList<>();
    private List<Event> events = new ArrayList<>();
    private Map<String, List<String>> eventForms = new LinkedHashMap<>();
    private List<RepeatingEntry> repeating = new ArrayList<>();
    private List<Dag> dags = new ArrayList<>();
    private List<Survey> surveys = new ArrayList<>();
    private List<Report> reports = new ArrayList<>();
    private List<UserRole> roles = new ArrayList<>();

    public Builder id(int v) {
      id = v;
      return this;
    }

    public Builder info(ProjectInfo v) {
      info = v;
      return this;
    }

    public Builder forms(List<Form> v) {
      forms = new ArrayList<>(v);
      return this;
    }

    public Builder fields(List<Field> v) {
      fields = new ArrayList<>(v);
      return this;
    }

    public Builder arms(List<Arm> v) {
      arms = new ArrayList<>(v);
      return this;
    }

    public Builder events(List<Event> v) {
      events = new ArrayList<>(v);
      return this;
    }

    public Builder eventForms(Map<String, List<String>> v) {
      eventForms = new LinkedHashMap<>(v);
      return this;
    }

    public Builder repeating(List<RepeatingEntry> v) {
      repeating = new ArrayList<>(v);
      return this;
    }

    public Builder dags(List<Dag> v) {
      dags = new ArrayList<>(v);
      return this;
    }

    public Builder surveys(List<Survey> v) {
      surveys = new ArrayList<>(v);
      return this;
    }

    public Builder reports(List<Report> v) {
      reports = new ArrayList<>(v);
      return this;
    }

    public Builder roles(List<UserRole> v) {
      roles = new ArrayList<>(v);
      return this;
    }

    /** Gives a classic project REDCap's implicit arm and event when it has none. */
    public Builder ensureClassicEvent() {
      if (!info.longitudinal() && events.isEmpty()) {
        arms = new ArrayList<>(List.of(new Arm(1, "Arm 1")));
        events = new ArrayList<>(List.of(new Event(0, 1, "Event 1", CLASSIC_EVENT, "", 0, 0, 0)));
      }
      return this;
    }

    public ProjectDefinition build() {
      return new ProjectDefinition(this);
    }
  }
}
