package org.redcapjdbc.model;

import java.util.HashMap;
import java.util.Map;

/**
 * A label companion ({@code sex_label}): reads the <em>source field's</em> code and returns its
 * label from the dictionary (yesno gives Yes/No, truefalse True/False). A missing-data code gives
 * the code's label ({@code UNK} gives {@code Unknown}). Labels are the dictionary's text, HTML
 * included, as REDCap's own label export shows them.
 */
final class LabelConverter extends WireConverter {
  private final String sourceField;
  private final Map<String, String> labels;

  LabelConverter(String column, Field source, Map<String, String> missingDataCodes) {
    super(column, SqlType.VARCHAR, Map.of());
    this.sourceField = source.name();
    Map<String, String> byCode = new HashMap<>(missingDataCodes);
    for (Choice choice : source.choices()) {
      byCode.put(choice.code(), choice.label());
    }
    this.labels = Map.copyOf(byCode);
  }

  @Override
  public Object fromWire(String wire, ValueProblemSink problems) {
    if (wire == null || wire.isEmpty()) {
      return null;
    }
    String label = labels.get(wire);
    if (label == null) {
      return reject(
          wire,
          problems,
          ValueProblem.Kind.UNKNOWN_CHOICE,
          "is not a choice of field '" + sourceField + "', so it has no label");
    }
    return label;
  }

  @Override
  public String toWire(Object value) {
    throw new UnsupportedOperationException(
        "Column '"
            + column
            + "' is computed from field '"
            + sourceField
            + "' and cannot be written: write the code to '"
            + sourceField
            + "' instead");
  }
}
