package org.redcapjdbc.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** CSV into rows: the web-UI and API data dictionaries, and REDCap's other CSV exports. */
class CsvReadersTest {

  @Test
  void uiDictionaryHeadersBecomeApiColumns() {
    List<Map<String, String>> rows =
        Fixtures.dictionary("redcapr/repeating-instruments/dictionary.csv");
    assertThat(rows.get(0).keySet())
        .containsExactly(
            "field_name",
            "form_name",
            "section_header",
            "field_type",
            "field_label",
            "select_choices_or_calculations",
            "field_note",
            "text_validation_type_or_show_slider_number",
            "text_validation_min",
            "text_validation_max",
            "identifier",
            "branching_logic",
            "required_field",
            "custom_alignment",
            "question_number",
            "matrix_group_name",
            "matrix_ranking",
            "field_annotation");
    assertThat(rows).hasSize(11);
    assertThat(rows.get(2))
        .containsEntry("field_name", "first_name")
        .containsEntry(
            "field_note", "If no middle initial, please put a hyphen (-) as a place holder")
        .containsEntry("identifier", "y");
  }

  @Test
  void apiDictionaryIsKeptAsIs() {
    List<Map<String, String>> rows = Fixtures.dictionary("phpcap/longitudinal-metadata.csv");
    assertThat(rows.get(0).keySet()).startsWith("field_name", "form_name");
    assertThat(rows.get(13)).containsEntry("branching_logic", "[sex] = \"0\"");
  }

  @Test
  void byteOrderMarkAndCrlfAreHandled() throws IOException {
    byte[] bytes =
        ("\uFEFF\"Variable / Field Name\",\"Form Name\",\"Field Type\",\"Field Label\"\r\n"
                + "record_id,demo,text,\"Record\r\nID\"\r\n"
                + "sex,demo,radio,Sex\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8);
    List<Map<String, String>> rows = DataDictionaryCsv.read(new ByteArrayInputStream(bytes));
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).keySet())
        .containsExactly("field_name", "form_name", "field_type", "field_label");
    assertThat(rows.get(0)).containsEntry("field_label", "Record\r\nID");
    ProjectModel model = ProjectModel.builder().metadata(rows).build();
    assertThat(model.recordIdField().plainLabel()).isEqualTo("Record ID");
  }

  @Test
  void eventsExportReadsByName() {
    List<Map<String, String>> events = Fixtures.csv("redcapr/longitudinal/event.csv");
    assertThat(events).hasSize(12);
    assertThat(events.get(7))
        .containsExactly(
            Map.entry("event_name", "Deadline to opt out of study"),
            Map.entry("arm_num", "2"),
            Map.entry("unique_event_name", "deadline_to_opt_ou_arm_2"),
            Map.entry("custom_event_label", ""),
            Map.entry("event_id", "2897"));
  }

  @Test
  void aCutRowIsAnErrorNotAShorterRow() {
    String csv = "arm_num,unique_event_name,form\n1,enrollment_arm_1,demographics\n1,dose_1";
    assertThatThrownBy(() -> CsvRows.read(new StringReader(csv)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("has 2 values but the header has 3 columns");
  }

  @Test
  void anExtraCellIsAnError() {
    assertThatThrownBy(() -> CsvRows.read(new StringReader("a,b\n1,2,3\n")))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("has 3 values");
  }

  @Test
  void aRepeatedHeaderIsAnError() {
    assertThatThrownBy(() -> CsvRows.read(new StringReader("a,a\n1,2\n")))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("repeats a column name");
  }

  @Test
  void emptyAndHeaderOnlyFilesGiveNoRows() throws IOException {
    assertThat(CsvRows.read(new StringReader(""))).isEmpty();
    assertThat(CsvRows.read(new StringReader("arm_num,name\n"))).isEmpty();
    assertThat(DataDictionaryCsv.read(new StringReader(""))).isEmpty();
  }
}
