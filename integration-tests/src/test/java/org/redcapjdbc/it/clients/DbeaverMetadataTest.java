package org.redcapjdbc.it.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Driver;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redcapjdbc.emulator.EmulatedProject;

/**
 * The DatabaseMetaData, connection and statement calls DBeaver's Generic mode makes, replayed
 * item by item from the checklist in {@code docs/dbeaver-compatibility.md} §8 on a driver instance
 * made the way DBeaver makes it (public no-argument constructor, {@code Driver.connect} called
 * directly). The demo study has more than 200 records and two schemas' worth of tables; a small
 * project adds instrument names that tools trip over ({@code visit_1} beside {@code visitx1},
 * {@code order}, {@code group}).
 */
class DbeaverMetadataTest {
  private static final Pattern WILDCARD_CLASH_SAFE = Pattern.compile("[A-Za-z0-9_]+");
  private static final Set<String> FORBIDDEN_TABLE_TYPES =
      Set.of("INDEX", "SEQUENCE", "TYPE", "SYSTEM INDEX", "SYSTEM SEQUENCE", "TRIGGER");

  private static Driver driver;
  private static String url;
  private static EmulatedProject demo;
  private static EmulatedProject awkward;

  /** DBeaver's three connections: main, metadata, SQL editor. */
  private static Connection main;

  private static Connection meta;
  private static Connection editor;

  @BeforeAll
  static void connectLikeDbeaver() throws Exception {
    demo = ClientProjects.demo();
    awkward = ClientProjects.awkwardNames();
    url = ClientProjects.url();
    driver =
        (Driver) Class.forName("org.redcapjdbc.jdbc.RedcapDriver").getConstructor().newInstance();
    main = open(demo, false);
    meta = open(demo, true);
    editor = open(demo, false);
  }

  /** Steps 1.1 to 1.10 of docs/dbeaver-compatibility.md §a, for a "Development" connection. */
  private static Connection open(EmulatedProject project, boolean forceAutoCommit)
      throws SQLException {
    assertThat(driver.acceptsURL(url)).as("acceptsURL").isTrue();
    Connection c = driver.connect(url, ClientProjects.token(project));
    assertThat(c).as("Driver.connect").isNotNull();
    c.setAutoCommit(true);
    assertThat(c.getAutoCommit()).isTrue();
    String catalog = c.getCatalog();
    if (catalog == null || catalog.isEmpty()) {
      assertThat(c.getSchema()).as("getSchema").isEqualTo("redcap");
    }
    return c;
  }

  @AfterAll
  static void disconnect() throws SQLException {
    for (Connection c : new Connection[] {main, meta, editor}) {
      if (c != null) {
        c.rollback(); // DBeaver rolls back at disconnect
        c.close();
      }
    }
  }

  // ---------------------------------------------------------------- connect

  @Test
  void driverIsMadeAndDescribedLikeDbeaverDoes() throws Exception {
    Driver d =
        (Driver) Class.forName("org.redcapjdbc.jdbc.RedcapDriver").getConstructor().newInstance();
    assertThat(d.acceptsURL(url)).isTrue();
    assertThat(d.acceptsURL("jdbc:h2:mem:x")).isFalse();
    assertThat(d.getPropertyInfo(url, new Properties())).isNotEmpty();
    assertThat(d.getPropertyInfo(url, null)).isNotEmpty();
  }

  @Test
  void connectWithoutUserOrPasswordFailsClearlyUnlessTheUrlHasTheToken() throws Exception {
    // DBeaver leaves out empty user and password properties.
    assertThatThrownBy(() -> driver.connect(url, new Properties()))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("token");
    String withToken =
        "jdbc:redcap:url=" + ClientProjects.emulator().url() + ";token=" + demo.token();
    try (Connection c = driver.connect(withToken, new Properties())) {
      assertThat(c).isNotNull();
      assertThat(c.getSchema()).isEqualTo("redcap");
    }
  }

