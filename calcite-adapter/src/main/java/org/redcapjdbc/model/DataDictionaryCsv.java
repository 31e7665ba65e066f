package org.redcapjdbc.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a data dictionary CSV into metadata rows for {@link ProjectModel.Builder#metadata}, in
 * either form REDCap writes it: the API's ({@code field_name,form_name,…}) or the web UI's
 * download ({@code "Variable / Field Name","Form Name",…}, usually with a byte-order mark and
 * {@code " | "} between choices). UI headers are renamed to the API's; choice separators need no
 * change, since {@link Choices} takes both.
 */
public final class DataDictionaryCsv {
  /** Web-UI header (lower-cased) to API column name, in the 18-column order. */
  private static final Map<String, String> UI_HEADERS = uiHeaders();

  private DataDictionaryCsv() {}

  private static Map<String, String> uiHeaders() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("variable / field name", "field_name");
    m.put("form name", "form_name");
    m.put("section header", "section_header");
    m.put("field type", "field_type");
    m.put("field label", "field_label");
    m.put("choices, calculations, or slider labels", "select_choices_or_calculations");
    m.put("field note", "field_note");
    m.put(
        "text validation type or show slider number", "text_validation_type_or_show_slider_number");
    m.put("text validation min", "text_validation_min");
    m.put("text validation max", "text_validation_max");
    m.put("identifier?", "identifier");
    m.put("branching logic (show field only if...)", "branching_logic");
    m.put("required field?", "required_field");
    m.put("custom alignment", "custom_alignment");
    m.put("question number (surveys only)", "question_number");
    m.put("matrix group name", "matrix_group_name");
    m.put("matrix ranking?", "matrix_ranking");
    m.put("field annotation", "field_annotation");
    return Collections.unmodifiableMap(m);
  }

  /** Reads UTF-8 CSV (a BOM is allowed). */
  public static List<Map<String, String>> read(InputStream in) throws IOException {
    return read(new InputStreamReader(in, StandardCharsets.UTF_8));
  }

  public static List<Map<String, String>> read(Reader reader) throws IOException {
    List<Map<String, String>> rows = CsvRows.read(reader);
    if (rows.isEmpty()) {
      return rows;
    }
    boolean uiForm =
        rows.get(0).keySet().stream().anyMatch(h -> UI_HEADERS.containsKey(normalize(h)));
    if (!uiForm) {
      return rows;
    }
    List<Map<String, String>> renamed = new ArrayList<>(rows.size());
    for (Map<String, String> row : rows) {
      Map<String, String> copy = new LinkedHashMap<>();
      for (Map.Entry<String, String> cell : row.entrySet()) {
        copy.put(UI_HEADERS.getOrDefault(normalize(cell.getKey()), cell.getKey()), cell.getValue());
      }
      renamed.add(Collections.unmodifiableMap(copy));
    }
    return Collections.unmodifiableList(renamed);
  }

  private static String normalize(String header) {
    return header.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }
}
