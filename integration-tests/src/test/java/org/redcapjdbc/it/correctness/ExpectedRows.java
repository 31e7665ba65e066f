package org.redcapjdbc.it.correctness;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The rows each driver table should hold, computed by the test from raw API exports (through
 * {@link RawApi}, never the driver): the flat export for {@code records}, the flat export with
 * blank status for never-saved forms for instrument tables, and the structural exports for the
 * {@code meta} tables. Only the tables' shapes (names, columns, types) come from the driver; a
 * column this class cannot derive from the exports fails the test, since the driver then shows
 * something the API does not.
 */
final class ExpectedRows {
  private static final Set<String> PSEUDO =
      Set.of(
          "redcap_event_name",
          "redcap_repeat_instrument",
          "redcap_repeat_instance",
          "redcap_data_access_group");

  private final RawApi api;
  private final RawDictionary dictionary;
  private final Set<String> checkboxColumns = new HashSet<>();
  private List<Map<String, String>> flat;
  private List<Map<String, String>> flatBlankGray;
  private List<Map<String, String>> repeating;

  ExpectedRows(RawApi api) {
    this.api = api;
    this.dictionary = new RawDictionary(api.rows("metadata"));
    for (Map<String, String> f : api.rows("exportFieldNames")) {
      if (!f.getOrDefault("choice_value", "").isEmpty()) {
        checkboxColumns.add(f.get("export_field_name"));
      }
    }
  }

  /** Every row of {@code table}, each value typed by its column. */
  List<Object[]> of(TableShape table) {
    if (table.schema().equals("meta")) {
      return metaRows(table);
    }
    if (table.name().equals("records")) {
      return typedRows(table, flat(), row -> true);
    }
    String form = table.name();
    if (api.rows("instrument").stream().noneMatch(i -> form.equals(i.get("instrument_name")))) {
      throw new AssertionError(
          "The driver shows table "
              + table.name()
              + ", which is neither records nor an instrument of the project");
    }
    return typedRows(table, flatBlankGray(), row -> holdsData(table, form, row));
  }

  // ---------------------------------------------------------------- data tables

  private List<Map<String, String>> flat() {
    if (flat == null) {
      flat =
          api.rows("record", "type", "flat", "rawOrLabel", "raw", "exportDataAccessGroups", "true");
    }
    return flat;
  }

  private List<Map<String, String>> flatBlankGray() {
    if (flatBlankGray == null) {
      flatBlankGray =
          api.rows(
              "record",
              "type",
              "flat",
              "rawOrLabel",
              "raw",
              "exportDataAccessGroups",
              "true",
              "exportBlankForGrayFormStatus",
              "true");
    }
    return flatBlankGray;
  }

  /**
   * Whether a flat row is a row of {@code form}'s table: not another repeating instrument's
   * row, and some field of the form is filled, a checkbox option ticked, or its status set.
   */
  private boolean holdsData(TableShape table, String form, Map<String, String> row) {
    String repeatInstrument = row.getOrDefault("redcap_repeat_instrument", "");
    if (!repeatInstrument.isEmpty() && !repeatInstrument.equals(form)) {
      return false;
    }
    for (ColumnShape c : table.columns()) {
      String name = c.name();
      if (PSEUDO.contains(name)
          || name.equals(dictionary.recordIdField())
          || !row.containsKey(name)) {
        continue;
      }
      String v = row.get(name);
      if (checkboxColumns.contains(name) ? "1".equals(v) : v != null && !v.isEmpty()) {
        return true;
      }
    }
    return false;
  }

  private List<Object[]> typedRows(
      TableShape table,
      List<Map<String, String>> rows,
      java.util.function.Predicate<Map<String, String>> keep) {
    List<Function<Map<String, String>, Object>> readers = new ArrayList<>();
    for (ColumnShape c : table.columns()) {
      readers.add(dataColumnReader(table, c, rows.isEmpty() ? Map.of() : rows.get(0)));
    }
    List<Object[]> out = new ArrayList<>();
    for (Map<String, String> row : rows) {
      if (!keep.test(row)) {
        continue;
      }
      Object[] values = new Object[readers.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = readers.get(i).apply(row);
      }
      out.add(values);
    }
    return out;
  }

