package org.apache.calcite.jdbc;

import java.sql.BatchUpdateException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Types;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TimeZone;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaDatabaseMetaData;
import org.apache.calcite.avatica.AvaticaFactory;
import org.apache.calcite.avatica.AvaticaPreparedStatement;
import org.apache.calcite.avatica.AvaticaResultSet;
import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.NoSuchStatementException;
import org.apache.calcite.avatica.QueryState;
import org.apache.calcite.avatica.UnregisteredDriver;
import org.apache.calcite.avatica.util.AbstractCursor;
import org.apache.calcite.avatica.util.Cursor;
import org.redcapjdbc.jdbc.RowTap;
import org.redcapjdbc.jdbc.TemporalValues;
import org.redcapjdbc.schema.GeneratedKeys;
import org.redcapjdbc.schema.QueryWarnings;
import org.redcapjdbc.schema.RedcapSession;
import org.redcapjdbc.schema.RedcapWriteException;
import org.redcapjdbc.schema.SqlErrors;
import org.redcapjdbc.schema.WriteBatch;

/**
 * Creates the driver's JDBC objects: Calcite's, except that a connection holds its REDCap session
 * (so {@code isValid} really asks the server and {@code close} releases HTTP resources) and
 * {@code DatabaseMetaData} reports the server's REDCap version and the read-only setting.
 *
 * <p>In Calcite's package for the same reason as {@link RedcapMetaImpl}: the connection class it
 * extends is package-private.
 */
public final class RedcapJdbcFactory extends CalciteFactory {
  /** Calcite's own factory makes statements, prepared statements and result sets. */
  private final CalciteJdbc41Factory calcite = new CalciteJdbc41Factory();

  public RedcapJdbcFactory() {
    super(4, 1);
  }

  @Override
  public AvaticaConnection newConnection(
      UnregisteredDriver driver,
      AvaticaFactory factory,
      String url,
      Properties info,
      CalciteSchema rootSchema,
      JavaTypeFactory typeFactory) {
    return new RedcapConnection((Driver) driver, factory, url, info, rootSchema, typeFactory);
  }

  @Override
  public AvaticaDatabaseMetaData newDatabaseMetaData(AvaticaConnection connection) {
    return new RedcapDatabaseMetaData((RedcapConnection) connection);
  }

  @Override
  public AvaticaStatement newStatement(
      AvaticaConnection connection,
      Meta.StatementHandle h,
      int resultSetType,
      int resultSetConcurrency,
      int resultSetHoldability)
      throws SQLException {
    return new RedcapStatements.RedcapStatement(
        (CalciteConnectionImpl) connection,
        h,
        resultSetType,
        resultSetConcurrency,
        resultSetHoldability);
  }

  @Override
  public AvaticaPreparedStatement newPreparedStatement(
      AvaticaConnection connection,
      Meta.StatementHandle h,
      Meta.Signature signature,
      int resultSetType,
      int resultSetConcurrency,
      int resultSetHoldability)
      throws SQLException {
    return new RedcapStatements.RedcapPreparedStatement(
        (CalciteConnectionImpl) connection,
        h,
        (CalcitePrepare.CalciteSignature<?>) signature,
        resultSetType,
        resultSetConcurrency,
        resultSetHoldability);
  }

  /** The cancel flag Calcite puts into the statement's executions (the key of its state). */
  static AtomicBoolean cancelFlag(AvaticaStatement statement) throws SQLException {
    try {
      return statement
          .getConnection()
          .unwrap(AvaticaConnection.class)
          .getCancelFlag(statement.handle);
    } catch (NoSuchStatementException e) {
      throw new SQLException("The statement is no longer known to its connection", e);
    }
  }

  @Override
  public AvaticaResultSet newResultSet(
      AvaticaStatement statement,
      QueryState state,
      Meta.Signature signature,
      TimeZone timeZone,
      Meta.Frame firstFrame)
      throws SQLException {
    ResultSetMetaData metaData = newResultSetMetaData(statement, signature);
    return new RedcapResultSet(
        statement, (CalcitePrepare.CalciteSignature<?>) signature, metaData, timeZone, firstFrame);
  }

