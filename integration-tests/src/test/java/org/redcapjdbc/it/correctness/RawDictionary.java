package org.redcapjdbc.it.correctness;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The data dictionary as the raw {@code content=metadata} export gives it, read by the test's own
 * rules (docs/redcap-api.md §2.4): the first field is the record ID; choices are
 * {@code code, label | code, label}, split at the first comma, a label alone being its own code;
 * yes/no and true/false have the fixed codes 1 and 0.
 */
final class RawDictionary {
  /** One dictionary row. */
  record FieldRow(String name, String form, String type, String choices, String validation) {
    boolean coded() {
      return type.equals("radio")
          || type.equals("dropdown")
          || type.equals("yesno")
          || type.equals("truefalse");
    }

    boolean commaDecimal() {
      return validation.endsWith("comma_decimal");
    }
  }

  private final List<Map<String, String>> rows;
  private final Map<String, FieldRow> fields = new LinkedHashMap<>();

  RawDictionary(List<Map<String, String>> metadataRows) {
    this.rows = List.copyOf(metadataRows);
    for (Map<String, String> r : metadataRows) {
      FieldRow f =
          new FieldRow(
              r.get("field_name"),
              r.get("form_name"),
              r.get("field_type"),
              r.getOrDefault("select_choices_or_calculations", ""),
              r.getOrDefault("text_validation_type_or_show_slider_number", ""));
      fields.put(f.name(), f);
    }
    if (fields.isEmpty()) {
      throw new AssertionError("The metadata export is empty");
    }
  }

  /** The rows as exported, for {@code meta.metadata}. */
  List<Map<String, String>> rows() {
    return rows;
  }

  String recordIdField() {
    return fields.keySet().iterator().next();
  }

  Optional<FieldRow> field(String name) {
    return Optional.ofNullable(fields.get(name));
  }

  List<FieldRow> fields() {
    return new ArrayList<>(fields.values());
  }

  /** The choices of a coded or checkbox field, code to label, in dictionary order. */
  Map<String, String> choices(FieldRow f) {
    Map<String, String> choices = new LinkedHashMap<>();
    switch (f.type()) {
      case "yesno" -> {
        choices.put("1", "Yes");
        choices.put("0", "No");
      }
      case "truefalse" -> {
        choices.put("1", "True");
        choices.put("0", "False");
      }
      case "radio", "dropdown", "checkbox" -> {
        for (String part : f.choices().split("\\|")) {
          String item = part.trim();
          if (item.isEmpty()) {
            continue;
          }
          int comma = item.indexOf(',');
          if (comma < 0) {
            choices.put(item, item);
          } else {
            choices.put(item.substring(0, comma).trim(), item.substring(comma + 1).trim());
          }
        }
      }
      default -> {
        // Other types have no choices.
      }
    }
    return choices;
  }
}
