package org.redcapjdbc.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.redcapjdbc.model.Fixtures.field;
import static org.redcapjdbc.model.Fixtures.row;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Models built from synthetic rows: the cases real fixtures do not cover. */
class ProjectModelTest {

  /**
   * The PyCap doctest project (docs/redcap-wire-samples.md §0): longitudinal, event_1_arm_1 repeats
   * as a whole, event_2_arm_1 has no forms, one DAG. Arm and event numbers come as JSON numbers.
   */
  private static ProjectModel.Builder pycapDoctestProject() {
    return ProjectModel.builder()
        .metadata(
            List.of(
                field("record_id", "form_1", "text", "field_label", "Record ID"),
                field("field_1", "form_1", "yesno", "field_label", "Field 1"),
                field(
                    "checkbox_field",
                    "form_1",
                    "checkbox",
                    "select_choices_or_calculations",
                    "1, Option 1|2, Option 2"),
                field("upload_field", "form_1", "file")))
        .instruments(List.of(row("instrument_name", "form_1", "instrument_label", "Form 1")))
        .arms(List.of(Map.of("arm_num", 1, "name", "Arm 1")))
        .events(
            List.of(
                event("Event 1", 1, "event_1_arm_1", 41L),
                event("Event 2", 1, "event_2_arm_1", 42L)))
        .formEventMappings(
            List.of(Map.of("arm_num", 1, "unique_event_name", "event_1_arm_1", "form", "form_1")))
        .repeatingFormsEvents(
            List.of(row("event_name", "event_1_arm_1", "form_name", "", "custom_form_label", "")))
        .projectInfo(
            Map.of(
                "project_title",
                "PyCap doctest",
                "is_longitudinal",
                1,
                "has_repeating_instruments_or_events",
                1,
                "record_autonumbering_enabled",
                1,
                "surveys_enabled",
                1,
                "missing_data_codes",
                ""));
  }

