package org.redcapjdbc.emulator.api.record;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.redcapjdbc.emulator.logic.Logic;
import org.redcapjdbc.emulator.logic.LogicException;
import org.redcapjdbc.emulator.logic.LogicExpression;
import org.redcapjdbc.emulator.model.Field;
import org.redcapjdbc.emulator.model.FieldType;
import org.redcapjdbc.emulator.model.Form;
import org.redcapjdbc.emulator.model.ProjectDefinition;
import org.redcapjdbc.emulator.store.RecordData;

/**
 * Recomputes calc fields of a changed record, as REDCap does on save and import (6.3+): on every
 * row the record has, for each calc whose form applies to that row. A calc whose formula is
 * outside the logic package's subset keeps its stored value. Two passes let a calc that uses
 * another calc settle.
 */
final class Calculator {
  private final ProjectDefinition def;
  private final Map<Field, LogicExpression> formulas = new LinkedHashMap<>();

  Calculator(ProjectDefinition def) {
    this.def = def;
    for (Field f : def.fields()) {
      if (f.type() == FieldType.CALC && !f.choicesOrCalculation().isBlank()) {
        try {
          formulas.put(f, Logic.parse(f.choicesOrCalculation()));
        } catch (LogicException e) {
          // Unsupported formula: the stored value is left as it is.
        }
      }
    }
  }

  boolean isEmpty() {
    return formulas.isEmpty();
  }

  void recompute(WorkingRecord record, LocalDateTime now) {
    if (formulas.isEmpty()) {
      return;
    }
    for (int pass = 0; pass < 2; pass++) {
      RecordData data = record.snapshot();
      boolean changed = false;
      for (List<RecordRows.Row> group : RecordRows.groups(def, data, null)) {
        for (RecordRows.Row row : group) {
          RowLogicContext ctx = new RowLogicContext(def, data, row, now);
          for (Map.Entry<Field, LogicExpression> e : formulas.entrySet()) {
            Form form = def.form(e.getKey().formName());
            if (!RecordRows.applies(def, row, form)) {
              continue;
            }
            String value;
            try {
              value = e.getValue().evaluate(ctx);
            } catch (RuntimeException ex) {
              value = "";
            }
            int event = row.event().id();
            if (value.isEmpty()) {
              changed |= record.remove(event, row.instance(), e.getKey().name());
            } else {
              changed |= record.set(event, row.instance(), e.getKey().name(), value);
            }
          }
        }
      }
      if (!changed) {
        return;
      }
    }
  }
}
