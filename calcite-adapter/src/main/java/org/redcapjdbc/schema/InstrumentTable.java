package org.redcapjdbc.schema;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.redcapjdbc.client.RecordExportRequest;
import org.redcapjdbc.filter.ExportFilter;
import org.redcapjdbc.model.Column;
import org.redcapjdbc.model.Instrument;
import org.redcapjdbc.model.ProjectModel;
import org.redcapjdbc.model.PseudoColumns;
import org.redcapjdbc.model.TableLayout;

/**
 * One instrument's table: its fields with the key columns that apply, and a row for each
 * (record, event, instance) where the instrument holds data. Read with {@code forms[]} (and, in a
 * longitudinal project, {@code events[]} limited to the events the instrument is designated for)
 * and {@code exportBlankForGrayFormStatus=true}; a row of the answer belongs to the table when
 * it is not another repeating instrument's row and any of the instrument's fields is non-blank,
 * any checkbox option is {@code 1}, or its status is set.
 */
final class InstrumentTable extends RecordExportTable {
  private final Instrument instrument;

  InstrumentTable(ProjectSession session, TableLayout layout) {
    super(session, layout);
    this.instrument =
        layout
            .instrument()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(layout.name() + " is not an instrument's layout"));
  }

  @Override
  double rowCountEstimate() {
    int events = Math.max(1, instrument.events().size());
    return Math.max(1, session.snapshot().recordEstimate() * (double) events);
  }

  @Override
  boolean shape(
      ScanSpec.Builder spec,
      RecordExportRequest.Builder request,
      List<Column> output,
      ExportFilter filter) {
    ProjectModel model = session.model();
    if (session.config().pushdown()) {
      request.forms(List.of(instrument.name()));
      if (model.isLongitudinal()) {
        Set<String> events = new LinkedHashSet<>(instrument.events());
        if (filter.events() != null) {
          events.retainAll(filter.events());
        }
        if (events.isEmpty()) {
          return false; // not designated for any (asked-for) event: no rows
        }
        if (filter.events() != null || events.size() < model.events().size()) {
          request.events(new ArrayList<>(events));
        }
      }
    }
    // A form never saved shows a blank status instead of 0, so status alone marks saved forms.
    request.exportBlankForGrayFormStatus(true);

    List<Integer> values = new ArrayList<>();
    List<Integer> checkboxes = new ArrayList<>();
    for (Column c : layout.columns()) {
      switch (c.kind()) {
        case FIELD:
        case COMPLETE:
          values.add(spec.slot(c.name()));
          break;
        case CHECKBOX_OPTION:
          checkboxes.add(spec.slot(c.name()));
          break;
        default:
          break;
      }
    }
    int[] valueSlots = values.stream().mapToInt(Integer::intValue).toArray();
    int[] checkboxSlots = checkboxes.stream().mapToInt(Integer::intValue).toArray();
    int repeatSlot =
        model.hasRepeatingInstrumentsOrEvents() ? spec.slot(PseudoColumns.REPEAT_INSTRUMENT) : -1;
    String form = instrument.name();
    spec.addFilter(
        row -> {
          if (repeatSlot >= 0) {
            String repeating = row.value(repeatSlot);
            if (repeating != null && !repeating.equals(form)) {
              return false; // another repeating instrument's row
            }
          }
          for (int slot : valueSlots) {
            if (row.value(slot) != null) {
              return true;
            }
          }
          for (int slot : checkboxSlots) {
            if ("1".equals(row.value(slot))) {
              return true;
            }
          }
          return false;
        });
    return true;
  }
}
