package org.redcapjdbc.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.JDBCType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Models built from real project dictionaries: the {@code records} layout must equal the header
 * of the project's own flat export ({@code data.csv}), instrument tables must have the documented
 * shape, and every value of those exports must read without a problem unless it really is bad.
 */
class ProjectModelFixturesTest {
  private static final LayoutOptions NO_LABELS = new LayoutOptions(false, true);

  static ProjectModel validationTypes() {
    return ProjectModel.builder()
        .metadata(Fixtures.dictionary("redcapr/validation-types-1/dictionary.csv"))
        .build();
  }

  static ProjectModel repeatingInstruments() {
    Fixtures.Odm odm = Fixtures.Odm.read("redcapr/repeating-instruments/project.xml");
    return ProjectModel.builder()
        .metadata(Fixtures.dictionary("redcapr/repeating-instruments/dictionary.csv"))
        .instruments(odm.instruments)
        .repeatingFormsEvents(odm.repeatingFormsEvents)
        .build();
  }

  static ProjectModel longitudinal() {
    Fixtures.Odm odm = Fixtures.Odm.read("redcapr/longitudinal/project.xml");
    return ProjectModel.builder()
        .metadata(Fixtures.dictionary("redcapr/longitudinal/dictionary.csv"))
        .instruments(odm.instruments)
        .arms(Fixtures.csv("redcapr/longitudinal/arm.csv"))
        .events(Fixtures.csv("redcapr/longitudinal/event.csv"))
        .formEventMappings(odm.formEventMappings)
        .projectInfo(Map.of("is_longitudinal", "1", "has_repeating_instruments_or_events", "0"))
        .build();
  }

  /** Columns of the layout that REDCap exports (label companions are ours). */
  private static List<String> exportedColumns(TableLayout layout) {
    List<String> names = new ArrayList<>();
    for (Column c : layout.columns()) {
      if (c.kind() != ColumnKind.LABEL) {
        names.add(c.name());
      }
    }
    return names;
  }

  private static void assertRecordsMatchExport(ProjectModel model, String dataCsv) {
    List<String> header = Fixtures.header(dataCsv);
    assertThat(model.recordsLayout(NO_LABELS).columnNames()).containsExactlyElementsOf(header);
    assertThat(exportedColumns(model.recordsLayout(LayoutOptions.DEFAULT)))
        .containsExactlyElementsOf(header);
  }

  /** Reads every cell of an export through the records layout's converters. */
  private static List<ValueProblem> readAll(ProjectModel model, String dataCsv) {
    TableLayout records = model.recordsLayout(LayoutOptions.DEFAULT);
    List<ValueProblem> problems = new ArrayList<>();
    for (Map<String, String> row : Fixtures.csv(dataCsv)) {
      for (Map.Entry<String, String> cell : row.entrySet()) {
        Column column = records.column(cell.getKey()).orElseThrow();
        column.converter().fromWire(cell.getValue(), problems::add);
      }
    }
    return problems;
  }

  @Test
  void validationTypesRecordsEqualTheExportHeader() {
    assertRecordsMatchExport(validationTypes(), "redcapr/validation-types-1/data.csv");
  }

