package org.redcapjdbc.it.correctness;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Types;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The comparison suite takes table shapes from the driver; this test checks those shapes against
 * what the raw API says, so that a column the driver leaves out, adds or mistypes cannot pass
 * unseen: {@code records} has exactly the flat export's columns in its order, each coded field
 * followed by its {@code _label} companion; each instrument's table has the key columns that apply
 * and exactly its own fields' export columns and status; and each column's SQL type is the one the
 * design's table gives its field type and validation.
 */
class TableShapeTest {
  @ParameterizedTest(name = "{0}")
  @EnumSource(ComparedProject.class)
  void tablesHaveTheColumnsAndTypesTheApiImplies(ComparedProject id) {
    SharedProjects.Loaded loaded = SharedProjects.get(id);
    RawApi api = new RawApi(SharedProjects.emulator().url(), loaded.project().token());
    RawDictionary dictionary = new RawDictionary(api.rows("metadata"));
    List<Map<String, String>> flat =
        api.rows("record", "type", "flat", "rawOrLabel", "raw", "exportDataAccessGroups", "true");
    assertThat(flat).as("records of " + id.id()).isNotEmpty();
    List<String> header = new ArrayList<>(flat.get(0).keySet());
    Map<String, String> formOfColumn = formOfColumn(api, dictionary);
    Set<String> repeating = new HashSet<>();
    boolean repeatingEvents = false;
    for (Map<String, String> r : api.rowsOrEmptyWhenRefused("repeatingFormsEvents")) {
      String form = r.getOrDefault("form_name", "");
      if (form.isEmpty()) {
        repeatingEvents = true;
      } else {
        repeating.add(form);
      }
    }

    Map<String, TableShape> tables = new LinkedHashMap<>();
    for (TableShape t : loaded.shapes()) {
      if (t.schema().equals("redcap")) {
        tables.put(t.name(), t);
      }
    }
    List<String> instruments =
        api.rows("instrument").stream().map(i -> i.get("instrument_name")).toList();
    List<String> expectedTables = new ArrayList<>(List.of("records"));
    expectedTables.addAll(instruments);
    assertThat(tables.keySet())
        .as("tables of " + id.id())
        .containsExactlyInAnyOrderElementsOf(expectedTables);

    assertThat(tables.get("records").columnNames())
        .as("records of " + id.id())
        .containsExactlyElementsOf(withLabels(header, dictionary));
    for (String form : instruments) {
      List<String> columns = new ArrayList<>();
      for (String c : header) {
        boolean key =
            c.equals(dictionary.recordIdField())
                || c.equals("redcap_event_name")
                || c.equals("redcap_data_access_group");
        boolean instance =
            c.equals("redcap_repeat_instance") && (repeating.contains(form) || repeatingEvents);
        if (key || instance || form.equals(formOfColumn.get(c))) {
          columns.add(c);
        }
      }
      assertThat(tables.get(form).columnNames())
          .as(form + " of " + id.id())
          .containsExactlyElementsOf(withLabels(columns, dictionary));
    }

    for (TableShape t : tables.values()) {
      for (ColumnShape c : t.columns()) {
        assertThat(sqlType(c.name(), dictionary, formOfColumn))
            .as("type of %s.%s in %s", t.name(), c.name(), id.id())
            .isEqualTo(c.dataType());
        if (c.dataType() == Types.DECIMAL) {
          dictionary
              .field(c.name())
              .map(RawDictionary.FieldRow::validation)
              .filter(v -> v.matches("number_\\d+dp.*"))
              .ifPresent(
                  v ->
                      assertThat(c.scale())
                          .as("scale of " + c.name())
                          .isEqualTo(Integer.parseInt(v.substring(7, 8))));
        }
      }
    }
  }

  /** Which instrument each export column belongs to: fields, checkbox options, statuses. */
  private static Map<String, String> formOfColumn(RawApi api, RawDictionary dictionary) {
    Map<String, String> form = new LinkedHashMap<>();
    for (RawDictionary.FieldRow f : dictionary.fields()) {
      form.put(f.name(), f.form());
    }
    for (Map<String, String> e : api.rows("exportFieldNames")) {
      String original = e.get("original_field_name");
      String export = e.get("export_field_name");
      if (dictionary.field(original).isPresent()) {
        form.put(export, dictionary.field(original).get().form());
      } else if (export.endsWith("_complete")) {
        form.put(export, export.substring(0, export.length() - "_complete".length()));
      }
    }
    for (Map<String, String> i : api.rows("instrument")) {
      form.put(i.get("instrument_name") + "_complete", i.get("instrument_name"));
    }
    return form;
  }

  /** The columns with each coded field's label companion right after it. */
  private static List<String> withLabels(List<String> columns, RawDictionary dictionary) {
    List<String> out = new ArrayList<>();
    for (String c : columns) {
      out.add(c);
      if (dictionary.field(c).map(RawDictionary.FieldRow::coded).orElse(false)
          && !c.equals(dictionary.recordIdField())) {
        out.add(c + "_label");
      }
    }
    return out;
  }

  /** The type table (docs/architecture.md §3), from the raw dictionary. */
  private static int sqlType(
      String column, RawDictionary dictionary, Map<String, String> formOfColumn) {
    if (column.equals("redcap_repeat_instance")) {
      return Types.INTEGER;
    }
    if (column.endsWith("_complete")
        && formOfColumn.containsKey(column)
        && dictionary.field(column).isEmpty()) {
      return Types.SMALLINT;
    }
    if (column.endsWith("_label") && dictionary.field(column).isEmpty()) {
      return Types.VARCHAR;
    }
    if (column.equals(dictionary.recordIdField())) {
      return Types.VARCHAR;
    }
    RawDictionary.FieldRow f = dictionary.field(column).orElse(null);
    if (f == null) {
      // A checkbox option (field___code) or a pseudo-column.
      return column.contains("___") ? Types.BOOLEAN : Types.VARCHAR;
    }
    String v = f.validation();
    switch (f.type()) {
      case "calc":
        return Types.DOUBLE;
      case "slider":
        return Types.INTEGER;
      case "yesno":
      case "truefalse":
      case "checkbox":
        return Types.BOOLEAN;
      case "text":
        if (v.equals("integer")) {
          return Types.BIGINT;
        }
        if (v.startsWith("number")) {
          return Types.DECIMAL;
        }
        if (v.startsWith("datetime")) {
          return Types.TIMESTAMP;
        }
        if (v.startsWith("date")) {
          return Types.DATE;
        }
        if (v.equals("time") || v.equals("time_hh_mm_ss")) {
          return Types.TIME;
        }
        return Types.VARCHAR;
      default:
        return Types.VARCHAR;
    }
  }
}