  @Override
  public ResultSetMetaData newResultSetMetaData(
      AvaticaStatement statement, Meta.Signature signature) throws SQLException {
    return calcite.newResultSetMetaData(statement, signature);
  }

  /** A Calcite connection bound to one REDCap project. */
  public static final class RedcapConnection extends CalciteConnectionImpl {
    private static final org.slf4j.Logger LOG =
        org.slf4j.LoggerFactory.getLogger(RedcapConnection.class);
    private volatile RedcapSession session;

    RedcapConnection(
        Driver driver,
        AvaticaFactory factory,
        String url,
        Properties info,
        CalciteSchema rootSchema,
        JavaTypeFactory typeFactory) {
      super(driver, factory, url, info, rootSchema, typeFactory);
      makeStatementMapConcurrent();
    }

    /**
     * Calcite 1.42 keeps a connection's server-side statements in a plain {@code HashMap}
     * ({@code CalciteServerImpl.statementMap}), written whenever a statement (including the one
     * behind each {@code DatabaseMetaData} call) is created or closed and read by every new
     * statement. Two threads using one connection (a tool browsing metadata while a query
     * streams) could corrupt it, and a new statement then fails with Avatica's "no statement".
     * JDBC connections are expected to be usable from several threads, so the map is replaced by a
     * concurrent one holding the same entries. The field is final and package-private, hence
     * reflection; should a later Calcite change it, the connection still works as Calcite's own.
     */
    private void makeStatementMapConcurrent() {
      try {
        java.lang.reflect.Field field = server.getClass().getDeclaredField("statementMap");
        field.setAccessible(true);
        Object current = field.get(server);
        if (current instanceof java.util.Map<?, ?> map
            && !(current instanceof java.util.concurrent.ConcurrentMap)) {
          field.set(server, new java.util.concurrent.ConcurrentHashMap<>(map));
        }
      } catch (ReflectiveOperationException | RuntimeException e) {
        LOG.debug("Calcite's statement map stays as it is: {}", e.toString());
      }
    }

    /** Warnings about how the connection was opened (unknown properties); null when none. */
    private SQLWarning warnings;

    /** Adds a warning that {@link #getWarnings()} reports until it is cleared. */
    public synchronized void addWarning(SQLWarning warning) {
      if (warnings == null) {
        warnings = warning;
      } else {
        warnings.setNextWarning(warning);
      }
    }

    @Override
    public synchronized SQLWarning getWarnings() throws SQLException {
      checkOpen();
      return warnings;
    }

    @Override
    public synchronized void clearWarnings() throws SQLException {
      checkOpen();
      warnings = null;
    }

    /** The tapped rows of the statement's latest execution (see {@link RedcapMetaImpl}). */
    RowTap takeRowTap(Meta.StatementHandle handle) {
      return meta instanceof RedcapMetaImpl m ? m.takeRowTap(handle) : null;
    }

    /** Called once by the driver after the project's schemas are attached. */
    public void attachSession(RedcapSession session) {
      this.session = session;
    }

    /** The REDCap session, or null before the driver attached it. */
    public RedcapSession session() {
      return session;
    }

    /** Asks REDCap itself, within the timeout (0 means the driver's connect timeout). */
    @Override
    public boolean isValid(int timeout) throws SQLException {
      if (timeout < 0) {
        throw new SQLException("isValid timeout must be 0 or more seconds, not " + timeout);
      }
      RedcapSession s = session;
      if (isClosed() || s == null) {
        return false;
      }
      Duration limit = timeout == 0 ? s.config().connectTimeout() : Duration.ofSeconds(timeout);
      return s.isReachable(limit);
    }

    /**
     * No user-defined type mappings, as an empty map: Avatica throws instead, which tools such as
     * SchemaCrawler log as a warning on every crawl.
     */
    @Override
    public Map<String, Class<?>> getTypeMap() throws SQLException {
      checkOpen();
      return new HashMap<>();
    }