  @Test
  void validationTypesMapToTheDesignedSqlTypes() {
    TableLayout records = validationTypes().recordsLayout(NO_LABELS);
    Map<String, String> expected =
        Map.ofEntries(
            Map.entry("record_id", "VARCHAR"),
            Map.entry("f_calculated", "DOUBLE"),
            Map.entry("f_checkbox___0", "BOOLEAN"),
            Map.entry("f_dropdown", "VARCHAR"),
            Map.entry("f_file_upload", "VARCHAR"),
            Map.entry("f_notes", "VARCHAR"),
            Map.entry("f_radio", "VARCHAR"),
            Map.entry("f_signature", "VARCHAR"),
            Map.entry("f_slider", "INTEGER"),
            Map.entry("f_sql", "VARCHAR"),
            Map.entry("f_text", "VARCHAR"),
            Map.entry("f_true_false", "BOOLEAN"),
            Map.entry("f_yes_no", "BOOLEAN"),
            Map.entry("v_alpha_only", "VARCHAR"),
            Map.entry("v_date_dmy", "DATE"),
            Map.entry("v_date_mdy", "DATE"),
            Map.entry("v_date_ymd", "DATE"),
            Map.entry("v_datetime_dmy", "TIMESTAMP"),
            Map.entry("v_datetime_mdy", "TIMESTAMP"),
            Map.entry("v_datetime_seconds_dmy", "TIMESTAMP"),
            Map.entry("v_datetime_seconds_mdy", "TIMESTAMP"),
            Map.entry("v_datetime_seconds_ymd", "TIMESTAMP"),
            Map.entry("v_datetime_ymd", "TIMESTAMP"),
            Map.entry("v_email", "VARCHAR"),
            Map.entry("v_integer", "BIGINT"),
            Map.entry("v_mrn_10d", "VARCHAR"),
            Map.entry("v_mrn_generic", "VARCHAR"),
            Map.entry("v_number", "DECIMAL(38,16)"),
            Map.entry("v_number_1dp", "DECIMAL(38,1)"),
            Map.entry("v_number_2dp", "DECIMAL(38,2)"),
            Map.entry("v_number_3dp", "DECIMAL(38,3)"),
            Map.entry("v_number_4dp", "DECIMAL(38,4)"),
            Map.entry("v_number_comma_decimal", "DECIMAL(38,16)"),
            Map.entry("v_number_1dp_comma_decimal", "DECIMAL(38,1)"),
            Map.entry("v_number_4dp_comma_decimal", "DECIMAL(38,4)"),
            Map.entry("v_phone", "VARCHAR"),
            Map.entry("v_postalcode_canada", "VARCHAR"),
            Map.entry("v_ssn", "VARCHAR"),
            Map.entry("v_time_hh_mm", "TIME"),
            Map.entry("v_time_hh_mm_ss", "TIME"),
            Map.entry("v_time_mm_ss", "VARCHAR"),
            Map.entry("v_vmrn", "VARCHAR"),
            Map.entry("v_zipcode", "VARCHAR"),
            Map.entry("form_1_complete", "SMALLINT"));
    expected.forEach(
        (column, type) ->
            assertThat(records.column(column).orElseThrow().type()).as(column).hasToString(type));
    assertThat(records.column("f_descriptive")).isEmpty();
    assertThat(
            records
                .column("v_number_comma_decimal")
                .orElseThrow()
                .converter()
                .fromWire("1,54", p -> {}))
        .isEqualTo(new java.math.BigDecimal("1.5400000000000000"));
  }

  @Test
  void typedFalseMakesEveryColumnVarcharAndKeepsLabels() {
    TableLayout records = validationTypes().recordsLayout(new LayoutOptions(true, false));
    assertThat(records.columns())
        .allSatisfy(c -> assertThat(c.type().typeName()).as(c.name()).isEqualTo(JDBCType.VARCHAR));
    assertThat(records.column("f_yes_no_label").orElseThrow().converter().fromWire("1", p -> {}))
        .isEqualTo("Yes");
    assertThat(records.column("f_yes_no").orElseThrow().converter().fromWire("1", p -> {}))
        .isEqualTo("1");
    assertThat(records.column("form_1_complete").orElseThrow().converter().fromWire("2", p -> {}))
        .isEqualTo("2");
  }