  private Function<Map<String, String>, Object> dataColumnReader(
      TableShape table, ColumnShape c, Map<String, String> sample) {
    String name = c.name();
    if (sample.isEmpty() || sample.containsKey(name)) {
      boolean comma =
          dictionary.field(name).map(RawDictionary.FieldRow::commaDecimal).orElse(false);
      return row -> {
        if (!row.containsKey(name)) {
          throw new AssertionError(
              "The flat export has no column " + name + " that " + table.name() + " shows");
        }
        return WireValues.typed(row.get(name), c, comma);
      };
    }
    if (name.endsWith("_label")) {
      String base = name.substring(0, name.length() - "_label".length());
      RawDictionary.FieldRow field = dictionary.field(base).orElse(null);
      if (field != null && field.coded() && sample.containsKey(base)) {
        Map<String, String> choices = dictionary.choices(field);
        return row -> {
          String code = row.get(base);
          return code == null || code.isEmpty() ? null : choices.get(code);
        };
      }
    }
    throw new AssertionError(
        "Table "
            + table.name()
            + " shows column "
            + name
            + ", which neither the flat export nor the dictionary's coded fields explain");
  }

  // ---------------------------------------------------------------- meta tables

  private List<Map<String, String>> repeating() {
    if (repeating == null) {
      repeating = api.rowsOrEmptyWhenRefused("repeatingFormsEvents");
    }
    return repeating;
  }

  private List<Object[]> metaRows(TableShape table) {
    List<Map<String, String>> source;
    Map<String, Function<Map<String, String>, Object>> derived = new LinkedHashMap<>();
    switch (table.name()) {
      case "metadata" -> source = dictionary.rows();
      case "field_names" -> source = fieldNameRows();
      case "instruments" -> {
        source = api.rows("instrument");
        Set<String> repeatingForms = new HashSet<>();
        for (Map<String, String> r : repeating()) {
          repeatingForms.add(r.getOrDefault("form_name", ""));
        }
        derived.put("table_name", r -> r.get("instrument_name"));
        derived.put("repeating", r -> repeatingForms.contains(r.get("instrument_name")));
      }
      case "events" -> {
        source = api.rowsOrEmptyWhenRefused("event");
        Set<String> repeatingEvents = new HashSet<>();
        for (Map<String, String> r : repeating()) {
          if (r.getOrDefault("form_name", "").isEmpty()) {
            repeatingEvents.add(r.getOrDefault("event_name", ""));
          }
        }
        derived.put("repeating", r -> repeatingEvents.contains(r.get("unique_event_name")));
      }
      case "arms" -> source = api.rowsOrEmptyWhenRefused("arm");
      case "form_event_mapping" -> source = api.rowsOrEmptyWhenRefused("formEventMapping");
      case "repeating_forms_events" -> source = repeating();
      case "dags" -> {
        source = api.rowsUnlessNotImplemented("dag");
        if (source == null) {
          return null; // the server cannot export DAGs: nothing to mirror
        }
      }
      case "choices" -> source = choiceRows();
      default -> {
        return null; // not mirrored: users, roles, files and the like
      }
    }
    List<Object[]> out = new ArrayList<>();
    for (Map<String, String> row : source) {
      Object[] values = new Object[table.columns().size()];
      for (int i = 0; i < values.length; i++) {
        ColumnShape c = table.columns().get(i);
        if (derived.containsKey(c.name())) {
          values[i] = derived.get(c.name()).apply(row);
        } else if (row.containsKey(c.name())) {
          values[i] = WireValues.typed(row.get(c.name()), c, false);
        } else if (c.name().equals("event_name") && table.name().equals("repeating_forms_events")) {
          values[i] = null; // classic projects export no event column
        } else {
          throw new AssertionError(
              "meta."
                  + table.name()
                  + " shows column "
                  + c.name()
                  + ", which the API export does not have");
        }
      }
      out.add(values);
    }
    return out;
  }

  /**
   * The export field names, plus the file fields REDCap leaves out of that export
   * (docs/redcap-api.md §2.5): the driver's table lists them too, as its description says, since
   * they are columns of the data tables.
   */
  private List<Map<String, String>> fieldNameRows() {
    List<Map<String, String>> rows = new ArrayList<>(api.rows("exportFieldNames"));
    Set<String> listed = new HashSet<>();
    for (Map<String, String> r : rows) {
      listed.add(r.get("original_field_name"));
    }
    for (RawDictionary.FieldRow f : dictionary.fields()) {
      if (f.type().equals("file") && !listed.contains(f.name())) {
        rows.add(
            Map.of(
                "original_field_name",
                f.name(),
                "choice_value",
                "",
                "export_field_name",
                f.name()));
      }
    }
    return rows;
  }

  private List<Map<String, String>> choiceRows() {
    List<Map<String, String>> rows = new ArrayList<>();
    for (RawDictionary.FieldRow f : dictionary.fields()) {
      int position = 1;
      for (Map.Entry<String, String> c : dictionary.choices(f).entrySet()) {
        rows.add(
            Map.of(
                "field_name",
                f.name(),
                "code",
                c.getKey(),
                "label",
                c.getValue(),
                "sort_order",
                String.valueOf(position++)));
      }
    }
    return rows;
  }
}