    /** Asking for generated keys is accepted; an auto-numbered INSERT always keeps them. */
    @Override
    public PreparedStatement prepareStatement(String sql, int autoGeneratedKeys)
        throws SQLException {
      return prepareStatement(sql);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int[] columnIndexes) throws SQLException {
      return prepareStatement(sql);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, String[] columnNames)
        throws SQLException {
      return prepareStatement(sql);
    }

    /** The generated keys of a statement as a one-column result set. */
    ResultSet generatedKeys(GeneratedKeys.Keys keys) throws SQLException {
      return createResultSet(
          ((RedcapMetaImpl) meta).textColumn(keys.column(), keys.values()), new QueryState());
    }

    /**
     * A batch runs inside a {@link WriteBatch}: its INSERTs are imported together at the end, in
     * as few calls as {@code importBatchSize} allows, and a failure is a
     * {@link BatchUpdateException} with the counts of the statements completely written.
     */
    @Override
    protected long[] executeBatchUpdateInternal(AvaticaPreparedStatement statement)
        throws SQLException {
      return inWriteBatch(statement, () -> super.executeBatchUpdateInternal(statement));
    }

    @Override
    protected Meta.ExecuteBatchResult prepareAndUpdateBatch(
        AvaticaStatement statement, List<String> queries) throws SQLException {
      return new Meta.ExecuteBatchResult(
          inWriteBatch(
              statement, () -> super.prepareAndUpdateBatch(statement, queries).updateCounts));
    }

    /** A batch execution. */
    private interface BatchCall {
      long[] run() throws SQLException, NoSuchStatementException;
    }

    private long[] inWriteBatch(AvaticaStatement statement, BatchCall call) throws SQLException {
      AtomicBoolean flag = cancelFlag(statement);
      flag.set(false); // a cancel of an earlier execution does not stop this batch
      WriteBatch batch = WriteBatch.open(flag);
      long[] counts = null;
      try {
        counts = call.run();
        batch.flush();
        return counts;
      } catch (SQLException | NoSuchStatementException | RuntimeException e) {
        RedcapWriteException write = writeFailure(e);
        int done = batch.completedCommands();
        long[] completed =
            counts == null ? new long[0] : Arrays.copyOf(counts, Math.min(done, counts.length));
        String message = write != null ? write.getMessage() : e.getMessage();
        if (write == null && counts != null) {
          message = "The batch failed after its statements ran: " + message;
        }
        throw new BatchUpdateException(
            message, write == null ? null : write.sqlState(), 0, completed, e);
      } finally {
        batch.close();
      }
    }