  @Test
  void autoCommitStaysOnAndCommitRollbackAreHarmless() throws SQLException {
    try (Connection c = driver.connect(url, ClientProjects.token(demo))) {
      c.setAutoCommit(false); // a "Production" connection type
      assertThatCode(c::commit).doesNotThrowAnyException();
      assertThatCode(c::rollback).doesNotThrowAnyException();
      assertThat(c.getAutoCommit()).as("auto-commit after setAutoCommit(false)").isTrue();
      assertThatCode(() -> c.setReadOnly(true)).doesNotThrowAnyException();
      acceptedOrSqlException(
          () -> c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED));
    }
  }

  @Test
  void catalogIsAbsentAndSchemaIsRedcap() throws SQLException {
    assertThat(main.getCatalog()).isNullOrEmpty();
    try (ResultSet rs = meta.getMetaData().getCatalogs()) {
      while (rs.next()) {
        assertThat(rs.getString("TABLE_CAT")).as("TABLE_CAT").isNull();
        try {
          rs.getString("TABLE_QUALIFIER");
        } catch (SQLException expected) {
          // DBeaver's fallback column may be missing; only an SQLException is tolerated.
        }
      }
    }
    try (Connection fresh = driver.connect(url, ClientProjects.token(demo))) {
      String schema = fresh.getSchema();
      assertThat(schema).isEqualTo("redcap");
      fresh.setSchema(schema);
      fresh.setSchema("meta");
      assertThat(fresh.getSchema()).isEqualTo("meta");
    }
  }

  @Test
  void everyProbeDbeaverMakesAtConnectAnswers() throws SQLException {
    DatabaseMetaData md = meta.getMetaData();
    assertThat(md.getDatabaseMajorVersion()).isNotNegative();
    assertThat(md.getDatabaseMinorVersion()).isNotNegative();
    assertThat(md.getIdentifierQuoteString()).isEqualTo("\"");
    md.getSQLStateType();
    assertThat(
            md.supportsCorrelatedSubqueries()
                || md.supportsSubqueriesInComparisons()
                || md.supportsSubqueriesInExists()
                || md.supportsSubqueriesInIns()
                || md.supportsSubqueriesInQuantifieds())
        .isTrue();
    md.supportsMixedCaseIdentifiers();
    md.supportsMixedCaseQuotedIdentifiers();
    md.storesUpperCaseIdentifiers();
    md.storesLowerCaseIdentifiers();
    md.storesUpperCaseQuotedIdentifiers();
    md.storesLowerCaseQuotedIdentifiers();
    md.getSearchStringEscape();
    assertThat(md.getCatalogSeparator()).isNotNull();
    md.supportsCatalogsInDataManipulation();
    md.supportsCatalogsInTableDefinitions();
    md.supportsCatalogsInProcedureCalls();
    md.supportsCatalogsInIndexDefinitions();
    md.supportsCatalogsInPrivilegeDefinitions();
    assertThat(md.supportsSchemasInDataManipulation()).isTrue();
    md.supportsSchemasInTableDefinitions();
    md.supportsSchemasInProcedureCalls();
    md.supportsSchemasInIndexDefinitions();
    md.supportsSchemasInPrivilegeDefinitions();
    md.getExtraNameCharacters();
    md.isCatalogAtStart();
    assertThat(md.getSQLKeywords()).isNotNull();
    md.getNumericFunctions();
    md.getStringFunctions();
    md.getSystemFunctions();
    md.getTimeDateFunctions();
    assertThat(md.getDatabaseProductName()).isEqualTo("REDCap");
    assertThat(md.getDatabaseProductVersion()).isNotBlank();
    assertThat(md.getDriverName()).isNotBlank();
    assertThat(md.getDriverVersion()).isNotBlank();
    md.getSchemaTerm();
    md.getProcedureTerm();
    md.getCatalogTerm();
    md.supportsBatchUpdates();
    if (md.supportsTransactions()) {
      for (int level :
          new int[] {
            Connection.TRANSACTION_READ_UNCOMMITTED,
            Connection.TRANSACTION_READ_COMMITTED,
            Connection.TRANSACTION_REPEATABLE_READ,
            Connection.TRANSACTION_SERIALIZABLE
          }) {
        md.supportsTransactionIsolationLevel(level);
      }
    }
  }

  @Test
  void typeInfoAndSchemas() throws SQLException {
    DatabaseMetaData md = meta.getMetaData();
    Set<String> typeNames = typeNames(md);
    assertThat(typeNames)
        .contains(
            "VARCHAR",
            "BIGINT",
            "DECIMAL",
            "DOUBLE",
            "INTEGER",
            "SMALLINT",
            "BOOLEAN",
            "DATE",
            "TIME",
            "TIMESTAMP");
    for (ResultSet rs : new ResultSet[] {md.getSchemas(null, "%"), md.getSchemas()}) {
      Set<String> schemas = new HashSet<>();
      try (rs) {
        while (rs.next()) {
          schemas.add(rs.getString("TABLE_SCHEM"));
          assertThat(rs.getString("TABLE_CATALOG")).isNull();
        }
      }
      assertThat(schemas).contains("redcap", "meta");
    }
  }

  // ---------------------------------------------------------------- navigator

  @Test
  void tablesHaveTypesAndRemarksAndResolveByExactName() throws SQLException {
    for (EmulatedProject p : List.of(demo, awkward)) {
      try (Connection c = open(p, true)) {
        DatabaseMetaData md = c.getMetaData();
        for (String schema : List.of("redcap", "meta")) {
          List<String> tables = new ArrayList<>();
          try (ResultSet rs = md.getTables(null, schema, "%", null)) {
            while (rs.next()) {
              String type = rs.getString("TABLE_TYPE");
              assertThat(type).as("TABLE_TYPE").isIn("TABLE", "VIEW", "SYSTEM TABLE");
              assertThat(FORBIDDEN_TABLE_TYPES).doesNotContain(type);
              assertThat(rs.getString("REMARKS"))
                  .as("REMARKS of " + rs.getString("TABLE_NAME"))
                  .isNotNull();
              assertThat(rs.getString("TABLE_SCHEM")).isEqualTo(schema);
              tables.add(rs.getString("TABLE_NAME"));
            }
          }
          assertThat(tables).as("tables of " + schema).isNotEmpty();
          for (String t : tables) {
            try (ResultSet rs = md.getTables(null, schema, t, null)) {
              assertThat(rs.next()).as("getTables by exact name " + t).isTrue();
              assertThat(rs.getString("TABLE_NAME")).isEqualTo(t);
            }
          }
        }
      }
    }
  }

  @Test
  void functionsAndProceduresAreEmptyNotErrors() throws SQLException {
    DatabaseMetaData md = meta.getMetaData();
    try (ResultSet rs = md.getFunctions(null, "redcap", "%")) {
      assertThat(rs.next()).isFalse();
    }
    try (ResultSet rs = md.getProcedures(null, "redcap", "%")) {
      assertThat(rs.next()).isFalse();
    }
  }

  /**
   * DBeaver passes table names unescaped as patterns: for every table, getColumns must still give
   * that table's columns only (dbeaver#9998). The awkward project has {@code visit_1} and
   * {@code visitx1}, equal if {@code _} were a wildcard, so this cannot pass by luck.
   */
  @Test
  void columnsOfEachTableByItsRawNameAreThatTablesOnly() throws SQLException {
    for (EmulatedProject p : List.of(awkward, demo)) {
      try (Connection c = open(p, true)) {
        DatabaseMetaData md = c.getMetaData();
        for (String schema : List.of("redcap", "meta")) {
          Map<String, List<String>> all = columnsByTable(md, schema, "%");
          assertThat(all).isNotEmpty();
          if (p == awkward && schema.equals("redcap")) {
            assertThat(all)
                .containsKeys("visit_1", "visitx1", "order", "group", "records", "records_form");
            assertThat(wildcardClashes(all.keySet()))
                .as("names equal under _ wildcards")
                .isNotEmpty();
          }
          for (Map.Entry<String, List<String>> t : all.entrySet()) {
            Map<String, List<String>> one = columnsByTable(md, schema, t.getKey());
            assertThat(one.keySet())
                .as("getColumns(null, %s, %s, %%)", schema, t.getKey())
                .containsExactly(t.getKey());
            assertThat(one.get(t.getKey())).isEqualTo(t.getValue());
          }
        }
      }
    }
  }

  @Test
  void indexInfoIsEmptyOrCorrectAndNeverAPlainError() throws SQLException {
    DatabaseMetaData md = meta.getMetaData();
    try (ResultSet rs = md.getIndexInfo(null, "redcap", "%", false, true)) {
      while (rs.next()) {
        assertThat(rs.getString("TABLE_NAME")).isNotBlank();
      }
    } catch (SQLException tolerated) {
      // DBeaver falls back to per-table calls.
    }
    for (String t : tableNames(md, "redcap")) {
      try (ResultSet rs = md.getIndexInfo(null, "redcap", t, false, true)) {
        while (rs.next()) {
          assertThat(rs.getString("TABLE_NAME")).isEqualTo(t);
          assertThat(rs.getShort("TYPE")).isNotZero();
          assertThat(rs.getString("INDEX_NAME")).isNotBlank();
          assertThat(rs.getString("COLUMN_NAME")).isNotBlank();
        }
      } catch (SQLFeatureNotSupportedException tolerated) {
        // DBeaver shows an empty Indexes folder.
      }
    }
  }

  // ---------------------------------------------------------------- table editor

  @Test
  void columnsCarryWhatTheColumnsTabReads() throws SQLException {
    for (EmulatedProject p : List.of(demo, awkward)) {
      try (Connection c = open(p, true)) {
        DatabaseMetaData md = c.getMetaData();
        Set<String> typeNames = typeNames(md);
        for (String schema : List.of("redcap", "meta")) {
          for (String t : tableNames(md, schema)) {
            Map<String, String> typeOfColumn = new LinkedHashMap<>();
            int position = 0;
            try (ResultSet rs = md.getColumns(null, schema, t, "%")) {
              while (rs.next()) {
                String column = rs.getString("COLUMN_NAME");
                String what = schema + "." + t + "." + column;
                assertThat(column).isNotBlank();
                assertThat(rs.getInt("ORDINAL_POSITION")).as(what).isEqualTo(++position);
                assertThat(rs.getInt("DATA_TYPE")).as(what).isNotEqualTo(Types.OTHER);
                String typeName = rs.getString("TYPE_NAME").trim();
                assertThat(typeNames)
                    .as("TYPE_NAME of " + what + " in getTypeInfo")
                    .contains(typeName);
                assertThat(rs.getLong("COLUMN_SIZE"))
                    .as(what)
                    .isLessThanOrEqualTo(Integer.MAX_VALUE);
                rs.getInt("DECIMAL_DIGITS");
                rs.wasNull();
                assertThat(rs.getInt("NULLABLE"))
                    .as(what)
                    .isIn(DatabaseMetaData.columnNoNulls, DatabaseMetaData.columnNullable);
                assertThat(rs.getString("REMARKS")).as("REMARKS of " + what).isNotBlank();
                rs.getString("IS_AUTOINCREMENT");
                rs.getString("IS_GENERATEDCOLUMN");
                typeOfColumn.put(column, typeName);
                if (schema.equals("redcap") && position == 1) {
                  assertThat(rs.getInt("NULLABLE"))
                      .as("the record ID " + what)
                      .isEqualTo(DatabaseMetaData.columnNoNulls);
                }
              }
            }
            assertThat(typeOfColumn).as("columns of " + t).isNotEmpty();
            if (schema.equals("redcap")) {
              // The grid's type names must be getColumns' (DBeaver matches them up).
              try (Statement s =
                  c.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
                s.setMaxRows(1);
                try (ResultSet rs =
                    s.executeQuery("SELECT * FROM \"" + schema + "\".\"" + t + "\"")) {
                  ResultSetMetaData rsmd = rs.getMetaData();
                  for (int i = 1; i <= rsmd.getColumnCount(); i++) {
                    assertThat(rsmd.getColumnTypeName(i))
                        .as("type of " + t + "." + rsmd.getColumnName(i))
                        .isEqualTo(typeOfColumn.get(rsmd.getColumnName(i)));
                  }
                }
              }
            }
          }
        }
      }
    }
  }

  @Test
  void primaryKeysAreStableAndNamedAndMatchColumns() throws SQLException {
    DatabaseMetaData md = meta.getMetaData();
    for (String schema : List.of("redcap", "meta")) {
      for (String t : tableNames(md, schema)) {
        List<String> columns = columnsByTable(md, schema, t).get(t);
        List<String[]> first = primaryKey(md, schema, t);
        List<String[]> again = primaryKey(md, schema, t);
        if (schema.equals("redcap")) {
          assertThat(first).as("key of " + t).isNotEmpty();
        }
        for (int i = 0; i < first.size(); i++) {
          String[] k = first.get(i);
          assertThat(k[0]).as("TABLE_NAME").isEqualTo(t);
          assertThat(columns).as("key column of " + t).contains(k[1]);
          // records' repeat columns are the one documented exception (README "The tables").
          boolean recordsRepeatColumn = t.equals("records") && k[1].startsWith("redcap_repeat_");
          try (ResultSet rs = md.getColumns(null, schema, t, k[1])) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt("NULLABLE"))
                .as("a key column is NOT NULL: " + schema + "." + t + "." + k[1])
                .isEqualTo(
                    recordsRepeatColumn
                        ? DatabaseMetaData.columnNullable
                        : DatabaseMetaData.columnNoNulls);
          }
          assertThat(Integer.parseInt(k[2])).as("KEY_SEQ").isEqualTo(i + 1);
          assertThat(k[3]).as("PK_NAME").isNotBlank().isEqualTo(again.get(i)[3]);
        }
      }
    }
    // Advisory item: with "%" rows carry their own table's name.
    try (ResultSet rs = md.getPrimaryKeys(null, "redcap", "%")) {
      Set<String> tables = new HashSet<>(tableNames(md, "redcap"));
      while (rs.next()) {
        assertThat(tables).contains(rs.getString("TABLE_NAME"));
      }
    } catch (SQLException tolerated) {
      // DBeaver makes this call only with supports-struct-cache and tolerates errors.
    }
  }

  @Test
  void importedAndExportedKeysAreEmptyOrConsistent() throws SQLException {
    DatabaseMetaData md = meta.getMetaData();
    Set<String> tables = new HashSet<>(tableNames(md, "redcap"));
    for (String t : tables) {
      try (ResultSet imported = md.getImportedKeys(null, "redcap", t)) {
        while (imported.next()) {
          assertThat(tables).contains(imported.getString("PKTABLE_NAME"));
          assertThat(imported.getString("FKTABLE_NAME")).isEqualTo(t);
          assertThat(imported.getString("FK_NAME")).isNotBlank();
          imported.getInt("UPDATE_RULE");
          imported.getInt("DELETE_RULE");
        }
      }
      try (ResultSet exported = md.getExportedKeys(null, "redcap", t)) {
        while (exported.next()) {
          assertThat(exported.getString("PKTABLE_NAME")).isEqualTo(t);
        }
      }
    }
    try (ResultSet rs = md.getImportedKeys(null, "redcap", "%")) {
      while (rs.next()) {
        assertThat(tables).contains(rs.getString("FKTABLE_NAME"));
      }
    } catch (SQLException tolerated) {
      // Advisory, as for primary keys.
    }
  }

  // ---------------------------------------------------------------- data tab

  @Test
  void dataTabReadsTwoHundredRowsThenClosesEarly() throws Exception {
    DatabaseMetaData md = meta.getMetaData();
    List<String> tables = tableNames(md, "redcap");
    assertThat(tables).contains("records");
    for (String t : tables) {
      readLikeTheDataTab(main, "SELECT * FROM redcap." + t, t, 200);
    }
    readLikeTheDataTab(main, "SELECT * FROM \"redcap\".\"records\"", "records", 200);
    // More than 200 rows: the cursor stops at the limit, and closing before the end is prompt.
    for (Integer maxRows : new Integer[] {200, 400, null}) {
      try (Statement s =
          main.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
        if (maxRows != null) {
          s.setMaxRows(maxRows);
        }
        assertThat(s.execute("SELECT * FROM redcap.records")).isTrue();
        ResultSet rs = s.getResultSet();
        int limit = maxRows == null ? 250 : maxRows;
        int n = 0;
        while (n < limit && rs.next()) {
          n++;
        }
        assertThat(n).as("rows read with maxRows " + maxRows).isEqualTo(limit);
        if (maxRows != null) {
          assertThat(rs.next()).as("next() after maxRows").isFalse();
        }
        long t0 = System.nanoTime();
        rs.close();
        assertThat((System.nanoTime() - t0) / 1_000_000).as("ms to close early").isLessThan(2000);
        md.getIndexInfo(null, "redcap", "records", false, true).close();
        md.getPrimaryKeys(null, "redcap", "records").close();
        md.getImportedKeys(null, "redcap", "records").close();
      }
      main.getWarnings();
      main.clearWarnings();
    }
    try (PreparedStatement p =
        main.prepareStatement(
            "SELECT COUNT(*) FROM redcap.records",
            ResultSet.TYPE_FORWARD_ONLY,
            ResultSet.CONCUR_READ_ONLY)) {
      assertThat(p.execute()).isTrue();
      try (ResultSet rs = p.getResultSet()) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getObject(1)).isInstanceOf(Number.class);
        assertThat(((Number) rs.getObject(1)).longValue()).isGreaterThan(200);
      }
    }
  }

  @Test
  void keywordNamedTablesReadQuoted() throws Exception {
    try (Connection c = open(awkward, false)) {
      for (String t : List.of("order", "group", "records_form", "visit_1", "visitx1")) {
        readLikeTheDataTab(c, "SELECT * FROM \"redcap\".\"" + t + "\"", t, 200);
      }
    }
  }

  /**
   * Steps 2 to 10 of the data tab (docs/dbeaver-compatibility.md §c): execute, metadata, typed
   * getters.
   */
  /**
   * The data tab on {@code meta} tables that are read from REDCap when opened (the log, the file
   * repository, users and DAGs): the same calls and typed getters as on the data tables.
   */
  @Test
  void dataTabReadsTheLogAndTheFileRepository() throws Exception {
    try (Statement s = editor.createStatement()) {
      s.executeUpdate(
          "INSERT INTO meta.file_repository (kind, name) VALUES ('folder', 'dbeaver-data-tab')");
    }
    for (String t : List.of("log", "file_repository", "users", "dags")) {
      readLikeTheDataTab(main, "SELECT * FROM \"meta\".\"" + t + "\"", "meta", t, 200);
    }
  }

  private static void readLikeTheDataTab(Connection c, String sql, String table, int maxRows)
      throws SQLException {
    readLikeTheDataTab(c, sql, "redcap", table, maxRows);
  }

  private static void readLikeTheDataTab(
      Connection c, String sql, String schema, String table, int maxRows) throws SQLException {
    try (Statement s = c.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
      s.setMaxRows(maxRows);
      assertThat(s.execute(sql)).as(sql).isTrue();
      try (ResultSet rs = s.getResultSet()) {
        assertThat(rs).isNotNull();
        ResultSetMetaData md = rs.getMetaData();
        int n = md.getColumnCount();
        assertThat(n).isPositive();
        int[] types = new int[n + 1];
        for (int i = 1; i <= n; i++) {
          assertThat(md.getColumnLabel(i)).isNotBlank();
          assertThat(md.getColumnName(i)).isNotBlank();
          md.isWritable(i);
          assertThat(md.getTableName(i)).as("getTableName of " + sql).isEqualTo(table);
          md.getCatalogName(i);
          assertThat(md.getSchemaName(i)).isEqualTo(schema);
          md.isNullable(i);
          md.getColumnDisplaySize(i);
          assertThat(md.getColumnTypeName(i)).isNotBlank();
          types[i] = md.getColumnType(i);
          md.isAutoIncrement(i);
          md.getPrecision(i);
          md.getScale(i);
        }
        int rows = 0;
        while (rows < maxRows && rs.next()) {
          rows++;
          for (int i = 1; i <= n; i++) {
            switch (types[i]) {
              case Types.INTEGER -> rs.getLong(i);
              case Types.SMALLINT -> rs.getInt(i);
              case Types.BOOLEAN -> rs.getBoolean(i);
              case Types.DATE -> rs.getDate(i);
              case Types.TIME -> rs.getTime(i);
              default -> rs.getObject(i);
            }
            rs.wasNull();
          }
        }
        assertThat(rows).as("rows of " + sql).isPositive();
      }
      s.getWarnings();
    }
  }

  // ---------------------------------------------------------------- SQL editor

  @Test
  void sqlEditorUsesTheDefaultSchemaAndReportsErrorsWithoutConnectionStates() throws SQLException {
    editor.setSchema("redcap");
    try (Statement s =
        editor.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
      s.setMaxRows(200);
      assertThat(s.execute("SELECT * FROM records WHERE redcap_event_name IS NOT NULL")).isTrue();
      try (ResultSet rs = s.getResultSet()) {
        int n = 0;
        while (n < 200 && rs.next()) {
          n++;
        }
        assertThat(n).isEqualTo(200);
        try {
          rs.getCursorName();
        } catch (SQLException fine) {
          // Only used for a tab title.
        }
      }
      acceptedOrSqlException(() -> s.setFetchSize(200));
      acceptedOrSqlException(() -> s.setEscapeProcessing(false));
      SQLException bad = null;
      try {
        s.execute("SELEC nonsense FROM nowhere");
      } catch (SQLException e) {
        bad = e;
      }
      if (bad == null) {
        fail("Invalid SQL ran without an SQLException");
      }
      String state = bad.getSQLState() == null ? "" : bad.getSQLState();
      assertThat(state)
          .as("SQLState of a syntax error (08xxx makes DBeaver reconnect)")
          .doesNotStartWith("08");
      editor.getWarnings();
      editor.clearWarnings();
    }
  }

  /**
   * DML typed in the SQL editor (execute answers false, then the update count) and the grid's own
   * edits (docs/dbeaver-compatibility.md §c "Editing the grid"): UPDATE with {@code ?} and setNull,
   * INSERT with RETURN_GENERATED_KEYS, DELETE; DDL is refused with an SQLException, never a
   * RuntimeException.
   */
  @Test
  void sqlEditorDmlAndGridEdits() throws SQLException {
    try (Connection c = open(awkward, false)) {
      c.setSchema("redcap");
      try (Statement s =
          c.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
        assertThat(s.execute("UPDATE \"order\" SET o_note = 'edited in SQL' WHERE record_id = '2'"))
            .as("execute of an UPDATE")
            .isFalse();
        assertThat(updateCount(s)).isEqualTo(1);
        for (java.sql.SQLWarning w = s.getWarnings(); w != null; w = w.getNextWarning()) {
          assertThat(w.getMessage()).isNotBlank(); // null or a chain; DBeaver walks it
        }
        assertThat(s.execute("UPDATE \"order\" SET o_note = 'nobody' WHERE record_id = 'none'"))
            .isFalse();
        assertThat(updateCount(s)).isZero();
        assertThat(s.execute("SELECT o_note FROM \"order\" WHERE record_id = '2'")).isTrue();
        try (ResultSet rs = s.getResultSet()) {
          assertThat(rs.next()).isTrue();
          assertThat(rs.getString(1)).isEqualTo("edited in SQL");
        }
        assertThat(updateCount(s)).as("update count after a query").isEqualTo(-1);
        SQLException ddl = null;
        try {
          s.execute("CREATE TABLE scratch (a INT)");
        } catch (SQLException e) {
          ddl = e;
        }
        if (ddl == null) {
          fail("CREATE TABLE was accepted");
        }
        String state = ddl.getSQLState() == null ? "" : ddl.getSQLState();
        assertThat(state).doesNotStartWith("08");
      }
      // The grid's UPDATE: fully qualified, quoted, tab-indented, one ? per value and key.
      try (PreparedStatement p =
          c.prepareStatement(
              "UPDATE \"redcap\".\"visit_1\"\n\tSET \"v1_count\"=?\n\tWHERE \"record_id\"=?")) {
        p.setLong(1, 42);
        p.setString(2, "2");
        assertThat(p.execute()).isFalse();
        assertThat(p.getLargeUpdateCount()).isEqualTo(1);
        p.setNull(1, Types.BIGINT);
        p.setString(2, "1");
        assertThat(p.execute()).isFalse();
        assertThat(p.getLargeUpdateCount()).isEqualTo(1);
      }
      assertThat(values(c, "SELECT record_id, v1_count FROM visit_1 ORDER BY record_id"))
          .containsExactly("1=null", "2=42", "3=7");
      // The grid's INSERT asks for generated keys.
      try (PreparedStatement p =
          c.prepareStatement(
              "INSERT INTO \"redcap\".\"group\" (\"record_id\", \"g_sex\") VALUES (?, ?)",
              Statement.RETURN_GENERATED_KEYS)) {
        p.setString(1, "4");
        p.setString(2, "2");
        assertThat(p.execute()).isFalse();
        assertThat(p.getLargeUpdateCount()).isEqualTo(1);
        try (ResultSet keys = p.getGeneratedKeys()) {
          while (keys.next()) {
            keys.getObject(1);
          }
        }
      }
      assertThat(values(c, "SELECT record_id, g_sex_label FROM \"group\" ORDER BY record_id"))
          .contains("4=M");
      try (PreparedStatement p =
          c.prepareStatement("DELETE FROM \"redcap\".\"group\" WHERE \"record_id\"=?")) {
        p.setString(1, "4");
        assertThat(p.execute()).isFalse();
        assertThat(p.getLargeUpdateCount()).isGreaterThanOrEqualTo(0);
      }
      c.getWarnings();
      c.clearWarnings();
    }
  }

  /** getLargeUpdateCount, or getUpdateCount when that throws, as DBeaver reads it. */
  private static long updateCount(Statement s) throws SQLException {
    try {
      return s.getLargeUpdateCount();
    } catch (Throwable t) {
      return s.getUpdateCount();
    }
  }

  private static List<String> values(Connection c, String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        rows.add(rs.getString(1) + "=" + rs.getString(2));
      }
    }
    return rows;
  }

  @Test
  void unreachableRedcapIsAClearSqlException() throws Exception {
    int closedPort;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    String nowhere = "jdbc:redcap:http://127.0.0.1:" + closedPort + "/api/";
    Properties p = ClientProjects.token(demo);
    p.setProperty("maxRetries", "0");
    p.setProperty("connectTimeout", "2");
    // DBeaver classifies SQLState 08xxx or a SocketException cause as "connection lost" and
    // retries once; the message must say what happened either way.
    assertThatThrownBy(() -> driver.connect(nowhere, p))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("127.0.0.1:" + closedPort)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(demo.token()));
  }

  @Test
  void queryTimeoutAndCancelStopASlowQuery() throws Exception {
    ClientProjects.emulator().faults().latencyMillis(4000);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try (Connection c = driver.connect(url, ClientProjects.token(demo))) {
      try (Statement s = c.createStatement()) {
        s.setQueryTimeout(1);
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> drain(s.executeQuery("SELECT * FROM records")))
            .isInstanceOf(SQLException.class);
        assertThat((System.nanoTime() - t0) / 1_000_000)
            .as("ms until the timeout ended it")
            .isLessThan(3500);
      }
      Statement s = c.createStatement();
      CountDownLatch started = new CountDownLatch(1);
      Future<Object> running =
          pool.submit(
              () -> {
                started.countDown();
                drain(s.executeQuery("SELECT * FROM records"));
                return null;
              });
      started.await();
      Thread.sleep(300);
      long t0 = System.nanoTime();
      s.cancel();
      try {
        running.get(10, TimeUnit.SECONDS);
        fail("The cancelled query finished normally");
      } catch (java.util.concurrent.ExecutionException e) {
        assertThat(e.getCause()).isInstanceOf(SQLException.class);
      }
      assertThat((System.nanoTime() - t0) / 1_000_000)
          .as("ms until cancel ended it")
          .isLessThan(3500);
      s.close();
    } finally {
      ClientProjects.emulator().faults().latencyMillis(0);
      pool.shutdownNow();
    }
  }

  @Test
  void metadataFromTwoThreadsWhileAQueryStreams() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      Future<Integer> streaming =
          pool.submit(
              () -> {
                try (Statement s = main.createStatement();
                    ResultSet rs = s.executeQuery("SELECT * FROM records")) {
                  int n = 0;
                  while (rs.next()) {
                    n++;
                  }
                  return n;
                }
              });
      List<CompletableFuture<Void>> browsing = new ArrayList<>();
      for (int thread = 0; thread < 2; thread++) {
        boolean tables = thread == 0;
        browsing.add(
            CompletableFuture.runAsync(
                () -> {
                  try {
                    for (int i = 0; i < 20; i++) {
                      DatabaseMetaData md = meta.getMetaData();
                      if (tables) {
                        assertThat(tableNames(md, "redcap")).contains("records");
                      } else {
                        assertThat(columnsByTable(md, "redcap", "records").get("records"))
                            .contains("redcap_event_name", "redcap_repeat_instance");
                      }
                    }
                  } catch (SQLException e) {
                    throw new IllegalStateException(e);
                  }
                },
                pool));
      }
      CompletableFuture.allOf(browsing.toArray(new CompletableFuture<?>[0]))
          .get(60, TimeUnit.SECONDS);
      assertThat(streaming.get(60, TimeUnit.SECONDS)).isGreaterThan(200);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void isValidIsQuickAndCloseWorksAfterRollback() throws SQLException {
    Connection c = driver.connect(url, ClientProjects.token(demo));
    assertThat(c.isClosed()).isFalse();
    long t0 = System.nanoTime();
    assertThat(c.isValid(10000)).isTrue(); // DBeaver passes milliseconds as seconds
    assertThat((System.nanoTime() - t0) / 1_000_000).as("ms for isValid").isLessThan(5000);
    c.rollback();
    c.close();
    assertThat(c.isClosed()).isTrue();
    assertThat(c.isValid(1)).isFalse();
  }

  // ---------------------------------------------------------------- helpers

  /** A call DBeaver tolerates when it works or throws an SQLException, and nothing else. */
  private static void acceptedOrSqlException(ThrowingCall call) {
    try {
      call.run();
    } catch (SQLException fine) {
      // Tolerated.
    } catch (RuntimeException e) {
      throw new AssertionError("A RuntimeException escapes DBeaver's handler: " + e, e);
    }
  }

  private interface ThrowingCall {
    void run() throws SQLException;
  }

  private static void drain(ResultSet rs) throws SQLException {
    try (rs) {
      while (rs.next()) {
        rs.getObject(1);
      }
    }
  }

  private static Set<String> typeNames(DatabaseMetaData md) throws SQLException {
    Set<String> names = new HashSet<>();
    try (ResultSet rs = md.getTypeInfo()) {
      while (rs.next()) {
        names.add(rs.getString("TYPE_NAME"));
        rs.getInt("DATA_TYPE");
      }
    }
    assertThat(names).as("getTypeInfo").isNotEmpty();
    return names;
  }

  private static List<String> tableNames(DatabaseMetaData md, String schema) throws SQLException {
    List<String> names = new ArrayList<>();
    try (ResultSet rs = md.getTables(null, schema, "%", null)) {
      while (rs.next()) {
        names.add(rs.getString("TABLE_NAME"));
      }
    }
    return names;
  }

  private static Map<String, List<String>> columnsByTable(
      DatabaseMetaData md, String schema, String tablePattern) throws SQLException {
    Map<String, List<String>> columns = new LinkedHashMap<>();
    try (ResultSet rs = md.getColumns(null, schema, tablePattern, "%")) {
      while (rs.next()) {
        assertThat(rs.getString("TABLE_SCHEM")).isEqualTo(schema);
        columns
            .computeIfAbsent(rs.getString("TABLE_NAME"), k -> new ArrayList<>())
            .add(rs.getString("COLUMN_NAME"));
      }
    }
    return columns;
  }

  /** TABLE_NAME, COLUMN_NAME, KEY_SEQ, PK_NAME per key column, by KEY_SEQ. */
  private static List<String[]> primaryKey(DatabaseMetaData md, String schema, String table)
      throws SQLException {
    List<String[]> key = new ArrayList<>();
    try (ResultSet rs = md.getPrimaryKeys(null, schema, table)) {
      while (rs.next()) {
        key.add(
            new String[] {
              rs.getString("TABLE_NAME"),
              rs.getString("COLUMN_NAME"),
              String.valueOf(rs.getShort("KEY_SEQ")),
              rs.getString("PK_NAME")
            });
      }
    }
    key.sort((a, b) -> Integer.compare(Integer.parseInt(a[2]), Integer.parseInt(b[2])));
    return key;
  }

  /** Pairs of names that match each other when {@code _} in either is read as any character. */
  private static List<String> wildcardClashes(Set<String> names) {
    List<String> clashes = new ArrayList<>();
    for (String a : names) {
      if (!WILDCARD_CLASH_SAFE.matcher(a).matches()) {
        continue;
      }
      Pattern asPattern = Pattern.compile(a.replace("_", "."));
      for (String b : names) {
        if (!a.equals(b) && asPattern.matcher(b).matches()) {
          clashes.add(a + "~" + b);
        }
      }
    }
    return clashes;
  }
}
