package org.redcapjdbc.schema;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.core.TableModify;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.schema.ProjectableFilterableTable;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.Statistic;
import org.apache.calcite.schema.Statistics;
import org.apache.calcite.schema.impl.AbstractTable;
import org.redcapjdbc.client.ExportType;
import org.redcapjdbc.client.RawOrLabel;
import org.redcapjdbc.client.RecordExportRequest;
import org.redcapjdbc.filter.ExportFilter;
import org.redcapjdbc.filter.FilterTranslator;
import org.redcapjdbc.model.Column;
import org.redcapjdbc.model.ColumnKind;
import org.redcapjdbc.model.ExportFieldName;
import org.redcapjdbc.model.Field;
import org.redcapjdbc.model.ProjectModel;
import org.redcapjdbc.model.PseudoColumns;
import org.redcapjdbc.model.TableLayout;
import org.redcapjdbc.model.ValueConverter;
import org.redcapjdbc.plan.InsertDefaults;
import org.redcapjdbc.plan.RuleRegisteringTable;
import org.redcapjdbc.plan.TableWriter;
import org.redcapjdbc.plan.WritableTable;

/**
 * A data table read through REDCap's record export: {@code records} or an instrument's table.
 * Calcite hands {@link #scan} the projected columns and the WHERE clause; the scan turns them into
 * one export request (see {@link FilterTranslator} for what is pushed) and streams the answer.
 */
