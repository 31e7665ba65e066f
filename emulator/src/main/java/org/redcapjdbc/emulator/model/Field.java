package org.redcapjdbc.emulator.model;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One row of the data dictionary, with the 18 attributes of the API metadata export. Values that
 * are absent are empty strings, never null.
 */
public final class Field {
  private final String name;
  private final String formName;
  private final String sectionHeader;
  private final FieldType type;
  private final String label;
  private final String choicesOrCalculation;
  private final String note;
  private final String validation;
  private final String validationMin;
  private final String validationMax;
  private final boolean identifier;
  private final String branchingLogic;
  private final boolean required;
  private final String customAlignment;
  private final String questionNumber;
  private final String matrixGroupName;
  private final boolean matrixRanking;
  private final String annotation;
  private final List<Choice> choices;

  private Field(Builder b) {
    this.name = requireNonNull(b.name, "name");
    this.formName = requireNonNull(b.formName, "formName");
    this.type = requireNonNull(b.type, "type");
    this.sectionHeader = nz(b.sectionHeader);
    this.label = nz(b.label);
    this.note = nz(b.note);
    this.validation = normalizeValidation(nz(b.validation));
    this.validationMin = nz(b.validationMin);
    this.validationMax = nz(b.validationMax);
    this.identifier = b.identifier;
    this.branchingLogic = nz(b.branchingLogic);
    this.required = b.required;
    this.customAlignment = nz(b.customAlignment);
    this.questionNumber = nz(b.questionNumber);
    this.matrixGroupName = nz(b.matrixGroupName);
    this.matrixRanking = b.matrixRanking;
    this.annotation = nz(b.annotation);
    if (type.hasChoiceList()) {
      this.choices = List.copyOf(Choice.parseList(b.choicesOrCalculation));
      // The API exports choices as "code, label|code, label" whatever the input style.
      this.choicesOrCalculation = Choice.formatList(choices);
    } else if (type == FieldType.YESNO) {
      this.choices = List.of(new Choice("1", "Yes"), new Choice("0", "No"));
      this.choicesOrCalculation = nz(b.choicesOrCalculation);
    } else if (type == FieldType.TRUEFALSE) {
      this.choices = List.of(new Choice("1", "True"), new Choice("0", "False"));
      this.choicesOrCalculation = nz(b.choicesOrCalculation);
    } else {
      this.choices = List.of();
      this.choicesOrCalculation = nz(b.choicesOrCalculation);
    }
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  /** ODM files use REDCap's internal names for two validations. */
  private static String normalizeValidation(String v) {
    switch (v) {
      case "int":
        return "integer";
      case "float":
        return "number";
      default:
        return v;
    }
  }

  public static Builder builder(String name, String formName, FieldType type) {
    return new Builder().name(name).formName(formName).type(type);
  }

  public Builder toBuilder() {
    return new Builder()
        .name(name)
        .formName(formName)
        .sectionHeader(sectionHeader)
        .type(type)
        .label(label)
        .choicesOrCalculation(choicesOrCalculation)
        .note(note)
        .validation(validation)
        .validationMin(validationMin)
        .validationMax(validationMax)
        .identifier(identifier)
        .branchingLogic(branchingLogic)
        .required(required)
        .customAlignment(customAlignment)
        .questionNumber(questionNumber)
        .matrixGroupName(matrixGroupName)
        .matrixRanking(matrixRanking)
        .annotation(annotation);
  }

  public String name() {
    return name;
  }

  public String formName() {
    return formName;
  }

  public String sectionHeader() {
    return sectionHeader;
  }

  public FieldType type() {
    return type;
  }

  public String label() {
    return label;
  }

  /** {@code select_choices_or_calculations}: choices in API style, a calc formula, slider labels. */
  public String choicesOrCalculation() {
    return choicesOrCalculation;
  }

  public String note() {
    return note;
  }

  /** {@code text_validation_type_or_show_slider_number}, with ODM's {@code int}/{@code float} renamed. */
  public String validation() {
    return validation;
  }

  public String validationMin() {
    return validationMin;
  }

  public String validationMax() {
    return validationMax;
  }

  public boolean identifier() {
    return identifier;
  }

  public String branchingLogic() {
    return branchingLogic;
  }

  public boolean required() {
    return required;
  }

  public String customAlignment() {
    return customAlignment;
  }

  public String questionNumber() {
    return questionNumber;
  }

  public String matrixGroupName() {
    return matrixGroupName;
  }

  public boolean matrixRanking() {
    return matrixRanking;
  }

  public String annotation() {
    return annotation;
  }

  /** Options for dropdown, radio and checkbox; the implicit 1/0 options for yesno and truefalse. */
  public List<Choice> choices() {
    return choices;
  }

  public Choice choice(String code) {
    for (Choice c : choices) {
      if (c.code().equals(code)) {
        return c;
      }
    }
    return null;
  }

  public boolean isCheckbox() {
    return type == FieldType.CHECKBOX;
  }

  /** A field that has values in record exports (everything but descriptive). */
  public boolean holdsData() {
    return type != FieldType.DESCRIPTIVE;
  }

  /** {@code field___suffix} for one checkbox option. */
  public String checkboxColumn(Choice choice) {
    return name + "___" + choice.checkboxSuffix();
  }

  /** Number-valued fields whose decimal mark {@code decimalCharacter} rewrites on export. */
  public boolean isDecimalNumber() {
    return type == FieldType.CALC || (type == FieldType.TEXT && validation.startsWith("number"));
  }

  @Override
  public String toString() {
    return "Field[" + name + " " + type.apiName() + " on " + formName + "]";
  }

  /** Builder; unset text attributes are empty. */
  public static final class Builder {
    private String name;
    private String formName;
    private String sectionHeader;
    private FieldType type;
    private String label;
    private String choicesOrCalculation;
    private String note;
    private String validation;
    private String validationMin;
    private String validationMax;
    private boolean identifier;
    private String branchingLogic;
    private boolean required;
    private String customAlignment;
    private String questionNumber;
    private String matrixGroupName;
    private boolean matrixRanking;
    private String annotation;

    public Builder name(String v) {
      name = v;
      return this;
    }

    public Builder formName(String v) {
      formName = v;
      return this;
    }

    public Builder sectionHeader(String v) {
      sectionHeader = v;
      return this;
    }

    public Builder type(FieldType v) {
      type = v;
      return this;
    }

    public Builder label(String v) {
      label = v;
      return this;
    }

    public Builder choicesOrCalculation(String v) {
      choicesOrCalculation = v;
      return this;
    }

    public Builder note(String v) {
      note = v;
      return this;
    }

    public Builder validation(String v) {
      validation = v;
      return this;
    }

    public Builder validationMin(String v) {
      validationMin = v;
      return this;
    }

    public Builder validationMax(String v) {
      validationMax = v;
      return this;
    }

    public Builder identifier(boolean v) {
      identifier = v;
      return this;
    }

    public Builder branchingLogic(String v) {
      branchingLogic = v;
      return this;
    }

    public Builder required(boolean v) {
      required = v;
      return this;
    }

    public Builder customAlignment(String v) {
      customAlignment = v;
      return this;
    }

    public Builder questionNumber(String v) {
      questionNumber = v;
      return this;
    }

    public Builder matrixGroupName(String v) {
      matrixGroupName = v;
      return this;
    }

    public Builder matrixRanking(boolean v) {
      matrixRanking = v;
      return this;
    }

    public Builder annotation(String v) {
      annotation = v;
      return this;
    }

    public Field build() {
      return new Field(this);
    }
  }
}
