package org.redcapjdbc.model;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One row of the data dictionary: a REDCap field with everything the SQL model needs from it.
 * Built from a metadata row keyed by REDCap's API column names ({@code field_name} …
 * {@code field_annotation}); {@link #dictionaryRow()} keeps the row itself for the
 * {@code meta.metadata} table.
 */
public final class Field {
  /** yesno fields store 1 or 0; REDCap labels them Yes and No. */
  static final List<Choice> YES_NO = List.of(new Choice("1", "Yes"), new Choice("0", "No"));

  /** truefalse fields store 1 or 0; REDCap labels them True and False. */
  static final List<Choice> TRUE_FALSE = List.of(new Choice("1", "True"), new Choice("0", "False"));

  private static final int SLIDER_DEFAULT_MIN = 0;
  private static final int SLIDER_DEFAULT_MAX = 100;

  private final String name;
  private final String form;
  private final FieldType type;
  private final String typeName;
  private final Validation validation;
  private final String label;
  private final String plainLabel;
  private final List<Choice> choices;
  private final Slider slider;
  private final Map<String, String> dictionaryRow;

  private Field(Map<String, String> row, int index) {
    String what = "data dictionary";
    this.name = Rows.require(row, "field_name", what, index);
    this.form = Rows.require(row, "form_name", what, index);
    this.typeName = Rows.require(row, "field_type", what, index);
    this.type = FieldType.fromApiName(typeName);
    this.validation =
        type == FieldType.TEXT
            ? Validation.of(Rows.get(row, "text_validation_type_or_show_slider_number"))
            : Validation.NONE;
    this.label = Rows.get(row, "field_label");
    this.plainLabel = PlainText.of(label);
    String choiceText = Rows.get(row, "select_choices_or_calculations");
    switch (type) {
      case RADIO:
      case DROPDOWN:
      case CHECKBOX:
        this.choices = Choices.parse(choiceText);
        break;
      case YESNO:
        this.choices = YES_NO;
        break;
      case TRUEFALSE:
        this.choices = TRUE_FALSE;
        break;
      default:
        this.choices = List.of();
    }
    this.slider = type == FieldType.SLIDER ? slider(row, choiceText) : null;
    this.dictionaryRow = row;
  }

  /** A field from row {@code index} (0-based, for messages) of a metadata export. */
  static Field fromDictionaryRow(Map<String, String> row, int index) {
    return new Field(requireNonNull(row, "row"), index);
  }

  private Slider slider(Map<String, String> row, String labels) {
    List<String> parts = new ArrayList<>(3);
    for (String part : labels.split("\\|", -1)) {
      parts.add(part.trim());
    }
    String left = parts.size() > 0 ? parts.get(0) : "";
    String middle = parts.size() > 2 ? parts.get(1) : "";
    String right = parts.size() > 2 ? parts.get(2) : parts.size() == 2 ? parts.get(1) : "";
    int min = intOr(Rows.get(row, "text_validation_min"), SLIDER_DEFAULT_MIN);
    int max = intOr(Rows.get(row, "text_validation_max"), SLIDER_DEFAULT_MAX);
    boolean showsNumber =
        Rows.get(row, "text_validation_type_or_show_slider_number")
            .trim()
            .equalsIgnoreCase("number");
    return new Slider(left, middle, right, min, max, showsNumber);
  }

  private static int intOr(String text, int fallback) {
    String t = text.trim();
    if (t.isEmpty()) {
      return fallback;
    }
    try {
      return Integer.parseInt(t);
    } catch (NumberFormatException e) {
      // A hand-edited dictionary; the range only documents the field, so keep REDCap's default.
      return fallback;
    }
  }

  /** The variable name, e.g. {@code dob}. */
  public String name() {
    return name;
  }

  /** The unique name of the instrument (form) the field is on. */
  public String form() {
    return form;
  }

  public FieldType type() {
    return type;
  }

  /** The {@code field_type} text as given, useful when {@link #type()} is {@link FieldType#OTHER}. */
  public String typeName() {
    return typeName;
  }

  /** The text validation; {@link Validation#NONE} for fields that are not text fields. */
  public Validation validation() {
    return validation;
  }

  /** The field label exactly as the dictionary has it (HTML kept). */
  public String label() {
    return label;
  }

  /** The field label as plain text: HTML removed, whitespace collapsed. Used for REMARKS. */
  public String plainLabel() {
    return plainLabel;
  }

  /**
   * The choices of a radio, dropdown or checkbox field in dictionary order; for yesno and
   * truefalse the implied {@code 1}/{@code 0} choices; empty otherwise.
   */
  public List<Choice> choices() {
    return choices;
  }

  /** The code's choice, if the field has one with that exact code. */
  public Optional<Choice> choice(String code) {
    for (Choice c : choices) {
      if (c.code().equals(code)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  /** Slider labels and range, for slider fields. */
  public Optional<Slider> slider() {
    return Optional.ofNullable(slider);
  }

  /** The calculation of a calc field, e.g. {@code round(([weight]*10000)/(([height])^(2)),1)}. */
  public Optional<String> calculation() {
    return type == FieldType.CALC
        ? Optional.of(Rows.get(dictionaryRow, "select_choices_or_calculations"))
        : Optional.empty();
  }

  /** Whether the field is flagged as an identifier (PHI). */
  public boolean isIdentifier() {
    return Rows.isYes(Rows.get(dictionaryRow, "identifier"));
  }

  public boolean isRequired() {
    return Rows.isYes(Rows.get(dictionaryRow, "required_field"));
  }

  /** The matrix group the field belongs to, blank when none. */
  public String matrixGroup() {
    return Rows.get(dictionaryRow, "matrix_group_name");
  }

  /** The field annotation (action tags such as {@code @HIDDEN}), blank when none. */
  public String annotation() {
    return Rows.get(dictionaryRow, "field_annotation");
  }

  public String fieldNote() {
    return Rows.get(dictionaryRow, "field_note");
  }

  public String branchingLogic() {
    return Rows.get(dictionaryRow, "branching_logic");
  }

  public String sectionHeader() {
    return Rows.get(dictionaryRow, "section_header");
  }

  /** Whether the field gives no column (descriptive text). */
  public boolean isDescriptive() {
    return type == FieldType.DESCRIPTIVE;
  }

  /**
   * The metadata row this field was built from, keyed by REDCap's API column names, with every
   * column the server sent (including ones this class has no accessor for).
   */
  public Map<String, String> dictionaryRow() {
    return dictionaryRow;
  }

  @Override
  public String toString() {
    return name
        + " ("
        + typeName
        + (validation == Validation.NONE ? "" : " " + validation)
        + ", form "
        + form
        + ")";
  }
}