abstract class RecordExportTable extends AbstractTable
    implements ProjectableFilterableTable, RuleRegisteringTable, RedcapTableInfo, WritableTable {
  final ProjectSession session;
  final TableLayout layout;
  private final FilterTranslator translator;
  private final Set<String> knownColumns;
  private final InsertDefaults insertDefaults;

  RecordExportTable(ProjectSession session, TableLayout layout) {
    this.session = requireNonNull(session, "session");
    this.layout = requireNonNull(layout, "layout");
    this.translator = FilterTranslator.forTable(layout, session.model());
    this.knownColumns = session.exportColumns();
    this.insertDefaults = insertDefaults(layout);
  }

  /**
   * An INSERT may leave out the record ID (REDCap numbers the record) and a NOT NULL
   * {@code redcap_repeat_instance} (REDCap appends an instance): they default to blank and 0,
   * which the writer reads that way.
   */
  private static InsertDefaults insertDefaults(TableLayout layout) {
    Map<Integer, Object> defaults = new HashMap<>();
    for (int i = 0; i < layout.columns().size(); i++) {
      Column c = layout.columns().get(i);
      boolean generated =
          c.kind() == ColumnKind.RECORD_ID || c.name().equals(PseudoColumns.REPEAT_INSTANCE);
      if (generated && !c.isNullable()) {
        defaults.put(
            i, c.type().typeName() == java.sql.JDBCType.VARCHAR ? (Object) "" : (Object) 0);
      }
    }
    return new InsertDefaults(defaults);
  }

  @Override
  public <C> C unwrap(Class<C> type) {
    if (type.isInstance(insertDefaults)) {
      return type.cast(insertDefaults);
    }
    return super.unwrap(type);
  }

  @Override
  public List<Integer> matchedRowColumns() {
    List<Integer> columns = new ArrayList<>();
    for (Column c : layout.primaryKey()) {
      columns.add(layout.indexOf(c.name()));
    }
    return columns;
  }

  @Override
  public TableWriter writer(TableModify.Operation operation, List<String> updateColumns) {
    String name = session.dataSchema() + "." + layout.name();
    RecordWireRows wireRows = new RecordWireRows(session.model(), layout, session.metaSchema());
    switch (operation) {
      case INSERT:
        return new RecordInsert(session, "INSERT into " + name, wireRows);
      case UPDATE:
        return RecordUpdate.of(session, "UPDATE of " + name, layout, wireRows, updateColumns);
      case DELETE:
        return new RecordDelete(
            session, "DELETE from " + name, layout.instrument().orElse(null), layout.primaryKey());
      default:
        return new RefusedWrite(
            operation + " on " + name,
            "only INSERT, UPDATE and DELETE are" + " supported",
            "0A000");
    }
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory factory) {
    RelDataTypeFactory.Builder b = factory.builder();
    for (Column c : layout.columns()) {
      b.add(c.name(), RelTypes.of(c, factory));
    }
    return b.build();
  }

  /**
   * The row count only, no keys: Calcite 1.42 checks a key against the columns of a scan that
   * projects them ({@code BindableTableScan}) as if they were the table's, so that grouping on
   * whatever columns land at the key's positions looked unique and lost its GROUP BY. The key is
   * reported to JDBC clients through {@link #primaryKey()}.
   */
  @Override
  public Statistic getStatistic() {
    Statistic s = statistic;
    if (s == null) {
      synchronized (this) {
        s = statistic;
        if (s == null) {
          s = Statistics.of(rowCountEstimate(), List.of());
          statistic = s;
        }
      }
    }
    return s;
  }

  /**
   * The statistic this table reported first, kept for the table's (the connection's) life: the
   * record count is learnt by the first read that needs it, possibly while another thread plans a
   * query over this table, and Calcite's planner requires a table's row count not to change during
   * one planning (its costs would disagree: "has wrong best cost"). A connection opened once the
   * count is known plans with it.
   */
  private volatile Statistic statistic;

  /** Expected rows, for the planner's costs. */
  abstract double rowCountEstimate();

  @Override
  public Schema.TableType getJdbcTableType() {
    return Schema.TableType.TABLE;
  }

  @Override
  public String remarks() {
    return layout.remarks();
  }

  @Override
  public String columnRemarks(String columnName) {
    return layout.column(columnName).map(Column::remarks).orElse(null);
  }

  @Override
  public List<String> primaryKey() {
    List<String> names = new ArrayList<>();
    for (Column c : layout.primaryKey()) {
      names.add(c.name());
    }
    return names;
  }

  /** The layout this table shows. */
  TableLayout layout() {
    return layout;
  }

  @Override
  public Enumerable<Object[]> scan(DataContext root, List<RexNode> filters, int[] projects) {
    int[] columns = projects;
    if (columns == null) {
      columns = new int[layout.columns().size()];
      for (int i = 0; i < columns.length; i++) {
        columns[i] = i;
      }
    }
    // With the snapshot cache nothing is pushed: the copy holds every row, and Calcite filters.
    ExportFilter filter =
        session.config().pushdown() && session.config().cache() == CacheMode.OFF
            ? translator.translate(filters, root::get)
            : ExportFilter.none();
    if (filter.selectsNothing()) {
      return Linq4j.emptyEnumerable();
    }
    if (filter.recordRanges() != null) {
      // One export of the record-ID field (with the same events and logic) turns the ranges into
      // records[]: a partition of a Spark read then exports its own records only.
      filter =
          filter.resolveRecordRanges(
              RecordIds.export(session, filter.events(), filter.filterLogic()));
      if (filter.selectsNothing()) {
        return Linq4j.emptyEnumerable();
      }
    }
    if (!filter.exactEntries().isEmpty()) {
      filters.removeAll(filter.exactEntries()); // REDCap applies them exactly (and so do we)
    }
    ScanSpec.Builder spec = new ScanSpec.Builder();
    ProjectModel model = session.model();
    spec.recordIdSlot = spec.slot(model.recordIdField().name());
    List<Column> output = new ArrayList<>(columns.length);
    spec.slots = new int[columns.length];
    spec.converters = new ValueConverter[columns.length];
    for (int i = 0; i < columns.length; i++) {
      Column c = layout.columns().get(columns[i]);
      output.add(c);
      spec.slots[i] = spec.slot(wireName(c));
      spec.converters[i] = c.converter();
    }
    RecordExportRequest.Builder request =
        RecordExportRequest.builder()
            .type(ExportType.FLAT)
            .rawOrLabel(RawOrLabel.RAW)
            .recordIdField(model.recordIdField().name())
            .filterLogic(filter.filterLogic());
    if (filter.records() != null) {
      request.records(new ArrayList<>(filter.records()));
      Set<String> wanted = filter.records();
      int slot = spec.recordIdSlot;
      // records[] is exact in REDCap too; checking again costs a hash lookup and makes the
      // result independent of how the server matches IDs (case, spaces).
      spec.addFilter(row -> wanted.contains(row.value(slot)));
    }
    if (filter.events() != null) {
      request.events(new ArrayList<>(filter.events()));
      Set<String> wanted = filter.events();
      int slot = spec.slot(PseudoColumns.EVENT_NAME);
      spec.eventSlot = slot;
      spec.addFilter(row -> wanted.contains(row.value(slot)));
    } else if (model.isLongitudinal()) {
      spec.eventSlot = spec.slot(PseudoColumns.EVENT_NAME);
    }
    for (Column c : output) {
      if (c.name().equals(PseudoColumns.DATA_ACCESS_GROUP)) {
        request.exportDataAccessGroups(true);
      }
    }
    if (!shape(spec, request, output, filter)) {
      return Linq4j.emptyEnumerable();
    }
    spec.request = request.build();
    spec.knownColumns = knownColumns;
    spec.answerColumns = answerColumns(model, spec.request);
    spec.countsProject =
        spec.singleRequest
            && spec.request.records().isEmpty()
            && spec.request.events().isEmpty()
            && (spec.request.filterLogic() == null || spec.request.filterLogic().isBlank());
    return new RecordScan(session, spec.build(), root);
  }

  /**
   * Completes the request and the row filter for this kind of table: which fields or forms to
   * ask for, whether one request is enough, which rows of the answer belong to the table.
   *
   * @return false when the table can have no rows for this filter (no request is sent)
   */
  abstract boolean shape(
      ScanSpec.Builder spec,
      RecordExportRequest.Builder request,
      List<Column> output,
      ExportFilter filter);

  /** The export column a table column's values come from (a label companion reads its code). */
  static String wireName(Column c) {
    return c.kind() == ColumnKind.LABEL ? c.sourceField().orElseThrow() : c.name();
  }

  /**
   * The columns each row of {@code request}'s answer has: the export columns of the fields it asks
   * for (a checkbox is one column per option), of its forms' fields, or of every field; the
   * pseudo-columns are counted by the scan's bound columns.
   */
  static int answerColumns(ProjectModel model, RecordExportRequest request) {
    Set<String> fields = new HashSet<>(request.fields());
    Set<String> forms = new HashSet<>(request.forms());
    if (fields.isEmpty() && forms.isEmpty()) {
      return model.exportFieldNames().size();
    }
    int n = 0;
    for (ExportFieldName e : model.exportFieldNames()) {
      String field = e.originalFieldName();
      if (fields.contains(field)) {
        n++;
      } else if (!forms.isEmpty()) {
        String form =
            model
                .field(field)
                .map(Field::form)
                .orElse(field.endsWith("_complete") ? field.substring(0, field.length() - 9) : "");
        if (forms.contains(form) || field.equals(model.recordIdField().name())) {
          n++;
        }
      }
    }
    return n;
  }
}
