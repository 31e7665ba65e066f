package org.redcapjdbc.model;

import java.util.Locale;

/**
 * The {@code field_type} of a data-dictionary row. Types REDCap may add later read as
 * {@link #OTHER} (a VARCHAR column) rather than failing the whole project.
 */
public enum FieldType {
  TEXT("text"),
  NOTES("notes"),
  DROPDOWN("dropdown"),
  RADIO("radio"),
  CHECKBOX("checkbox"),
  YESNO("yesno"),
  TRUEFALSE("truefalse"),
  CALC("calc"),
  FILE("file"),
  SLIDER("slider"),
  DESCRIPTIVE("descriptive"),
  SQL("sql"),
  /** A type this driver does not know; its values are kept as text. */
  OTHER("");

  private final String apiName;

  FieldType(String apiName) {
    this.apiName = apiName;
  }

  /** The name REDCap's API uses, e.g. {@code yesno}; empty for {@link #OTHER}. */
  public String apiName() {
    return apiName;
  }

  /** Whether the field holds one code out of a list of choices (and gets a label companion). */
  public boolean isSingleChoice() {
    return this == DROPDOWN || this == RADIO || this == YESNO || this == TRUEFALSE;
  }

  /**
   * The type for a {@code field_type} value. Accepts the ODM spellings {@code textarea} and
   * {@code select} too, since project XML uses them for {@code notes} and {@code dropdown}.
   */
  public static FieldType fromApiName(String name) {
    switch (name.trim().toLowerCase(Locale.ROOT)) {
      case "text":
        return TEXT;
      case "notes":
      case "textarea":
        return NOTES;
      case "dropdown":
      case "select":
        return DROPDOWN;
      case "radio":
        return RADIO;
      case "checkbox":
        return CHECKBOX;
      case "yesno":
        return YESNO;
      case "truefalse":
        return TRUEFALSE;
      case "calc":
        return CALC;
      case "file":
        return FILE;
      case "slider":
        return SLIDER;
      case "descriptive":
        return DESCRIPTIVE;
      case "sql":
        return SQL;
      default:
        return OTHER;
    }
  }
}
