package org.redcapjdbc.schema;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.type.SqlTypeName;
import org.redcapjdbc.client.RawOrLabel;
import org.redcapjdbc.client.RecordCursor;
import org.redcapjdbc.client.ReportRequest;
import org.redcapjdbc.model.Column;
import org.redcapjdbc.model.ColumnKind;
import org.redcapjdbc.model.TableLayout;
import org.redcapjdbc.model.ValueConverter;
import org.redcapjdbc.model.ValueProblem;
import org.redcapjdbc.model.ValueProblemSink;

/**
 * One report's rows ({@code content=report}, JSON, raw values), made by {@link ReportFunction}
 * with the columns the report had when the statement was prepared, in the report's order. A
 * column REDCap exports for records too (a field, a checkbox option, a status, the record ID,
 * {@code redcap_event_name} ...) has the type and REMARKS it has in {@code records} (so
 * {@code typed} applies), and a coded field is followed by its {@code <field>_label} companion
 * when {@code labelColumns} is on; any other column (a checkbox REDCap combined into one, a
 * survey timestamp) is VARCHAR. Values that do not parse are NULL with a warning, as in the data
 * tables.
 */
final class ReportTable extends MacroTable {
  /** One output column: its model column, and the report column its value comes from. */
  private record ReportColumn(String name, Column column, String wire) {}

  private final long reportId;
  private final List<ReportColumn> columns;

  /** The report columns as REDCap sends them, in order; each output column reads one. */
  private final List<String> wireColumns;

  ReportTable(ProjectSession session, long reportId, List<String> header) {
    super(requireNonNull(session, "session"));
    this.reportId = reportId;
    TableLayout records = session.model().recordsLayout(session.layoutOptions());
    Map<String, Column> labelOf = new LinkedHashMap<>();
    for (Column c : records.columns()) {
      if (c.kind() == ColumnKind.LABEL && c.sourceField().isPresent()) {
        labelOf.put(c.sourceField().get(), c);
      }
    }
    List<ReportColumn> out = new ArrayList<>();
    for (String name : header) {
      Optional<Column> known = records.column(name);
      out.add(new ReportColumn(name, known.orElse(null), name));
      if (known.isPresent() && known.get().kind() == ColumnKind.FIELD) {
        Column label = labelOf.get(name);
        if (label != null && !header.contains(label.name())) {
          out.add(new ReportColumn(label.name(), label, name));
        }
      }
    }
    this.columns = List.copyOf(out);
    this.wireColumns = List.copyOf(header);
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory factory) {
    RelDataTypeFactory.Builder b = factory.builder();
    for (ReportColumn c : columns) {
      b.add(
          c.name(),
          c.column() != null
              ? RelTypes.of(c.column(), factory)
              : factory.createTypeWithNullability(
                  factory.createSqlType(SqlTypeName.VARCHAR), true));
    }
    return b.build();
  }

  /** Every run exports the whole report (REDCap's report export takes no filters). */
  @Override
  public Enumerable<Object[]> scan(DataContext root, List<RexNode> filters, int[] projects) {
    int[] selected = selected(projects, columns.size());
    int[] slots = new int[selected.length];
    ValueConverter[] converters = new ValueConverter[selected.length];
    for (int i = 0; i < selected.length; i++) {
      ReportColumn c = columns.get(selected[i]);
      slots[i] = wireColumns.indexOf(c.wire());
      converters[i] = c.column() == null ? null : c.column().converter();
    }
    return new AbstractEnumerable<>() {
      @Override
      public Enumerator<Object[]> enumerator() {
        return new ReportRows(root, slots, converters);
      }
    };
  }

  /** The report's rows, streamed. */
  private final class ReportRows implements Enumerator<Object[]>, ValueProblemSink {
    private final DataContext root;
    private final int[] slots;
    private final ValueConverter[] converters;
    private final QueryCancel cancel;
    private RecordCursor cursor;
    private Object[] current;

    ReportRows(DataContext root, int[] slots, ValueConverter[] converters) {
      this.root = root;
      this.slots = slots;
      this.converters = converters;
      this.cancel = QueryCancel.of(root, "content=report");
    }

    @Override
    public Object[] current() {
      return current;
    }

    @Override
    public boolean moveNext() {
      if (cursor == null) {
        ReportRequest request =
            ReportRequest.builder(reportId)
                .rawOrLabel(RawOrLabel.RAW)
                .rawOrLabelHeaders(RawOrLabel.RAW)
                .exportCheckboxLabel(false)
                .build();
        cursor = session.client().records().exportReport(request).bind(wireColumns);
      }
      if (cancel.requested()) {
        close(); // aborts the report's export
        throw cancel.exception();
      }
      if (!cursor.next()) {
        finish();
        return false;
      }
      Object[] row = new Object[slots.length];
      for (int i = 0; i < slots.length; i++) {
        String wire = cursor.value(slots[i]);
        row[i] =
            converters[i] == null
                ? (wire == null || wire.isEmpty() ? null : wire)
                : converters[i].fromWire(wire, this);
      }
      current = row;
      return true;
    }

    /** Columns REDCap sent that were not in the report when it was prepared, or left out. */
    private void finish() {
      if (!cursor.unboundColumns().isEmpty() || !cursor.absentColumns().isEmpty()) {
        QueryWarnings.add(
            root,
            "Report "
                + reportId
                + " has other columns now than when this statement was prepared"
                + (cursor.unboundColumns().isEmpty()
                    ? ""
                    : " (new: " + String.join(", ", cursor.unboundColumns()) + ")")
                + (cursor.absentColumns().isEmpty()
                    ? ""
                    : " (gone, read as NULL: " + String.join(", ", cursor.absentColumns()) + ")")
                + ": prepare the statement again to see its columns as they are.");
      }
      close();
    }

    @Override
    public void report(ValueProblem problem) {
      String where =
          "Report "
              + reportId
              + ", column '"
              + problem.column()
              + "': '"
              + problem.value()
              + "' "
              + problem.reason();
      if (session.config().strictTypes()) {
        throw new UnreadableValueException(
            where
                + ". strictTypes=true makes this an error; correct the value in REDCap, or"
                + " connect with strictTypes=false to read such values as NULL with a warning.",
            null,
            problem.column(),
            problem.value());
      }
      QueryWarnings.add(root, where + "; it reads as NULL.");
    }

    @Override
    public void reset() {
      throw new UnsupportedOperationException("a report is read once per scan");
    }

    @Override
    public void close() {
      if (cursor != null) {
        cursor.close();
      }
    }
  }
}
