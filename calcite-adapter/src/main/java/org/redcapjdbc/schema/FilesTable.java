package org.redcapjdbc.schema;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.calcite.DataContext;
import org.apache.calcite.avatica.util.ByteString;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.core.TableModify;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.schema.ProjectableFilterableTable;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.Statistic;
import org.apache.calcite.schema.Statistics;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.redcapjdbc.client.FileAddress;
import org.redcapjdbc.client.FileContent;
import org.redcapjdbc.client.RecordCursor;
import org.redcapjdbc.client.RecordExportRequest;
import org.redcapjdbc.filter.FilterTranslator;
import org.redcapjdbc.model.Field;
import org.redcapjdbc.model.FieldType;
import org.redcapjdbc.model.ProjectModel;
import org.redcapjdbc.model.PseudoColumns;
import org.redcapjdbc.plan.RuleRegisteringTable;
import org.redcapjdbc.plan.TableWriter;
import org.redcapjdbc.plan.WritableTable;

/**
 * {@code meta.files}: one row per file stored in a file-upload (or signature) field: record,
 * field, event, repeat instance, file name, and, only when a query projects them, the content
 * type and the bytes. The listing is one export of the record ID and the file fields (whose flat
 * value is the file name); the bytes of a row are downloaded when that row is read, so
 * {@code SELECT record, file_name} never downloads a file, and {@code ... WHERE record = '1'}
 * downloads only that record's. {@code record} and {@code field} equalities narrow the listing
 * itself ({@code records[]}, {@code fields[]}); {@code event} equalities become {@code events[]}.
 */