  private static Map<String, Object> event(String name, int arm, String unique, Long id) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("event_name", name);
    row.put("arm_num", arm);
    row.put("unique_event_name", unique);
    row.put("custom_event_label", null);
    row.put("event_id", id);
    return row;
  }

  @Test
  void repeatingEventProjectMatchesTheJsonExportColumns() {
    ProjectModel model = pycapDoctestProject().build();
    assertThat(model.isLongitudinal()).isTrue();
    assertThat(model.hasRepeatingInstrumentsOrEvents()).isTrue();
    assertThat(model.isRecordAutonumbering()).isTrue();
    assertThat(model.hasSurveys()).isTrue();
    assertThat(model.event("event_1_arm_1").orElseThrow().isRepeating()).isTrue();
    assertThat(model.event("event_2_arm_1").orElseThrow().isRepeating()).isFalse();
    assertThat(model.event("event_2_arm_1").orElseThrow().forms()).isEmpty();
    assertThat(model.event("event_1_arm_1").orElseThrow().id()).hasValue(41);
    assertThat(model.arms()).containsExactly(new Arm(1, "Arm 1"));

    // docs/redcap-wire-samples.md §1, key order of the JSON export.
    assertThat(model.recordsLayout(new LayoutOptions(false, true)).columnNames())
        .containsExactly(
            "record_id",
            "redcap_event_name",
            "redcap_repeat_instrument",
            "redcap_repeat_instance",
            "field_1",
            "checkbox_field___1",
            "checkbox_field___2",
            "upload_field",
            "form_1_complete");
    TableLayout records = model.recordsLayout(LayoutOptions.DEFAULT);
    assertThat(records.primaryKey())
        .extracting(Column::name)
        .containsExactly(
            "record_id", "redcap_event_name", "redcap_repeat_instrument", "redcap_repeat_instance");
    assertThat(records.primaryKey())
        .extracting(Column::isNullable)
        .containsExactly(false, false, true, true);

    Instrument form = model.instrument("form_1").orElseThrow();
    assertThat(form.repeatsAsInstrument()).isFalse();
    assertThat(form.hasRepeatInstances()).isTrue();
    assertThat(form.alwaysRepeats()).isTrue();
    TableLayout table = model.instrumentLayout("form_1", LayoutOptions.DEFAULT).orElseThrow();
    assertThat(table.columnNames())
        .containsExactly(
            "record_id",
            "redcap_event_name",
            "redcap_repeat_instance",
            "field_1",
            "field_1_label",
            "checkbox_field___1",
            "checkbox_field___2",
            "upload_field",
            "form_1_complete");
    assertThat(table.primaryKey())
        .extracting(Column::name)
        .containsExactly("record_id", "redcap_event_name", "redcap_repeat_instance");
    assertThat(table.isPrimaryKeyNotNull()).isTrue();
    assertThat(table.remarks()).isEqualTo("Form 1");
  }

  @Test
  void dagColumnComesAfterTheRepeatColumns() {
    ProjectModel model =
        pycapDoctestProject()
            .dataAccessGroups(
                List.of(
                    Map.of(
                        "data_access_group_name",
                        "Test DAG",
                        "unique_group_name",
                        "test_dag",
                        "data_access_group_id",
                        7)))
            .build();
    assertThat(model.dataAccessGroups())
        .singleElement()
        .satisfies(
            g -> {
              assertThat(g.uniqueName()).isEqualTo("test_dag");
              assertThat(g.id()).hasValue(7);
            });
    assertThat(model.recordsLayout(LayoutOptions.DEFAULT).columnNames())
        .startsWith(
            "record_id",
            "redcap_event_name",
            "redcap_repeat_instrument",
            "redcap_repeat_instance",
            "redcap_data_access_group",
            "field_1");
    assertThat(model.instrumentLayout("form_1", LayoutOptions.DEFAULT).orElseThrow().columnNames())
        .startsWith(
            "record_id",
            "redcap_event_name",
            "redcap_repeat_instance",
            "redcap_data_access_group",
            "field_1");
  }

  @Test
  void instrumentRepeatingInSomeEventsOnlyHasANullableInstanceKey() {
    ProjectModel model =
        ProjectModel.builder()
            .metadata(
                List.of(
                    field("id", "enrol", "text"),
                    field(
                        "bp",
                        "vitals",
                        "text",
                        "text_validation_type_or_show_slider_number",
                        "integer")))
            .events(
                List.of(
                    row(
                        "event_name",
                        "Baseline",
                        "arm_num",
                        "1",
                        "unique_event_name",
                        "baseline_arm_1"),
                    row(
                        "event_name",
                        "Visits",
                        "arm_num",
                        "1",
                        "unique_event_name",
                        "visits_arm_1")))
            .formEventMappings(
                List.of(
                    row("arm_num", "1", "unique_event_name", "baseline_arm_1", "form", "enrol"),
                    row("arm_num", "1", "unique_event_name", "baseline_arm_1", "form", "vitals"),
                    row("arm_num", "1", "unique_event_name", "visits_arm_1", "form", "vitals")))
            .repeatingFormsEvents(
                List.of(
                    row(
                        "event_name",
                        "visits_arm_1",
                        "form_name",
                        "vitals",
                        "custom_form_label",
                        "")))
            .build();
    Instrument vitals = model.instrument("vitals").orElseThrow();
    assertThat(vitals.events()).containsExactly("baseline_arm_1", "visits_arm_1");
    assertThat(vitals.repeatsAsInstrument()).isTrue();
    assertThat(vitals.repeatingInstrumentEvents()).containsExactly("visits_arm_1");
    assertThat(vitals.alwaysRepeats()).isFalse();
    TableLayout table = model.instrumentLayout("vitals", LayoutOptions.DEFAULT).orElseThrow();
    assertThat(table.columnNames())
        .containsExactly(
            "id", "redcap_event_name", "redcap_repeat_instance", "bp", "vitals_complete");
    assertThat(table.column("redcap_repeat_instance").orElseThrow().isNullable()).isTrue();
    assertThat(table.isPrimaryKeyNotNull()).isFalse();
    assertThat(model.instrumentLayout("enrol", LayoutOptions.DEFAULT).orElseThrow().columnNames())
        .containsExactly("id", "redcap_event_name", "enrol_complete");
  }

  @Test
  void checkboxCodesFollowRedcapNamingAndMapBack() {
    ProjectModel model =
        ProjectModel.builder()
            .metadata(
                List.of(
                    field("record_id", "f", "text"),
                    field(
                        "race",
                        "f",
                        "checkbox",
                        "select_choices_or_calculations",
                        "1, White | -99, Unknown | k>=9, Nine or more | ABC, Letters | 1.5, One and a half | "
                            + "x___y, Underscores")))
            .build();
    List<String> options = new ArrayList<>();
    for (Column c : model.recordsLayout(LayoutOptions.DEFAULT).columns()) {
      if (c.kind() == ColumnKind.CHECKBOX_OPTION) {
        options.add(c.name());
      }
    }
    assertThat(options)
        .containsExactly(
            "race___1", "race____99", "race___k__9", "race___abc", "race___1_5", "race___x___y");
    assertThat(model.exportFieldName("race____99"))
        .contains(new ExportFieldName("race____99", "race", "-99"));
    assertThat(model.exportFieldName("race___x___y").orElseThrow().choiceCode()).isEqualTo("x___y");
    assertThat(model.exportFieldName("race___k__9").orElseThrow().choiceCode()).isEqualTo("k>=9");
    assertThat(model.exportFieldName("f_complete"))
        .contains(new ExportFieldName("f_complete", "f_complete", ""));
    assertThat(model.exportFieldName("record_id").orElseThrow().isCheckboxOption()).isFalse();
    assertThat(model.exportFieldName("race")).isEmpty();
    assertThat(
            model
                .recordsLayout(LayoutOptions.DEFAULT)
                .column("race___abc")
                .orElseThrow()
                .choiceCode())
        .contains("ABC");
  }

  @Test
  void checkboxCodesThatExportUnderOneNameAreRejected() {
    assertThatThrownBy(
            () ->
                ProjectModel.builder()
                    .metadata(
                        List.of(
                            field("record_id", "f", "text"),
                            field(
                                "q",
                                "f",
                                "checkbox",
                                "select_choices_or_calculations",
                                "A, Upper | a, Lower")))
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'q___a'")
        .hasMessageContaining("choice 'A' of checkbox 'q'")
        .hasMessageContaining("choice 'a' of checkbox 'q'");
  }

  @Test
  void exportFieldNamesListEveryColumnInExportOrder() {
    ProjectModel model =
        ProjectModel.builder()
            .metadata(
                List.of(
                    field("record_id", "one", "text"),
                    field("intro", "one", "descriptive"),
                    field("photo", "two", "file"),
                    field("c", "two", "checkbox", "select_choices_or_calculations", "1, A|2, B"),
                    field("note", "two", "descriptive")))
            .build();
    assertThat(model.exportFieldNames())
        .extracting(ExportFieldName::exportName)
        .containsExactly("record_id", "one_complete", "photo", "c___1", "c___2", "two_complete");
    assertThat(model.recordsLayout(LayoutOptions.DEFAULT).columnNames())
        .containsExactly("record_id", "one_complete", "photo", "c___1", "c___2", "two_complete");
  }

  @Test
  void labelCompanionIsSkippedWhenItsNameIsAField() {
    ProjectModel model =
        ProjectModel.builder()
            .metadata(
                List.of(
                    field("record_id", "f", "text"),
                    field("sex", "f", "radio", "select_choices_or_calculations", "0, F | 1, M"),
                    field("sex_label", "f", "dropdown", "select_choices_or_calculations", "a, A")))
            .build();
    assertThat(model.labelColumnName("sex")).isEmpty();
    assertThat(model.labelColumnName("sex_label")).contains("sex_label_label");
    assertThat(model.recordsLayout(LayoutOptions.DEFAULT).columnNames())
        .containsExactly("record_id", "sex", "sex_label", "sex_label_label", "f_complete");
    assertThat(model.recordsLayout(new LayoutOptions(false, true)).columnNames())
        .containsExactly("record_id", "sex", "sex_label", "f_complete");
  }

  @Test
  void missingDataCodesComeFromProjectInfo() {
    ProjectModel model =
        ProjectModel.builder()
            .metadata(
                List.of(
                    field("record_id", "f", "text"),
                    field(
                        "dob",
                        "f",
                        "text",
                        "text_validation_type_or_show_slider_number",
                        "date_ymd"),
                    field("sex", "f", "radio", "select_choices_or_calculations", "0, F | 1, M")))
            .projectInfo(Map.of("missing_data_codes", "UNK, Unknown | NASK, Not asked"))
            .build();
    assertThat(model.missingDataCodes())
        .containsExactly(new Choice("UNK", "Unknown"), new Choice("NASK", "Not asked"));
    TableLayout records = model.recordsLayout(LayoutOptions.DEFAULT);
    List<ValueProblem> problems = new ArrayList<>();
    assertThat(records.column("dob").orElseThrow().converter().fromWire("NASK", problems::add))
        .isNull();
    assertThat(problems)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.kind()).isEqualTo(ValueProblem.Kind.MISSING_DATA_CODE);
              assertThat(p.message())
                  .isEqualTo(
                      "Column 'dob': 'NASK' is the project's missing-data code for 'Not asked', not a DATE value");
            });
    assertThat(records.column("sex").orElseThrow().converter().fromWire("UNK", problems::add))
        .isEqualTo("UNK");
    assertThat(records.column("sex_label").orElseThrow().converter().fromWire("UNK", problems::add))
        .isEqualTo("Unknown");
    assertThat(problems).hasSize(1);
  }

  @Test
  void exportRequestFieldsNameOriginalFieldsRecordIdFirst() {
    ProjectModel model = pycapDoctestProject().build();
    TableLayout records = model.recordsLayout(LayoutOptions.DEFAULT);
    List<Column> projection =
        List.of(
            records.column("checkbox_field___2").orElseThrow(),
            records.column("redcap_event_name").orElseThrow(),
            records.column("field_1_label").orElseThrow(),
            records.column("checkbox_field___1").orElseThrow(),
            records.column("redcap_repeat_instance").orElseThrow(),
            records.column("form_1_complete").orElseThrow());
    assertThat(model.exportRequestFields(projection))
        .containsExactly("record_id", "checkbox_field", "field_1", "form_1_complete");
    assertThat(model.exportRequestFields(records.columns()))
        .containsExactly(
            "record_id", "field_1", "checkbox_field", "upload_field", "form_1_complete");
  }

  @Test
  void versionDriftExtraAndMissingColumnsAreTolerated() {
    Map<String, Object> minimal = new LinkedHashMap<>();
    minimal.put("field_name", "record_id");
    minimal.put("form_name", "demo");
    minimal.put("field_type", "text");
    minimal.put("some_future_column", "whatever");
    Map<String, Object> number = new LinkedHashMap<>(minimal);
    number.put("field_name", "weight");
    number.put("text_validation_type_or_show_slider_number", "number_1dp");
    ProjectModel model =
        ProjectModel.builder()
            .metadata(List.of(minimal, number))
            .instruments(
                List.of(
                    Map.of("instrument_name", "demo", "instrument_label", "Demo", "new_column", 1)))
            .projectInfo(Map.of("project_title", "T", "brand_new_flag", 1))
            .build();
    assertThat(model.recordsLayout(LayoutOptions.DEFAULT).columnNames())
        .containsExactly("record_id", "weight", "demo_complete");
    assertThat(model.field("weight").orElseThrow().dictionaryRow())
        .containsEntry("some_future_column", "whatever");
    assertThat(model.projectInfo()).containsEntry("brand_new_flag", "1");
  }

  @Test
  void unknownFieldTypeReadsAsVarchar() {
    ProjectModel model =
        ProjectModel.builder()
            .metadata(List.of(field("record_id", "f", "text"), field("mystery", "f", "hologram")))
            .build();
    assertThat(model.field("mystery").orElseThrow().type()).isEqualTo(FieldType.OTHER);
    assertThat(model.field("mystery").orElseThrow().typeName()).isEqualTo("hologram");
    assertThat(model.recordsLayout(LayoutOptions.DEFAULT).column("mystery").orElseThrow().type())
        .isEqualTo(SqlType.VARCHAR);
  }

  @Test
  void recordIdIsVarcharWhateverItsValidation() {
    ProjectModel model =
        ProjectModel.builder()
            .metadata(
                List.of(
                    field(
                        "record_id",
                        "f",
                        "text",
                        "text_validation_type_or_show_slider_number",
                        "integer")))
            .build();
    Column id = model.recordsLayout(LayoutOptions.DEFAULT).columns().get(0);
    assertThat(id.kind()).isEqualTo(ColumnKind.RECORD_ID);
    assertThat(id.type()).isEqualTo(SqlType.VARCHAR);
    assertThat(id.isNullable()).isFalse();
    assertThat(id.isPrimaryKey()).isTrue();
    assertThat(id.exportRequestField()).contains("record_id");
  }

  @Test
  void instrumentsComeFromTheExportOrFromTheDictionary() {
    List<Map<String, String>> metadata =
        List.of(field("record_id", "a", "text"), field("x", "b", "text"));
    ProjectModel derived = ProjectModel.builder().metadata(metadata).build();
    assertThat(derived.instruments())
        .extracting(Instrument::name, Instrument::label)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("a", "a"),
            org.assertj.core.groups.Tuple.tuple("b", "b"));

    ProjectModel withEmpty =
        ProjectModel.builder()
            .metadata(metadata)
            .instruments(
                List.of(
                    row("instrument_name", "a", "instrument_label", "<b>A</b> form"),
                    row("instrument_name", "b", "instrument_label", "B"),
                    row("instrument_name", "c", "instrument_label", "Only descriptive, once")))
            .build();
    assertThat(withEmpty.recordsLayout(LayoutOptions.DEFAULT).columnNames())
        .containsExactly("record_id", "a_complete", "x", "b_complete", "c_complete");
    assertThat(withEmpty.instrumentLayout("c", LayoutOptions.DEFAULT).orElseThrow().columnNames())
        .containsExactly("record_id", "c_complete");
    assertThat(withEmpty.instrumentLayout("a", LayoutOptions.DEFAULT).orElseThrow().remarks())
        .isEqualTo("A form");
    assertThat(withEmpty.instrument("a").orElseThrow().label()).isEqualTo("<b>A</b> form");
    assertThat(withEmpty.instrumentLayout("nope", LayoutOptions.DEFAULT)).isEmpty();
  }

  @Test
  void htmlLabelsArePlainInRemarksAndRawElsewhere() {
    ProjectModel model =
        ProjectModel.builder()
            .metadata(
                List.of(
                    field("record_id", "f", "text"),
                    field(
                        "w",
                        "f",
                        "radio",
                        "field_label",
                        "<b>Weight</b>&nbsp;(kg)<br>today &amp; now",
                        "select_choices_or_calculations",
                        "1, <i>light</i> | 2, heavy")))
            .build();
    Field w = model.field("w").orElseThrow();
    assertThat(w.label()).isEqualTo("<b>Weight</b>&nbsp;(kg)<br>today &amp; now");
    assertThat(w.plainLabel()).isEqualTo("Weight (kg) today & now");
    assertThat(w.choices()).first().isEqualTo(new Choice("1", "<i>light</i>"));
    TableLayout records = model.recordsLayout(LayoutOptions.DEFAULT);
    assertThat(records.column("w").orElseThrow().remarks()).isEqualTo("Weight (kg) today & now");
    assertThat(records.column("w_label").orElseThrow().remarks())
        .isEqualTo("Weight (kg) today & now (label)");
  }

  @Test
  void layoutsAreBuiltOncePerOptions() {
    ProjectModel model = pycapDoctestProject().build();
    assertThat(model.recordsLayout(LayoutOptions.DEFAULT))
        .isSameAs(model.recordsLayout(new LayoutOptions(true, true)));
    assertThat(model.recordsLayout(new LayoutOptions(true, false)))
        .isNotSameAs(model.recordsLayout(LayoutOptions.DEFAULT));
  }

  @Test
  void projectInfoThatClaimsMissingExportsFails() {
    List<Map<String, String>> metadata = List.of(field("record_id", "f", "text"));
    assertThatThrownBy(
            () ->
                ProjectModel.builder()
                    .metadata(metadata)
                    .projectInfo(Map.of("is_longitudinal", "1"))
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is_longitudinal=1, but no events were given");
    assertThatThrownBy(
            () ->
                ProjectModel.builder()
                    .metadata(metadata)
                    .projectInfo(Map.of("has_repeating_instruments_or_events", "1"))
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no repeating forms or events were given");
  }

  @Test
  void inconsistentExportsFailWithWhatDoesNotMatch() {
    List<Map<String, String>> metadata = List.of(field("record_id", "f", "text"));
    List<Map<String, String>> events =
        List.of(row("event_name", "E", "arm_num", "1", "unique_event_name", "e_arm_1"));
    assertThatThrownBy(
            () ->
                ProjectModel.builder()
                    .metadata(metadata)
                    .events(events)
                    .formEventMappings(
                        List.of(
                            row("arm_num", "1", "unique_event_name", "gone_arm_1", "form", "f")))
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("event 'gone_arm_1'")
        .hasMessageContaining("read it again");
    assertThatThrownBy(
            () ->
                ProjectModel.builder()
                    .metadata(metadata)
                    .events(events)
                    .formEventMappings(
                        List.of(
                            row("arm_num", "1", "unique_event_name", "e_arm_1", "form", "gone")))
                    .build())
        .hasMessageContaining("form 'gone'");
    assertThatThrownBy(
            () ->
                ProjectModel.builder()
                    .metadata(metadata)
                    .repeatingFormsEvents(
                        List.of(row("form_name", "gone", "custom_form_label", "")))
                    .build())
        .hasMessageContaining("form 'gone'");
    assertThatThrownBy(
            () ->
                ProjectModel.builder()
                    .metadata(metadata)
                    .repeatingFormsEvents(List.of(row("form_name", "", "custom_form_label", "")))
                    .build())
        .hasMessageContaining("repeating event, but the project has no events");
    assertThatThrownBy(
            () ->
                ProjectModel.builder()
                    .metadata(metadata)
                    .events(
                        List.of(
                            row(
                                "event_name",
                                "E",
                                "arm_num",
                                "one",
                                "unique_event_name",
                                "e_arm_1")))
                    .build())
        .hasMessageContaining("arm_num of event e_arm_1 is 'one', not a whole number");
  }

  @Test
  void badDictionariesFailClearly() {
    assertThatThrownBy(() -> ProjectModel.builder().build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("data dictionary has no fields");
    assertThatThrownBy(
            () ->
                ProjectModel.builder()
                    .metadata(
                        List.of(
                            field("record_id", "f", "text"),
                            field("a", "f", "text"),
                            field("a", "f", "notes")))
                    .build())
        .hasMessageContaining("two fields named 'a'");
    Map<String, String> noType = field("a", "f", "text");
    noType.remove("field_type");
    assertThatThrownBy(
            () ->
                ProjectModel.builder()
                    .metadata(List.of(field("record_id", "f", "text"), noType))
                    .build())
        .hasMessageContaining("Row 2 of the data dictionary has no field_type");
    assertThatThrownBy(
            () ->
                ProjectModel.builder()
                    .metadata(List.of(field("record_id", "f", "checkbox")))
                    .build())
        .hasMessageContaining("cannot hold record IDs");
    // A text field may look like a checkbox option; only a real clash is an error.
    assertThatCode(
            () ->
                ProjectModel.builder()
                    .metadata(
                        List.of(
                            field("record_id", "f", "text"),
                            field("a", "f", "text"),
                            field("a___1", "f", "text")))
                    .build())
        .doesNotThrowAnyException();
  }

  @Test
  void checkboxOptionCollidingWithAFieldIsRejected() {
    assertThatThrownBy(
            () ->
                ProjectModel.builder()
                    .metadata(
                        List.of(
                            field("record_id", "f", "text"),
                            field("a", "f", "checkbox", "select_choices_or_calculations", "1, One"),
                            field("a___1", "f", "text")))
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'a___1'");
  }

  @Test
  void fieldsNamedLikeRedcapsOwnColumnsAreRejected() {
    assertThatThrownBy(
            () ->
                ProjectModel.builder()
                    .metadata(
                        List.of(
                            field("record_id", "f", "text"),
                            field("redcap_event_name", "f", "text")))
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a name REDCap reserves");
    assertThatThrownBy(
            () ->
                ProjectModel.builder()
                    .metadata(
                        List.of(
                            field("record_id", "f", "text"),
                            field("Age", "f", "text"),
                            field("age", "f", "text")))
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("field 'Age'")
        .hasMessageContaining("field 'age'");
  }

  @Test
  void toStringSummarises() {
    assertThat(pycapDoctestProject().build())
        .hasToString("ProjectModel{'PyCap doctest', 4 fields, 1 instruments, 2 events, repeating}");
  }
}