  @Test
  void labelCompanionsFollowEachCodedField() {
    TableLayout records = validationTypes().recordsLayout(LayoutOptions.DEFAULT);
    List<String> names = records.columnNames();
    assertThat(names).containsSubsequence("f_dropdown", "f_dropdown_label", "f_file_upload");
    assertThat(names).containsSubsequence("f_radio", "f_radio_label", "f_signature");
    assertThat(names)
        .containsSubsequence(
            "f_true_false", "f_true_false_label", "f_yes_no", "f_yes_no_label", "v_alpha_only");
    assertThat(names).doesNotContain("f_checkbox_label", "f_slider_label", "record_id_label");
    Column label = records.column("f_radio_label").orElseThrow();
    assertThat(label.kind()).isEqualTo(ColumnKind.LABEL);
    assertThat(label.type()).isEqualTo(SqlType.VARCHAR);
    assertThat(label.sourceField()).contains("f_radio");
    assertThat(label.isWritable()).isFalse();
    assertThat(label.converter().fromWire("2", p -> {})).isEqualTo("Two");
    assertThat(
            records.column("f_true_false_label").orElseThrow().converter().fromWire("0", p -> {}))
        .isEqualTo("False");
  }

  @Test
  void checkboxesRecordsEqualTheExportHeader() {
    ProjectModel model =
        ProjectModel.builder()
            .metadata(Fixtures.dictionary("redcapr/checkboxes-1/dictionary.csv"))
            .build();
    assertRecordsMatchExport(model, "redcapr/checkboxes-1/data.csv");
    assertThat(readAll(model, "redcapr/checkboxes-1/data.csv")).isEmpty();
    Column option = model.recordsLayout(NO_LABELS).column("check_two___c").orElseThrow();
    assertThat(option.kind()).isEqualTo(ColumnKind.CHECKBOX_OPTION);
    assertThat(option.sourceField()).contains("check_two");
    assertThat(option.choiceCode()).contains("c");
    assertThat(option.remarks()).isEqualTo("check two (choice=C)");
    assertThat(option.exportRequestField()).contains("check_two");
    // form_1 holds only the record ID, so its status column follows it directly.
    assertThat(model.instrumentLayout("form_1", NO_LABELS).orElseThrow().columnNames())
        .containsExactly("record_id", "form_1_complete");
  }

  @Test
  void repeatingInstrumentsRecordsAndInstrumentTables() {
    ProjectModel model = repeatingInstruments();
    assertRecordsMatchExport(model, "redcapr/repeating-instruments/data.csv");
    assertThat(readAll(model, "redcapr/repeating-instruments/data.csv")).isEmpty();
    assertThat(model.isLongitudinal()).isFalse();
    assertThat(model.hasRepeatingInstrumentsOrEvents()).isTrue();

    TableLayout records = model.recordsLayout(LayoutOptions.DEFAULT);
    assertThat(records.primaryKey())
        .extracting(Column::name)
        .containsExactly("record_id", "redcap_repeat_instrument", "redcap_repeat_instance");
    assertThat(records.primaryKey())
        .extracting(Column::isNullable)
        .containsExactly(false, true, true);
    assertThat(records.isPrimaryKeyNotNull()).isFalse();

    TableLayout demographics =
        model.instrumentLayout("demographics", LayoutOptions.DEFAULT).orElseThrow();
    assertThat(demographics.columnNames())
        .containsExactly(
            "record_id",
            "date_enrolled",
            "first_name",
            "dob",
            "age",
            "ethnicity",
            "ethnicity_label",
            "race",
            "race_label",
            "sex",
            "sex_label",
            "demographics_complete");
    assertThat(demographics.primaryKey()).extracting(Column::name).containsExactly("record_id");

    TableLayout bp = model.instrumentLayout("bp", LayoutOptions.DEFAULT).orElseThrow();
    assertThat(bp.columnNames())
        .containsExactly(
            "record_id",
            "redcap_repeat_instance",
            "date_bp",
            "bp_systolic",
            "bp_diastolic",
            "bp_complete");
    assertThat(bp.primaryKey())
        .extracting(Column::name)
        .containsExactly("record_id", "redcap_repeat_instance");
    assertThat(bp.isPrimaryKeyNotNull()).isTrue();
    assertThat(bp.column("redcap_repeat_instance").orElseThrow().type()).isEqualTo(SqlType.INTEGER);
    assertThat(bp.column("bp_systolic").orElseThrow().type()).isEqualTo(SqlType.BIGINT);
    assertThat(bp.column("date_bp").orElseThrow().type()).isEqualTo(SqlType.DATE);
    assertThat(bp.instrument().orElseThrow().repeatsAsInstrument()).isTrue();
    assertThat(model.instrument("demographics").orElseThrow().hasRepeatInstances()).isFalse();
  }

