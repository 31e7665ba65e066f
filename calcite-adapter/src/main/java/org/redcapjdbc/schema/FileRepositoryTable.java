package org.redcapjdbc.schema;

import static java.util.Objects.requireNonNull;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
import org.apache.calcite.sql2rel.InitializerExpressionFactory;
import org.redcapjdbc.client.FileContent;
import org.redcapjdbc.client.RedcapException;
import org.redcapjdbc.client.RedcapException.Kind;
import org.redcapjdbc.filter.FilterTranslator;
import org.redcapjdbc.plan.InsertDefaults;
import org.redcapjdbc.plan.RuleRegisteringTable;
import org.redcapjdbc.plan.TableWriter;
import org.redcapjdbc.plan.WritableTable;

/**
 * {@code meta.file_repository}: the project's File Repository ({@code content=fileRepository}),
 * one row per folder and per file, found by listing the top level and then each folder (one
 * request per folder, each made when the rows before it were read). A file's bytes, type and
 * size are downloaded only for rows read with those columns, after {@code doc_id} and
 * {@code kind} equalities narrowed the rows. INSERT uploads a file into a folder (or creates a
 * folder), DELETE removes files ({@link FileRepositoryWrite}). Needs the File Repository right.
 */
final class FileRepositoryTable extends AbstractTable
    implements ProjectableFilterableTable, RuleRegisteringTable, RedcapTableInfo, WritableTable {
  static final List<String> COLUMNS =
      List.of(
          "kind",
          "folder_id",
          "doc_id",
          "name",
          "path",
          "parent_folder_id",
          "size",
          "content_type",
          "content");
  static final int KIND = 0;
  static final int FOLDER_ID = 1;
  static final int DOC_ID = 2;
  static final int NAME = 3;
  static final int PATH = 4;
  static final int PARENT = 5;
  static final int SIZE = 6;
  static final int CONTENT_TYPE = 7;
  static final int CONTENT = 8;

  private final ProjectSession session;

  FileRepositoryTable(ProjectSession session) {
    this.session = requireNonNull(session, "session");
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory f) {
    return f.builder()
        .add("kind", f.createSqlType(SqlTypeName.VARCHAR))
        .add("folder_id", RelTypes.nullable(f, SqlTypeName.BIGINT))
        .add("doc_id", RelTypes.nullable(f, SqlTypeName.BIGINT))
        .add("name", f.createSqlType(SqlTypeName.VARCHAR))
        .add("path", f.createSqlType(SqlTypeName.VARCHAR))
        .add("parent_folder_id", RelTypes.nullable(f, SqlTypeName.BIGINT))
        .add("size", RelTypes.nullable(f, SqlTypeName.BIGINT))
        .add("content_type", RelTypes.nullable(f, SqlTypeName.VARCHAR))
        .add("content", RelTypes.nullable(f, SqlTypeName.VARBINARY))
        .build();
  }

  @Override
  public Statistic getStatistic() {
    return Statistics.of(100d, List.of());
  }

  @Override
  public Schema.TableType getJdbcTableType() {
    return Schema.TableType.TABLE;
  }

  @Override
  public String remarks() {
    return "The File Repository (content=fileRepository): one row per folder and file, listed"
        + " folder by folder; a file's content is downloaded only for rows read with it";
  }

  @Override
  public String columnRemarks(String column) {
    switch (column.toLowerCase(Locale.ROOT)) {
      case "kind":
        return "folder or file";
      case "folder_id":
        return "The folder's id (folder rows)";
      case "doc_id":
        return "The file's id (file rows)";
      case "name":
        return "The folder's or file's name";
      case "path":
        return "Folder names from the top level down to this one, joined by /";
      case "parent_folder_id":
        return "The folder this one is in; NULL at the top level";
      case "size":
        return "The file's size in bytes (downloads the file)";
      case "content_type":
        return "The file's MIME type (downloads the file)";
      case "content":
        return "The file's bytes (downloads the file)";
      default:
        return null;
    }
  }

  /** No key: folder and file ids are each NULL on the other kind's rows, and names may repeat. */
  @Override
  public List<String> primaryKey() {
    return List.of();
  }

  @Override
  public List<Integer> matchedRowColumns() {
    return List.of(KIND, DOC_ID, NAME);
  }

  @Override
  public TableWriter writer(TableModify.Operation operation, List<String> updateColumns) {
    String table = session.metaSchema() + ".file_repository";
    switch (operation) {
      case INSERT:
        return new FileRepositoryWrite(session, "INSERT into " + table, operation);
      case DELETE:
        return new FileRepositoryWrite(session, "DELETE from " + table, operation);
      default:
        return new RefusedWrite(
            operation + " of " + table,
            "REDCap's API cannot rename or move repository files; DELETE the file and INSERT"
                + " it again.",
            "0A000");
    }
  }

  /** INSERT may leave out kind (a file when content is given) and path (the folder's). */
  @Override
  public <C> C unwrap(Class<C> type) {
    if (type == InitializerExpressionFactory.class) {
      return type.cast(new InsertDefaults(Map.of(KIND, "", PATH, "")));
    }
    return super.unwrap(type);
  }

  @Override
  public Enumerable<Object[]> scan(DataContext root, List<RexNode> filters, int[] projects) {
    int[] columns = projects;
    if (columns == null) {
      columns = new int[COLUMNS.size()];
      for (int i = 0; i < columns.length; i++) {
        columns[i] = i;
      }
    }
    Set<String> docIds = null;
    Set<String> kinds = null;
    for (RexNode entry : filters) {
      for (RexNode conjunct : RelOptUtil.conjunctions(entry)) {
        Optional<Set<String>> d = FilterTranslator.equalityValues(conjunct, DOC_ID, root::get);
        if (d.isPresent()) {
          docIds = intersect(docIds, d.get());
        }
        Optional<Set<String>> k = FilterTranslator.equalityValues(conjunct, KIND, root::get);
        if (k.isPresent()) {
          kinds = intersect(kinds, k.get());
        }
      }
    }
    if ((docIds != null && docIds.isEmpty()) || (kinds != null && kinds.isEmpty())) {
      return Linq4j.emptyEnumerable();
    }
    boolean download = false;
    for (int c : columns) {
      download |= c == SIZE || c == CONTENT_TYPE || c == CONTENT;
    }
    int[] selected = columns;
    Set<String> wantedDocs = docIds;
    Set<String> wantedKinds = kinds;
    boolean fetch = download;
    return new AbstractEnumerable<>() {
      @Override
      public Enumerator<Object[]> enumerator() {
        return new Walk(root, selected, wantedDocs, wantedKinds, fetch);
      }
    };
  }

  private static Set<String> intersect(Set<String> current, Set<String> more) {
    if (current == null) {
      return new LinkedHashSet<>(more);
    }
    current.retainAll(more);
    return current;
  }

  /** A folder still to list: its id (null for the top level) and path. */
  private record Pending(Long folderId, String path) {}

  /** The repository, folder by folder (breadth first). */
  private final class Walk implements Enumerator<Object[]> {
    private final int[] columns;
    private final Set<String> docIds;
    private final Set<String> kinds;
    private final boolean download;
    private final QueryCancel cancel;
    private final Deque<Pending> folders = new ArrayDeque<>();
    private Pending listing;
    private Iterator<Map<String, String>> entries = java.util.Collections.emptyIterator();
    private Object[] current;

    Walk(DataContext root, int[] columns, Set<String> docIds, Set<String> kinds, boolean download) {
      this.columns = columns;
      this.docIds = docIds;
      this.kinds = kinds;
      this.download = download;
      this.cancel = QueryCancel.of(root, "content=fileRepository");
      folders.add(new Pending(null, ""));
    }

    @Override
    public Object[] current() {
      return current;
    }

    @Override
    public boolean moveNext() {
      while (true) {
        cancel.check();
        while (!entries.hasNext()) {
          listing = folders.poll();
          if (listing == null) {
            return false;
          }
          entries =
              session
                  .client()
                  .files()
                  .listRepository(
                      listing.folderId() == null ? null : Math.toIntExact(listing.folderId()))
                  .iterator();
        }
        Map<String, String> e = entries.next();
        Long folderId = number(e.get("folder_id"));
        Long docId = number(e.get("doc_id"));
        String name = e.get("name") == null ? "" : e.get("name");
        String path = listing.path().isEmpty() ? name : listing.path() + "/" + name;
        if (folderId == null && docId == null) {
          throw new RedcapException(
              Kind.PROTOCOL,
              200,
              "content=fileRepository",
              null,
              "REDCap listed a repository entry ('"
                  + name
                  + "') with neither a folder_id nor a doc_id; the listing cannot be read.",
              null);
        }
        String kind = folderId != null ? "folder" : "file";
        if (folderId != null) {
          folders.add(new Pending(folderId, path));
        }
        if ((kinds != null && !kinds.contains(kind))
            || (docIds != null && (docId == null || !docIds.contains(docId.toString())))) {
          continue;
        }
        FileContent file =
            download && docId != null ? session.client().files().exportRepositoryFile(docId) : null;
        Object[] row = new Object[columns.length];
        for (int i = 0; i < columns.length; i++) {
          row[i] =
              switch (columns[i]) {
                case KIND -> kind;
                case FOLDER_ID -> folderId;
                case DOC_ID -> docId;
                case NAME -> name;
                case PATH -> path;
                case PARENT -> listing.folderId();
                case SIZE -> file == null ? null : (long) file.content().length;
                case CONTENT_TYPE -> file == null ? null : file.mimeType();
                case CONTENT -> file == null ? null : new ByteString(file.content());
                default -> throw new IllegalStateException("column " + columns[i]);
              };
        }
        current = row;
        return true;
      }
    }

    @Override
    public void reset() {
      throw new UnsupportedOperationException("meta.file_repository is read once per scan");
    }

    @Override
    public void close() {
      folders.clear();
      entries = java.util.Collections.emptyIterator();
    }
  }

  private static Long number(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Long.valueOf(text.strip());
    } catch (NumberFormatException e) {
      throw new RedcapException(
          Kind.PROTOCOL,
          200,
          "content=fileRepository",
          null,
          "REDCap listed a repository id '" + text + "' that is not a number.",
          e);
    }
  }
}
