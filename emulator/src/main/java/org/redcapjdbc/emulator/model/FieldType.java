package org.redcapjdbc.emulator.model;

import java.util.Locale;

/** REDCap field types, with the names the API dictionary and the ODM project file use. */
public enum FieldType {
  TEXT("text", "text"),
  NOTES("notes", "textarea"),
  DROPDOWN("dropdown", "select"),
  RADIO("radio", "radio"),
  CHECKBOX("checkbox", "checkbox"),
  YESNO("yesno", "yesno"),
  TRUEFALSE("truefalse", "truefalse"),
  CALC("calc", "calc"),
  FILE("file", "file"),
  SLIDER("slider", "slider"),
  DESCRIPTIVE("descriptive", "descriptive"),
  SQL("sql", "sql");

  private final String apiName;
  private final String odmName;

  FieldType(String apiName, String odmName) {
    this.apiName = apiName;
    this.odmName = odmName;
  }

  /** Name in API metadata exports and data dictionaries ({@code notes}, {@code dropdown}). */
  public String apiName() {
    return apiName;
  }

  /** Name in {@code redcap:FieldType} of project XML ({@code textarea}, {@code select}). */
  public String odmName() {
    return odmName;
  }

  /** Whether the field carries a code list in {@code select_choices_or_calculations}. */
  public boolean hasChoiceList() {
    return this == DROPDOWN || this == RADIO || this == CHECKBOX;
  }

  /** Parses an API or ODM type name; returns null when unknown. */
  public static FieldType fromName(String name) {
    String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    for (FieldType t : values()) {
      if (t.apiName.equals(n) || t.odmName.equals(n)) {
        return t;
      }
    }
    return null;
  }
}