  @Test
  void vignetteRepeatingRecordsAndInstrumentTables() {
    Fixtures.Odm odm = Fixtures.Odm.read("redcapr/vignette-repeating/project.xml");
    ProjectModel model =
        ProjectModel.builder()
            .metadata(Fixtures.dictionary("redcapr/vignette-repeating/dictionary.csv"))
            .instruments(odm.instruments)
            .repeatingFormsEvents(odm.repeatingFormsEvents)
            .build();
    assertRecordsMatchExport(model, "redcapr/vignette-repeating/data.csv");
    assertThat(readAll(model, "redcapr/vignette-repeating/data.csv")).isEmpty();
    assertThat(model.instruments())
        .extracting(Instrument::name, Instrument::repeatsAsInstrument)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("intake", false),
            org.assertj.core.groups.Tuple.tuple("blood_pressure", true),
            org.assertj.core.groups.Tuple.tuple("laboratory", true),
            org.assertj.core.groups.Tuple.tuple("image", true));
    assertThat(model.instrumentLayout("image", LayoutOptions.DEFAULT).orElseThrow().columnNames())
        .containsExactly("record_id", "redcap_repeat_instance", "image_profile", "image_complete");
    Column file = model.recordsLayout(LayoutOptions.DEFAULT).column("image_profile").orElseThrow();
    assertThat(file.type()).isEqualTo(SqlType.VARCHAR);
    assertThat(file.isWritable()).isFalse();
    assertThat(model.recordsLayout(LayoutOptions.DEFAULT).column("height").orElseThrow().type())
        .hasToString("DECIMAL(38,1)");
  }

  @Test
  void longitudinalRecordsAndInstrumentTables() {
    ProjectModel model = longitudinal();
    assertRecordsMatchExport(model, "redcapr/longitudinal/data.csv");
    assertThat(model.isLongitudinal()).isTrue();
    assertThat(model.hasRepeatingInstrumentsOrEvents()).isFalse();
    assertThat(model.arms()).containsExactly(new Arm(1, "Drug A"), new Arm(2, "Drug B"));
    assertThat(model.events()).hasSize(12);
    Event deadline = model.event("deadline_to_opt_ou_arm_2").orElseThrow();
    assertThat(deadline.name()).isEqualTo("Deadline to opt out of study");
    assertThat(deadline.armNumber()).isEqualTo(2);
    assertThat(deadline.id()).hasValue(2897);
    assertThat(deadline.forms()).containsExactly("contact_info");
    assertThat(model.instrument("visit_observed_behavior").orElseThrow().events())
        .containsExactly(
            "visit_1_arm_1", "visit_2_arm_1", "first_visit_arm_2", "final_visit_arm_2");
    assertThat(model.instrument("demographics").orElseThrow().label()).isEqualTo("Demographics");

    TableLayout records = model.recordsLayout(LayoutOptions.DEFAULT);
    assertThat(records.primaryKey())
        .extracting(Column::name)
        .containsExactly("study_id", "redcap_event_name");
    assertThat(records.isPrimaryKeyNotNull()).isTrue();

    TableLayout behavior =
        model.instrumentLayout("visit_observed_behavior", NO_LABELS).orElseThrow();
    // REDCapR's export of this form (read-batch-plumbing/longitudinal.R,
    // docs/redcap-wire-samples.md §5).
    assertThat(behavior.columnNames())
        .containsExactly(
            "study_id",
            "redcap_event_name",
            "vob1",
            "vob2",
            "vob3",
            "vob4",
            "vob5",
            "vob6",
            "vob7",
            "vob8",
            "vob9",
            "vob10",
            "vob11",
            "vob12",
            "vob13",
            "vob14",
            "visit_observed_behavior_complete");
    assertThat(behavior.remarks()).isEqualTo("Visit Observed Behavior");
    assertThat(behavior.primaryKey())
        .extracting(Column::name)
        .containsExactly("study_id", "redcap_event_name");
    assertThat(behavior.isPrimaryKeyNotNull()).isTrue();

    TableLayout demographics =
        model.instrumentLayout("demographics", LayoutOptions.DEFAULT).orElseThrow();
    assertThat(demographics.columnNames())
        .startsWith(
            "study_id", "redcap_event_name", "date_enrolled", "patient_document", "first_name");
    assertThat(demographics.columnNames())
        .containsSubsequence(
            "gym___0",
            "gym___4",
            "aerobics___0",
            "specify_mood",
            "meds___1",
            "meds___5",
            "height",
            "weight",
            "bmi",
            "comments",
            "demographics_complete");
    assertThat(demographics.column("specify_mood").orElseThrow().type()).isEqualTo(SqlType.INTEGER);
    assertThat(model.field("specify_mood").orElseThrow().slider().orElseThrow())
        .isEqualTo(new Slider("Very sad", "Indifferent", "Very happy", 0, 100, false));
    assertThat(model.field("gym").orElseThrow().matrixGroup()).isEqualTo("weekly_schedule");
    assertThat(
            demographics
                .column("given_birth_label")
                .orElseThrow()
                .converter()
                .fromWire("1", p -> {}))
        .isEqualTo("Yes");
  }

  @Test
  void longitudinalExportValuesAllRead() {
    // 18 rows of a real export: numbers written as .34, notes with line breaks, checkboxes,
    // dates, sparse rows; every value reads as its type.
    assertThat(readAll(longitudinal(), "redcapr/longitudinal/data.csv")).isEmpty();
    TableLayout records = longitudinal().recordsLayout(LayoutOptions.DEFAULT);
    Map<String, String> visit1 = Fixtures.csv("redcapr/longitudinal/data.csv").get(2);
    assertThat(visit1.get("redcap_event_name")).isEqualTo("visit_1_arm_1");
    Column vld5 = records.column("vld5").orElseThrow();
    assertThat(vld5.converter().fromWire(visit1.get("vld5"), p -> {}))
        .isEqualTo(new java.math.BigDecimal(".3400000000000000"));
  }

  @Test
  void decimalCommaAndDotReadAsEqualDecimals() {
    ProjectModel model =
        ProjectModel.builder()
            .metadata(Fixtures.dictionary("redcapr/decimal-comma-and-dot/metadata.csv"))
            .build();
    assertRecordsMatchExport(model, "redcapr/decimal-comma-and-dot/data.csv");
    TableLayout records = model.recordsLayout(LayoutOptions.DEFAULT);
    assertThat(records.column("height_comma").orElseThrow().type())
        .isEqualTo(SqlType.decimal(38, 16));
    assertThat(records.column("bmi_comma").orElseThrow().type()).isEqualTo(SqlType.DOUBLE);
    List<ValueProblem> problems = new ArrayList<>();
    for (Map<String, String> row : Fixtures.csv("redcapr/decimal-comma-and-dot/data.csv")) {
      Object dot =
          records
              .column("height_dot")
              .orElseThrow()
              .converter()
              .fromWire(row.get("height_dot"), problems::add);
      Object comma =
          records
              .column("height_comma")
              .orElseThrow()
              .converter()
              .fromWire(row.get("height_comma"), problems::add);
      assertThat(comma).isNotNull().isEqualTo(dot);
      assertThat(
              records
                  .column("weight_comma")
                  .orElseThrow()
                  .converter()
                  .fromWire(row.get("weight_comma"), problems::add))
          .isEqualTo(
              records
                  .column("weight_dot")
                  .orElseThrow()
                  .converter()
                  .fromWire(row.get("weight_dot"), problems::add));
      assertThat(records.column("height_comma").orElseThrow().converter().toWire(comma))
          .isEqualTo(row.get("height_comma"));
    }
    assertThat(problems).isEmpty();
    assertThat(readAll(model, "redcapr/decimal-comma-and-dot/data.csv")).isEmpty();
  }

  @Test
  void potentiallyProblematicValuesReadAsNullWithOneProblemEach() {
    ProjectModel model =
        ProjectModel.builder()
            .metadata(Fixtures.dictionary("redcapr/potentially-problematic-values/dictionary.csv"))
            .build();
    assertRecordsMatchExport(model, "redcapr/potentially-problematic-values/data.csv");
    List<ValueProblem> problems = readAll(model, "redcapr/potentially-problematic-values/data.csv");
    assertThat(problems)
        .extracting(ValueProblem::column, ValueProblem::value)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("date_before_validation", "before validation 1"),
            org.assertj.core.groups.Tuple.tuple("integer_before_validation", "before validation 1"),
            org.assertj.core.groups.Tuple.tuple("date_before_validation", "before validation 2"),
            org.assertj.core.groups.Tuple.tuple(
                "integer_before_validation", "before validation 1"));
    assertThat(problems.get(0).message())
        .isEqualTo(
            "Column 'date_before_validation': 'before validation 1' is not a date (YYYY-MM-DD)");
    // time_1 has no validation: '55:02' stays text.
    assertThat(model.recordsLayout(LayoutOptions.DEFAULT).column("time_1").orElseThrow().type())
        .isEqualTo(SqlType.VARCHAR);
    assertThat(model.field("time_1").orElseThrow().plainLabel())
        .isEqualTo(
            "Potentially problematic time values See "
                + "https://github.com/OuhscBbmc/REDCapR/issues/245");
  }

  @Test
  void dagColumnFollowsTheRecordIdWhenTheCallerSeesGroups() {
    List<Map<String, String>> dags =
        List.of(
            Fixtures.row("data_access_group_name", "dag a", "unique_group_name", "daga"),
            Fixtures.row("data_access_group_name", "dag b", "unique_group_name", "dagb"));
    ProjectModel model =
        ProjectModel.builder()
            .metadata(Fixtures.dictionary("redcapr/dag/dictionary.csv"))
            .dataAccessGroups(dags)
            .build();
    assertRecordsMatchExport(model, "redcapr/dag/data.csv");
    assertThat(readAll(model, "redcapr/dag/data.csv")).isEmpty();
    Column dag = model.recordsLayout(NO_LABELS).column("redcap_data_access_group").orElseThrow();
    assertThat(dag.kind()).isEqualTo(ColumnKind.PSEUDO);
    assertThat(dag.isNullable()).isTrue();
    assertThat(dag.isPrimaryKey()).isFalse();
    assertThat(dag.exportRequestField()).isEmpty();
    assertThat(model.instrumentLayout("demographics", NO_LABELS).orElseThrow().columnNames())
        .startsWith("record_id", "redcap_data_access_group", "first_name");

    ProjectModel inGroup =
        ProjectModel.builder()
            .metadata(Fixtures.dictionary("redcapr/dag/dictionary.csv"))
            .dataAccessGroups(dags)
            .callerInDataAccessGroup(true)
            .build();
    assertThat(inGroup.recordsLayout(NO_LABELS).column("redcap_data_access_group")).isEmpty();
    assertThat(inGroup.hasDataAccessGroups()).isTrue();
  }

  @Test
  void phpcapApiMetadataCsv() {
    ProjectModel model =
        ProjectModel.builder()
            .metadata(Fixtures.dictionary("phpcap/longitudinal-metadata.csv"))
            .projectInfo(
                Fixtures.csv("phpcap/longitudinal-project-info.csv").get(0).entrySet().stream()
                    // This REDCap 7 export says is_longitudinal=1; the events are not part of the
                    // fixture.
                    .filter(e -> !e.getKey().equals("is_longitudinal"))
                    .collect(
                        java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)))
            .build();
    assertThat(model.projectTitle()).isEqualTo("PHPCap Longitudinal Database");
    assertThat(model.isRecordAutonumbering()).isFalse();
    TableLayout records = model.recordsLayout(NO_LABELS);
    assertThat(records.columnNames())
        .startsWith(
            "study_id",
            "date_enrolled",
            "patient_document",
            "first_name",
            "last_name",
            "address",
            "telephone_1",
            "email",
            "dob",
            "age",
            "ethnicity",
            "race",
            "sex",
            "given_birth",
            "num_children",
            "gym___0",
            "gym___1");
    assertThat(records.columnNames())
        .containsSubsequence(
            "bmi",
            "comments",
            "demographics_complete",
            "emergency_phone",
            "next_of_kin_confirmed",
            "contact_info_complete",
            "prealbumin",
            "transferrin",
            "lab_data_complete",
            "avg_pills_pmq",
            "further_testing_pmq",
            "patient_morale_questionnaire_complete",
            "study_comments",
            "withdraw_reason",
            "completion_data_complete");
    assertThat(records.columnNames()).endsWith("withdraw_reason", "completion_data_complete");
    assertThat(records.column("age").orElseThrow().type()).isEqualTo(SqlType.DOUBLE);
    assertThat(model.field("age").orElseThrow().calculation())
        .contains("rounddown(datediff([dob],'today','y'))");
    assertThat(model.field("specify_mood").orElseThrow().slider().orElseThrow())
        .isEqualTo(new Slider("", "", "", 0, 100, false));
    assertThat(model.field("ethnicity").orElseThrow().choices())
        .containsExactly(
            new Choice("0", "Hispanic or Latino"),
            new Choice("1", "NOT Hispanic or Latino"),
            new Choice("2", "Unknown / Not Reported"));
    assertThat(model.field("given_birth").orElseThrow().branchingLogic())
        .isEqualTo("[sex] = \"0\"");
    assertThat(model.field("first_name").orElseThrow().isIdentifier()).isTrue();
  }

  @Test
  void csharpDemographicsDictionary() {
    ProjectModel model =
        ProjectModel.builder()
            .metadata(
                Fixtures.dictionary(
                    "redcap-api-csharp/Demographics_TestProject_DataDictionary.csv"))
            .build();
    TableLayout records = model.recordsLayout(LayoutOptions.DEFAULT);
    assertThat(records.columnNames())
        .containsExactly(
            "record_id",
            "first_name",
            "last_name",
            "address",
            "email",
            "dob",
            "file_upload",
            "demographics_complete");
    assertThat(records.columns())
        .extracting(c -> c.type().toString())
        .containsExactly(
            "VARCHAR", "VARCHAR", "VARCHAR", "VARCHAR", "VARCHAR", "DATE", "VARCHAR", "SMALLINT");
    assertThat(records.columns())
        .extracting(Column::remarks)
        .containsExactly(
            "Study Id",
            "First Name",
            "Last Name",
            "Street, City, State, ZIP",
            "E-mail",
            "Date of Birth",
            "File Upload",
            "Status of demographics: 0 Incomplete, 1 Unverified, 2 Complete");
    assertThat(records.primaryKey()).extracting(Column::name).containsExactly("record_id");
    assertThat(records.column("record_id").orElseThrow().isNullable()).isFalse();
    assertThat(records.remarks()).contains("flat export layout");
    assertThat(model.instrumentLayouts(LayoutOptions.DEFAULT))
        .extracting(TableLayout::name)
        .containsExactly("demographics");
  }
}