    private static RedcapWriteException writeFailure(Throwable e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof RedcapWriteException w) {
          return w;
        }
      }
      return null;
    }

    @Override
    public void close() throws SQLException {
      try {
        super.close();
      } finally {
        RedcapSession s = session;
        if (s != null) {
          s.close();
        }
      }
    }
  }

  /**
   * A result set that reports the warnings its query recorded (e.g. a stored value that did not
   * parse as its column's type and reads as NULL). Avatica's own always answers null.
   */
  static final class RedcapResultSet extends CalciteResultSet {
    private final AtomicBoolean cancelFlag;

    /** Per column: what {@link #getObject(int)} does itself (see {@link #columnKinds()}). */
    private Class<?>[] columnKinds;

    private TemporalValues temporalValues;

    /** The rows of this execution as they pass to the cursor; null: read through accessors. */
    private RowTap rowTap;

    /** The cursor's {@code wasNull} flag (see {@link #wasNullFlag}). */
    private boolean[] cursorWasNull;

    /** Whether the cursor is on a row ({@code next()} returned true and nothing closed it). */
    private boolean onRow;

    RedcapResultSet(
        AvaticaStatement statement,
        CalcitePrepare.CalciteSignature<?> signature,
        ResultSetMetaData metaData,
        TimeZone timeZone,
        Meta.Frame firstFrame)
        throws SQLException {
      super(statement, signature, metaData, timeZone, firstFrame);
      AtomicBoolean flag;
      try {
        flag =
            statement
                .getConnection()
                .unwrap(AvaticaConnection.class)
                .getCancelFlag(statement.handle);
      } catch (NoSuchStatementException e) {
        flag = null;
      }
      this.cancelFlag = flag;
    }

    @Override
    protected CalciteResultSet execute() throws SQLException {
      // Warnings belong to one execution of the statement, not to every run before it.
      if (cancelFlag != null) {
        QueryWarnings.clear(cancelFlag);
      }
      onRow = false;
      super.execute();
      rowTap =
          statement.connection instanceof RedcapConnection c
              ? c.takeRowTap(statement.handle)
              : null;
      cursorWasNull = rowTap == null ? null : wasNullFlag(cursor);
      if (cursorWasNull == null) {
        rowTap = null;
      }
      return this;
    }

    /**
     * The flag behind the cursor's {@code wasNull()}, which a value read straight from the row
     * must set as the cursor's accessor would; null if this Avatica keeps it elsewhere, and then
     * every value is read through the accessors.
     */
    private static boolean[] wasNullFlag(Cursor cursor) {
      if (!(cursor instanceof AbstractCursor)) {
        return null;
      }
      try {
        java.lang.reflect.Field field = AbstractCursor.class.getDeclaredField("wasNull");
        field.setAccessible(true);
        return field.get(cursor) instanceof boolean[] flag && flag.length == 1 ? flag : null;
      } catch (ReflectiveOperationException | RuntimeException e) {
        return null;
      }
    }

    /**
     * Rows arrive while {@code next()} runs, so a REDCap export can fail here, after the first
     * rows: that failure is an SQLException like any other (see
     * {@link SqlErrors#readFailure}), and the
     * result set is closed, so that a caller who ignores it cannot mistake the rows read so far
     * for the whole answer.
     */
    @Override
    public boolean next() throws SQLException {
      onRow = false;
      try {
        return onRow = super.next();
      } catch (RuntimeException e) {
        SQLException failure = SqlErrors.readFailure(signature.sql, e);
        try {
          close();
        } catch (RuntimeException closing) {
          failure.addSuppressed(closing);
        }
        throw failure;
      }
    }

    /**
     * Faster reads of the columns a scan produces, with the values Avatica's own {@code
     * getObject} gives: DATE and TIMESTAMP columns held as numbers through {@link
     * TemporalValues}; VARCHAR, BIGINT, INTEGER, SMALLINT, DOUBLE, BOOLEAN and DECIMAL columns
     * whose row value is already of the class Avatica would return, as that value (Avatica would
     * unbox and box it again). Every other column, and any value of another class, goes to
     * Avatica. Values are read from the row the cursor is on ({@link RowTap}), not through the
     * cursor's accessor and getter: the two calls per value were a fifth of the client CPU of
     * reading a whole table (docs/benchmarks.md, section 8).
     */
    @Override
    public Object getObject(int columnIndex) throws SQLException {
      Class<?>[] kinds = columnKinds;
      if (kinds == null) {
        if (accessorList == null) {
          return super.getObject(columnIndex);
        }
        kinds = columnKinds = columnKinds();
      }
      Class<?> kind;
      if (columnIndex < 1
          || columnIndex > kinds.length
          || (kind = kinds[columnIndex - 1]) == null) {
        return super.getObject(columnIndex);
      }
      checkOpen();
      RowTap tap = rowTap;
      if (tap != null && onRow && tap.current() instanceof Object[] row) {
        // Straight from the row the cursor is on: what its accessor would read, less two calls.
        Object value = row[columnIndex - 1];
        cursorWasNull[0] = value == null;
        if (value == null) {
          return null;
        }
        if (kind == java.sql.Date.class || kind == java.sql.Timestamp.class) {
          if (!(value instanceof Number number)) {
            return super.getObject(columnIndex);
          }
          return temporal(kind, number.longValue());
        }
        return value.getClass() == kind ? value : super.getObject(columnIndex);
      }
      Cursor.Accessor accessor = accessorList.get(columnIndex - 1);
      if (kind == java.sql.Date.class || kind == java.sql.Timestamp.class) {
        long value = accessor.getLong();
        if (accessor.wasNull()) {
          return null;
        }
        return temporal(kind, value);
      }
      Object value = accessor.getObject();
      return value == null || value.getClass() == kind ? value : super.getObject(columnIndex);
    }

    /** A DATE (days) or TIMESTAMP (milliseconds) value as Avatica's {@code getObject} gives it. */
    private Object temporal(Class<?> kind, long value) {
      if (temporalValues == null) {
        temporalValues = new TemporalValues(localCalendar);
      }
      return kind == java.sql.Date.class
          ? temporalValues.date((int) value)
          : temporalValues.timestamp(value);
    }

    /** Per column: the class {@link #getObject(int)} returns itself, or null for Avatica's way. */
    private Class<?>[] columnKinds() {
      Class<?>[] kinds = new Class<?>[accessorList.size()];
      for (int i = 0; i < kinds.length; i++) {
        kinds[i] =
            kindOf(
                columnMetaDataList.get(i).type.id, accessorList.get(i).getClass().getSimpleName());
      }
      return kinds;
    }

    private static Class<?> kindOf(int type, String accessor) {
      switch (type) {
        case Types.DATE:
          return accessor.equals("DateFromNumberAccessor") ? java.sql.Date.class : null;
        case Types.TIMESTAMP:
          return accessor.equals("TimestampFromNumberAccessor") ? java.sql.Timestamp.class : null;
        case Types.VARCHAR:
          return accessor.equals("StringAccessor") ? String.class : null;
        case Types.BIGINT:
          return accessor.equals("LongAccessor") ? Long.class : null;
        case Types.INTEGER:
          return accessor.equals("IntAccessor") ? Integer.class : null;
        case Types.SMALLINT:
          return accessor.equals("ShortAccessor") ? Short.class : null;
        case Types.DOUBLE:
          return accessor.equals("DoubleAccessor") ? Double.class : null;
        case Types.BOOLEAN:
          return accessor.equals("BooleanAccessor") ? Boolean.class : null;
        case Types.DECIMAL:
          return accessor.equals("NumberAccessor") ? java.math.BigDecimal.class : null;
        default:
          return null;
      }
    }

    @Override
    public SQLWarning getWarnings() throws SQLException {
      checkOpen();
      return cancelFlag == null ? null : QueryWarnings.chain(cancelFlag);
    }

    @Override
    public void clearWarnings() throws SQLException {
      checkOpen();
      if (cancelFlag != null) {
        QueryWarnings.clear(cancelFlag);
      }
    }
  }

  /** Product name and version come from REDCap, not from Calcite. */
  static final class RedcapDatabaseMetaData extends AvaticaDatabaseMetaData {
    private final RedcapConnection connection;

    RedcapDatabaseMetaData(RedcapConnection connection) {
      super(connection);
      this.connection = connection;
    }

    @Override
    public String getDatabaseProductVersion() throws SQLException {
      RedcapSession s = connection.session();
      return s == null ? super.getDatabaseProductVersion() : s.serverVersion();
    }

    @Override
    public int getDatabaseMajorVersion() throws SQLException {
      return versionPart(getDatabaseProductVersion(), 0);
    }

    @Override
    public int getDatabaseMinorVersion() throws SQLException {
      return versionPart(getDatabaseProductVersion(), 1);
    }

    @Override
    public boolean isReadOnly() throws SQLException {
      RedcapSession s = connection.session();
      return s != null && s.config().readOnly();
    }

    @Override
    public String getUserName() {
      // REDCap identifies the caller by token; there is no user name to report.
      return null;
    }

    static int versionPart(String version, int index) {
      if (version == null) {
        return 0;
      }
      String[] parts = version.trim().split("\\.");
      if (index >= parts.length) {
        return 0;
      }
      String digits = parts[index].replaceAll("[^0-9].*$", "");
      try {
        return digits.isEmpty() ? 0 : Integer.parseInt(digits);
      } catch (NumberFormatException e) {
        return 0;
      }
    }
  }
}