final class FilesTable extends AbstractTable
    implements ProjectableFilterableTable, RuleRegisteringTable, RedcapTableInfo, WritableTable {
  static final List<String> COLUMNS =
      List.of("record", "field", "event", "instance", "file_name", "content_type", "content");
  private static final int RECORD = 0;
  private static final int FIELD = 1;
  private static final int EVENT = 2;
  private static final int INSTANCE = 3;
  private static final int FILE_NAME = 4;
  private static final int CONTENT_TYPE = 5;
  private static final int CONTENT = 6;

  private final ProjectSession session;
  private final List<String> fileFields;

  FilesTable(ProjectSession session) {
    this.session = requireNonNull(session, "session");
    List<String> names = new ArrayList<>();
    for (Field f : session.model().fields()) {
      if (f.type() == FieldType.FILE) {
        names.add(f.name());
      }
    }
    this.fileFields = List.copyOf(names);
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory f) {
    return f.builder()
        .add("record", f.createSqlType(SqlTypeName.VARCHAR))
        .add("field", f.createSqlType(SqlTypeName.VARCHAR))
        .add("event", RelTypes.nullable(f, SqlTypeName.VARCHAR))
        .add("instance", RelTypes.nullable(f, SqlTypeName.INTEGER))
        .add("file_name", RelTypes.nullable(f, SqlTypeName.VARCHAR))
        .add("content_type", RelTypes.nullable(f, SqlTypeName.VARCHAR))
        .add("content", RelTypes.nullable(f, SqlTypeName.VARBINARY))
        .build();
  }

  @Override
  public Statistic getStatistic() {
    double files = Math.max(1, fileFields.size() * (double) session.snapshot().rowEstimate());
    // No keys: Calcite misreads them once a scan projects columns (see RecordExportTable).
    return Statistics.of(files, List.of());
  }

  @Override
  public Schema.TableType getJdbcTableType() {
    return Schema.TableType.TABLE;
  }

  @Override
  public String remarks() {
    return "Files stored in file-upload and signature fields: one row per file; content is"
        + " downloaded only for rows that are read with it";
  }

  @Override
  public String columnRemarks(String column) {
    switch (column.toLowerCase(java.util.Locale.ROOT)) {
      case "record":
        return "The record ID";
      case "field":
        return "The file-upload field";
      case "event":
        return "The unique event name; NULL in classic projects";
      case "instance":
        return "The repeat instance; NULL on rows that do not repeat";
      case "file_name":
        return "The stored file's name";
      case "content_type":
        return "The file's MIME type (downloads the file)";
      case "content":
        return "The file's bytes (downloads the file)";
      default:
        return null;
    }
  }

  /**
   * A key's columns must be NOT NULL, and {@code event} and {@code instance} are nullable (NULL in
   * classic projects and on rows that do not repeat; INSERT asks for an event itself, with its
   * own message). So the key is record and field in a classic project where nothing repeats, and
   * there is none otherwise (record and field alone do not identify a file there).
   */
  @Override
  public List<String> primaryKey() {
    ProjectModel model = session.model();
    return model.isLongitudinal() || model.hasRepeatingInstrumentsOrEvents()
        ? List.of()
        : List.of("record", "field");
  }

  /** A file is addressed by record, field, event and instance. */
  @Override
  public List<Integer> matchedRowColumns() {
    return List.of(RECORD, FIELD, EVENT, INSTANCE);
  }

  /** INSERT uploads, DELETE deletes ({@link FileWrite}); UPDATE is refused. */
  @Override
  public TableWriter writer(TableModify.Operation operation, List<String> updateColumns) {
    String table = session.metaSchema() + ".files";
    switch (operation) {
      case INSERT:
        return new FileWrite(
            session, "INSERT into " + table, operation, new LinkedHashSet<>(fileFields));
      case DELETE:
        return new FileWrite(
            session, "DELETE from " + table, operation, new LinkedHashSet<>(fileFields));
      default:
        return new RefusedWrite(
            operation + " of " + table,
            "a stored file is replaced by"
                + " INSERTing the new one at the same record, field, event and instance (REDCap"
                + " keeps one file per place), and removed by DELETE.",
            "0A000");
    }
  }

  @Override
  public Enumerable<Object[]> scan(DataContext root, List<RexNode> filters, int[] projects) {
    int[] columns = projects != null ? projects : new int[] {0, 1, 2, 3, 4, 5, 6};
    Set<String> records = null;
    Set<String> fields = new LinkedHashSet<>(fileFields);
    Set<String> events = null;
    if (session.config().pushdown()) {
      for (RexNode entry : filters) {
        for (RexNode conjunct : RelOptUtil.conjunctions(entry)) {
          Optional<Set<String>> v = FilterTranslator.equalityValues(conjunct, RECORD, root::get);
          if (v.isPresent()) {
            records = records == null ? new LinkedHashSet<>(v.get()) : retain(records, v.get());
          }
          FilterTranslator.equalityValues(conjunct, FIELD, root::get).ifPresent(fields::retainAll);
          Optional<Set<String>> e = FilterTranslator.equalityValues(conjunct, EVENT, root::get);
          if (e.isPresent()) {
            events = events == null ? new LinkedHashSet<>(e.get()) : retain(events, e.get());
          }
        }
      }
      if (events != null) {
        events.removeIf(name -> session.model().event(name).isEmpty());
      }
    }
    if (fields.isEmpty()
        || (records != null && records.isEmpty())
        || (events != null && events.isEmpty())) {
      return Linq4j.emptyEnumerable();
    }
    ProjectModel model = session.model();
    String recordId = model.recordIdField().name();
    RecordExportRequest.Builder request =
        RecordExportRequest.builder().fields(new ArrayList<>(fields)).recordIdField(recordId);
    if (records != null) {
      request.records(new ArrayList<>(records));
    }
    if (events != null) {
      request.events(new ArrayList<>(events));
    }
    boolean download = false;
    for (int c : columns) {
      download |= c == CONTENT_TYPE || c == CONTENT;
    }
    return new FileRows(request.build(), List.copyOf(fields), columns, download, root);
  }

  private static Set<String> retain(Set<String> set, Set<String> other) {
    set.retainAll(other);
    return set;
  }

  /** The listing export, flattened to one row per stored file. */
  private final class FileRows extends AbstractEnumerable<Object[]> {
    private final RecordExportRequest request;
    private final List<String> fields;
    private final int[] columns;
    private final boolean download;
    private final DataContext root;

    FileRows(
        RecordExportRequest request,
        List<String> fields,
        int[] columns,
        boolean download,
        DataContext root) {
      this.request = request;
      this.fields = fields;
      this.columns = columns;
      this.download = download;
      this.root = root;
    }

    @Override
    public Enumerator<Object[]> enumerator() {
      ProjectModel model = session.model();
      List<String> bind = new ArrayList<>();
      bind.add(model.recordIdField().name());
      bind.add(PseudoColumns.EVENT_NAME);
      bind.add(PseudoColumns.REPEAT_INSTANCE);
      bind.addAll(fields);
      RecordCursor cursor = session.client().records().export(request);
      cursor.bind(bind);
      QueryCancel cancel = QueryCancel.of(root, "content=file");
      return new Enumerator<>() {
        private int nextField = fields.size();
        private Object[] current;

        @Override
        public Object[] current() {
          return current;
        }

        @Override
        public boolean moveNext() {
          while (true) {
            if (cancel.requested()) {
              cursor.close();
              throw cancel.exception();
            }
            while (nextField < fields.size()) {
              int f = nextField++;
              String fileName = cursor.value(3 + f);
              if (fileName != null) {
                current =
                    row(cursor.value(0), fields.get(f), cursor.value(1), cursor.value(2), fileName);
                return true;
              }
            }
            if (!cursor.next()) {
              cursor.close();
              return false;
            }
            nextField = 0;
          }
        }

        @Override
        public void reset() {
          throw new UnsupportedOperationException("meta.files is read once per scan");
        }

        @Override
        public void close() {
          cursor.close();
        }
      };
    }

    private Object[] row(
        String record, String field, String event, String instance, String fileName) {
      Integer repeat = instance == null ? null : Integer.valueOf(instance);
      FileContent file =
          download
              ? session.client().files().exportFile(FileAddress.of(record, field, event, repeat))
              : null;
      Object[] row = new Object[columns.length];
      for (int i = 0; i < columns.length; i++) {
        switch (columns[i]) {
          case RECORD:
            row[i] = record;
            break;
          case FIELD:
            row[i] = field;
            break;
          case EVENT:
            row[i] = event;
            break;
          case INSTANCE:
            row[i] = repeat;
            break;
          case FILE_NAME:
            row[i] = fileName;
            break;
          case CONTENT_TYPE:
            row[i] = file.mimeType();
            break;
          case CONTENT:
            row[i] = new ByteString(file.content());
            break;
          default:
            throw new IllegalStateException("column " + columns[i]);
        }
      }
      return row;
    }
  }
}
