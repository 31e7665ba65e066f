package org.redcapjdbc.emulator.logic;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** A map-backed {@link LogicContext} for tests: one row plus other events of the same record. */
final class MapContext implements LogicContext {
  private final Map<String, String> values = new HashMap<>();
  private final Set<String> checked = new HashSet<>();
  private final Set<String> checkboxFields = new HashSet<>();
  private final Set<String> commaDecimalFields = new HashSet<>();
  private final Set<String> missingCodes = new HashSet<>();
  private String recordId = "1";
  private String currentEvent;
  private Integer currentInstance;
  private LocalDateTime now = LocalDateTime.of(2024, 6, 15, 13, 45, 30);

  static MapContext row() {
    return new MapContext();
  }

  /** Sets {@code field} in the row's own event. */
  MapContext with(String field, String value) {
    return withIn(null, field, value);
  }

  MapContext withIn(String event, String field, String value) {
    values.put(key(event, field), value);
    return this;
  }

  /** Declares {@code field} a checkbox and checks {@code codes} in the row's own event. */
  MapContext checked(String field, String... codes) {
    return checkedIn(null, field, codes);
  }

  MapContext checkedIn(String event, String field, String... codes) {
    checkboxFields.add(field);
    for (String code : codes) {
      checked.add(key(event, field) + "(" + code + ")");
    }
    return this;
  }

  MapContext commaDecimal(String field) {
    commaDecimalFields.add(field);
    return this;
  }

  MapContext missingCodes(String... codes) {
    missingCodes.addAll(Set.of(codes));
    return this;
  }

  MapContext record(String id) {
    this.recordId = id;
    return this;
  }

  MapContext event(String event) {
    this.currentEvent = event;
    return this;
  }

  MapContext instance(Integer instance) {
    this.currentInstance = instance;
    return this;
  }

  MapContext now(LocalDateTime now) {
    this.now = now;
    return this;
  }

  private String key(String event, String field) {
    return Objects.toString(event == null ? currentEvent : event, "") + "|" + field;
  }

  @Override
  public String value(String event, String field) {
    return values.getOrDefault(key(event, field), "");
  }

  @Override
  public String checkbox(String event, String field, String code) {
    return checked.contains(key(event, field) + "(" + code + ")") ? "1" : "0";
  }

  @Override
  public boolean isCheckbox(String field) {
    return checkboxFields.contains(field);
  }

  @Override
  public String recordId() {
    return recordId;
  }

  @Override
  public String currentEvent() {
    return currentEvent;
  }

  @Override
  public Integer currentInstance() {
    return currentInstance;
  }

  @Override
  public LocalDateTime now() {
    return now;
  }

  @Override
  public boolean isCommaDecimal(String field) {
    return commaDecimalFields.contains(field);
  }

  @Override
  public Set<String> missingDataCodes() {
    return missingCodes;
  }
}
