package org.redcapjdbc.emulator.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.redcapjdbc.emulator.model.Field;
import org.redcapjdbc.emulator.model.FieldType;
import org.redcapjdbc.emulator.model.Form;

/**
 * Reads a data dictionary: the web-UI download (human headers, {@code " | "} choices) or the
 * API metadata export (snake_case headers, {@code "|"} choices). Both have the same 18 columns in
 * the same order; only the first six are required.
 */
public final class DictionaryReader {
  /** API column names, in order. */
  public static final List<String> API_COLUMNS =
      List.of(
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

  /** Web-UI column names, in the same order. */
  public static final List<String> UI_COLUMNS =
      List.of(
          "Variable / Field Name",
          "Form Name",
          "Section Header",
          "Field Type",
          "Field Label",
          "Choices, Calculations, OR Slider Labels",
          "Field Note",
          "Text Validation Type OR Show Slider Number",
          "Text Validation Min",
          "Text Validation Max",
          "Identifier?",
          "Branching Logic (Show field only if...)",
          "Required Field?",
          "Custom Alignment",
          "Question Number (surveys only)",
          "Matrix Group Name",
          "Matrix Ranking?",
          "Field Annotation");

  /** Fields and the forms they define (labels equal names, as REDCap makes them from a dictionary). */
  public record Dictionary(List<Form> forms, List<Field> fields) {}

  private DictionaryReader() {}

  public static boolean looksLikeDictionary(List<String> header) {
    return !header.isEmpty()
        && (header.get(0).equalsIgnoreCase("field_name")
            || header.get(0).equalsIgnoreCase("Variable / Field Name"));
  }

  /** Converts rows to fields; each row is a map from API column name to cell. */
  public static Dictionary fromRows(List<Map<String, String>> rows, String source) {
    List<Field> fields = new ArrayList<>();
    Map<String, Form> forms = new LinkedHashMap<>();
    int line = 1;
    for (Map<String, String> row : rows) {
      line++;
      String name = row.getOrDefault("field_name", "").strip();
      String form = row.getOrDefault("form_name", "").strip();
      String typeName = row.getOrDefault("field_type", "").strip();
      if (name.isEmpty() && form.isEmpty() && typeName.isEmpty()) {
        continue;
      }
      FieldType type = FieldType.fromName(typeName);
      if (name.isEmpty() || form.isEmpty() || type == null) {
        throw new ProjectLoadException(
            source
                + ": row "
                + line
                + " needs a field name, a form name and a known"
                + " field type (got '"
                + name
                + "', '"
                + form
                + "', '"
                + typeName
                + "')");
      }
      forms.putIfAbsent(form, new Form(form, form));
      fields.add(
          Field.builder(name, form, type)
              .sectionHeader(row.getOrDefault("section_header", ""))
              .label(row.getOrDefault("field_label", ""))
              .choicesOrCalculation(row.getOrDefault("select_choices_or_calculations", ""))
              .note(row.getOrDefault("field_note", ""))
              .validation(
                  row.getOrDefault("text_validation_type_or_show_slider_number", "").strip())
              .validationMin(row.getOrDefault("text_validation_min", ""))
              .validationMax(row.getOrDefault("text_validation_max", ""))
              .identifier(yes(row.get("identifier")))
              .branchingLogic(row.getOrDefault("branching_logic", ""))
              .required(yes(row.get("required_field")))
              .customAlignment(row.getOrDefault("custom_alignment", "").strip())
              .questionNumber(row.getOrDefault("question_number", ""))
              .matrixGroupName(row.getOrDefault("matrix_group_name", "").strip())
              .matrixRanking(yes(row.get("matrix_ranking")))
              .annotation(row.getOrDefault("field_annotation", ""))
              .build());
    }
    if (fields.isEmpty()) {
      throw new ProjectLoadException(source + " defines no fields");
    }
    return new Dictionary(new ArrayList<>(forms.values()), fields);
  }

  /** Reads a dictionary table with either header style. */
  public static Dictionary fromTable(CsvTables.Table table, String source) {
    List<String> header = table.header();
    if (!looksLikeDictionary(header)) {
      throw new ProjectLoadException(
          source
              + " is not a data dictionary: its first column is '"
              + (header.isEmpty() ? "" : header.get(0))
              + "', expected 'field_name' or 'Variable / Field Name'");
    }
    List<String> names = new ArrayList<>();
    for (int i = 0; i < header.size(); i++) {
      String h = header.get(i);
      int api = API_COLUMNS.indexOf(h.toLowerCase(Locale.ROOT));
      int ui = UI_COLUMNS.indexOf(h);
      names.add(api >= 0 ? API_COLUMNS.get(api) : ui >= 0 ? API_COLUMNS.get(ui) : h);
    }
    List<Map<String, String>> rows = new ArrayList<>();
    for (List<String> cells : table.rows()) {
      Map<String, String> row = new LinkedHashMap<>();
      for (int i = 0; i < names.size(); i++) {
        row.put(names.get(i), cells.get(i));
      }
      rows.add(row);
    }
    return fromRows(rows, source);
  }

  private static boolean yes(String s) {
    return s != null && (s.strip().equalsIgnoreCase("y") || s.strip().equals("1"));
  }
}
