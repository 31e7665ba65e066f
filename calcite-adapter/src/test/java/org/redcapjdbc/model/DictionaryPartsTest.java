package org.redcapjdbc.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Choice lists, checkbox column names, validations and slider settings. */
class DictionaryPartsTest {

  @Test
  void choicesWithAndWithoutSpacesAroundTheBar() {
    List<Choice> api = Choices.parse("0, Female|1, Male");
    List<Choice> ui = Choices.parse("0, Female | 1, Male");
    assertThat(api)
        .isEqualTo(ui)
        .containsExactly(new Choice("0", "Female"), new Choice("1", "Male"));
  }

  @Test
  void choicesSplitOnTheFirstComma() {
    assertThat(Choices.parse("12ab, alpha, numeric | 2, Street, City"))
        .containsExactly(new Choice("12ab", "alpha, numeric"), new Choice("2", "Street, City"));
  }

  @Test
  void labelOnlyChoicesUseTheLabelAsCode() {
    assertThat(Choices.parse("Mr. | Mrs. | Dr."))
        .containsExactly(
            new Choice("Mr.", "Mr."), new Choice("Mrs.", "Mrs."), new Choice("Dr.", "Dr."));
  }

  @Test
  void choiceLabelsKeepHtmlAndNumbers() {
    assertThat(Choices.parse("1, <b>bold</b> | 2, 2 | -99, Unknown"))
        .containsExactly(
            new Choice("1", "<b>bold</b>"), new Choice("2", "2"), new Choice("-99", "Unknown"));
  }

  @Test
  void blankChoiceListsAndEmptyEntries() {
    assertThat(Choices.parse("")).isEmpty();
    assertThat(Choices.parse("  ")).isEmpty();
    assertThat(Choices.parse("1, A | | 2, B |"))
        .containsExactly(new Choice("1", "A"), new Choice("2", "B"));
    assertThat(Choices.parse("1,A")).containsExactly(new Choice("1", "A"));
  }

  @Test
  void checkboxExportNames() {
    assertThat(CheckboxNames.exportName("race", "-99")).isEqualTo("race____99");
    assertThat(CheckboxNames.exportName("checkbox", "-4")).isEqualTo("checkbox____4");
    assertThat(CheckboxNames.exportName("checkbox", "k>=9")).isEqualTo("checkbox___k__9");
    assertThat(CheckboxNames.exportName("f", "ABC")).isEqualTo("f___abc");
    assertThat(CheckboxNames.exportName("f", "1.5")).isEqualTo("f___1_5");
    assertThat(CheckboxNames.exportName("checkbox", "x___y")).isEqualTo("checkbox___x___y");
    assertThat(CheckboxNames.exportName("gym", "0")).isEqualTo("gym___0");
    assertThat(CheckboxNames.exportName("f", "a b")).isEqualTo("f___a_b");
  }

  @Test
  void validationsAreClassified() {
    assertThat(Validation.of("")).isSameAs(Validation.NONE);
    assertThat(Validation.of("integer").kind()).isEqualTo(Validation.Kind.INTEGER);
    assertThat(Validation.of("int").kind()).isEqualTo(Validation.Kind.INTEGER);
    assertThat(Validation.of("float").kind()).isEqualTo(Validation.Kind.NUMBER);
    Validation n = Validation.of("number");
    assertThat(n.kind()).isEqualTo(Validation.Kind.NUMBER);
    assertThat(n.decimalPlaces()).isEqualTo(-1);
    assertThat(n.isCommaDecimal()).isFalse();
    Validation n3c = Validation.of("number_3dp_comma_decimal");
    assertThat(n3c.kind()).isEqualTo(Validation.Kind.NUMBER);
    assertThat(n3c.decimalPlaces()).isEqualTo(3);
    assertThat(n3c.isCommaDecimal()).isTrue();
    assertThat(Validation.of("number_comma_decimal").isCommaDecimal()).isTrue();
    assertThat(Validation.of("number_comma_decimal").decimalPlaces()).isEqualTo(-1);
    assertThat(Validation.of("date_dmy").kind()).isEqualTo(Validation.Kind.DATE);
    assertThat(Validation.of("datetime_mdy").kind()).isEqualTo(Validation.Kind.DATETIME);
    assertThat(Validation.of("datetime_seconds_ymd").kind())
        .isEqualTo(Validation.Kind.DATETIME_SECONDS);
    assertThat(Validation.of("time").kind()).isEqualTo(Validation.Kind.TIME);
    assertThat(Validation.of("time_hh_mm_ss").kind()).isEqualTo(Validation.Kind.TIME_SECONDS);
    assertThat(Validation.of("time_mm_ss").kind()).isEqualTo(Validation.Kind.TIME_MINUTES_SECONDS);
    assertThat(Validation.of("postalcode_germany").kind()).isEqualTo(Validation.Kind.OTHER);
    assertThat(Validation.of("number_xdp").kind()).isEqualTo(Validation.Kind.OTHER);
    assertThat(Validation.of(" Email ").name()).isEqualTo("email");
    assertThat(SqlTypeMapping.forValidation(Validation.of("number_99dp")))
        .isEqualTo(SqlType.decimal(38, SqlTypeMapping.MAX_DECIMAL_SCALE));
  }

  @Test
  void sliderSettingsFromTheDictionary() {
    Field slider = ProjectModelFixturesTest.validationTypes().field("f_slider").orElseThrow();
    assertThat(slider.slider()).contains(new Slider("-1", "50", "101", -1, 101, false));
    assertThat(slider.choices()).isEmpty();
    Field shown =
        Field.fromDictionaryRow(
            Fixtures.field(
                "s",
                "f",
                "slider",
                "select_choices_or_calculations",
                "Low | High",
                "text_validation_type_or_show_slider_number",
                "number"),
            1);
    assertThat(shown.slider()).contains(new Slider("Low", "", "High", 0, 100, true));
    assertThat(shown.validation()).isSameAs(Validation.NONE);
  }

  @Test
  void fieldFlagsAndTexts() {
    Field f =
        Field.fromDictionaryRow(
            Fixtures.field(
                "bmi",
                "health",
                "calc",
                "select_choices_or_calculations",
                "round(([weight]*10000)/(([height])^(2)),1)",
                "identifier",
                "y",
                "required_field",
                "y",
                "field_annotation",
                "@HIDDEN",
                "field_note",
                "kg/m2",
                "section_header",
                "Body"),
            3);
    assertThat(f.calculation()).contains("round(([weight]*10000)/(([height])^(2)),1)");
    assertThat(f.isIdentifier()).isTrue();
    assertThat(f.isRequired()).isTrue();
    assertThat(f.annotation()).isEqualTo("@HIDDEN");
    assertThat(f.fieldNote()).isEqualTo("kg/m2");
    assertThat(f.sectionHeader()).isEqualTo("Body");
    assertThat(f.choices()).isEmpty();
    assertThat(SqlTypeMapping.forField(f)).contains(SqlType.DOUBLE);
    assertThat(f).hasToString("bmi (calc, form health)");
    Field yn = Field.fromDictionaryRow(Fixtures.field("ok", "f", "yesno"), 1);
    assertThat(yn.choices()).containsExactly(new Choice("1", "Yes"), new Choice("0", "No"));
    assertThat(yn.choice("0")).contains(new Choice("0", "No"));
    assertThat(yn.isIdentifier()).isFalse();
    assertThat(
            SqlTypeMapping.forField(
                Field.fromDictionaryRow(Fixtures.field("d", "f", "descriptive"), 1)))
        .isEmpty();
  }
}
