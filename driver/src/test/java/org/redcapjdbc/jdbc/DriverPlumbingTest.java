package org.redcapjdbc.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverPropertyInfo;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The JDBC surface DBeaver and connection pools depend on, over a fake in-memory project. */
class DriverPlumbingTest {
  static final String TOKEN = "0123456789ABCDEF0123456789ABCDEF";
  static final String URL = "jdbc:redcap:https://redcap.example.edu/api/";

  FakeProjectDriver driver;
  Connection conn;

  @BeforeEach
  void connect() throws SQLException {
    driver = new FakeProjectDriver();
    Properties p = new Properties();
    p.setProperty("password", TOKEN);
    conn = driver.connect(URL, p);
  }

  @AfterEach
  void close() throws SQLException {
    conn.close();
  }

  @Test
  void driverIsDiscoverableAndAcceptsOnlyItsPrefix() throws SQLException {
    boolean found = false;
    for (java.sql.Driver d : ServiceLoader.load(java.sql.Driver.class)) {
      found |= d instanceof RedcapDriver;
    }
    assertThat(found).as("META-INF/services/java.sql.Driver lists RedcapDriver").isTrue();
    assertThat(driver.acceptsURL(URL)).isTrue();
    assertThat(driver.acceptsURL("jdbc:calcite:")).isFalse();
    assertThat(driver.connect("jdbc:h2:mem:x", new Properties())).isNull();
  }

  @Test
  void propertyInfoDescribesEveryDriverProperty() {
    DriverPropertyInfo[] info = driver.getPropertyInfo(URL, new Properties());
    Set<String> names = new HashSet<>();
    for (DriverPropertyInfo i : info) {
      names.add(i.name);
      assertThat(i.description).as(i.name).isNotBlank();
    }
    for (RedcapProperty p : RedcapProperty.values()) {
      assertThat(names).contains(p.camelName());
    }
    assertThat(names)
        .contains(
            "token",
            "url",
            "batchSize",
            "parallelism",
            "importBatchSize",
            "connectTimeout",
            "readTimeout",
            "maxRetries",
            "metadataTtl",
            "labelColumns",
            "typed",
            "strictTypes",
            "readOnly",
            "trustStore",
            "trustStorePassword",
            "sslVerify",
            "proxy",
            "allowHttp");
    Properties withToken = new Properties();
    withToken.setProperty("token", TOKEN);
    for (DriverPropertyInfo i : driver.getPropertyInfo(URL, withToken)) {
      assertThat(String.valueOf(i.value)).doesNotContain(TOKEN);
    }
  }

  @Test
  void defaultSchemaIsTheProjectAndCalcitesMetadataSchemaIsHidden() throws SQLException {
    assertThat(conn.getSchema()).isEqualTo("redcap");
    List<String> schemas = new ArrayList<>();
    try (ResultSet rs = conn.getMetaData().getSchemas(null, "%")) {
      while (rs.next()) {
        schemas.add(rs.getString("TABLE_SCHEM"));
        assertThat(rs.getString("TABLE_CATALOG")).isNull();
      }
    }
    assertThat(schemas).contains("redcap", "meta").doesNotContain("metadata");
    conn.setSchema("meta");
    conn.setSchema("redcap");
  }

  @Test
  void autoCommitStaysOnAndCommitRollbackAreHarmless() throws SQLException {
    assertThat(conn.getAutoCommit()).isTrue();
    conn.setAutoCommit(false);
    assertThat(conn.getAutoCommit()).as("no transactions: every statement commits").isTrue();
    conn.commit();
    conn.rollback();
    conn.setReadOnly(true);
    conn.setAutoCommit(true);
    conn.rollback();
  }

  @Test
  void identifiersAreCaseInsensitiveAndUtf8LiteralsWork() throws SQLException {
    try (Statement st = conn.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT Record_ID, NAME_FIRST FROM Demographics WHERE name_first = 'Тимофей'")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("2");
      assertThat(rs.getString("name_first")).isEqualTo("Тимофей");
      assertThat(rs.next()).isFalse();
    }
    try (PreparedStatement ps =
        conn.prepareStatement(
            "SELECT \"age\" FROM \"redcap\".\"demographics\" WHERE record_id = ?")) {
      ps.setString(1, "1");
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getLong(1)).isEqualTo(11L);
      }
    }
  }

  @Test
  void lenientConformanceAcceptsCommonDialect() throws SQLException {
    try (Statement st = conn.createStatement();
        ResultSet rs =
            st.executeQuery("SELECT record_id FROM demographics WHERE age != 42 LIMIT 0, 5")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("1");
    }
  }

  @Test
  void tablesAndColumnsCarryRemarksAndPlainTypeNames() throws SQLException {
    DatabaseMetaData md = conn.getMetaData();
    try (ResultSet rs = md.getTables(null, "redcap", "%", null)) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString("TABLE_NAME")).isEqualTo("demographics");
      assertThat(rs.getString("TABLE_TYPE")).isEqualTo("TABLE");
      assertThat(rs.getString("REMARKS")).isEqualTo("Demographics");
    }
    Set<String> typeInfoNames = new HashSet<>();
    try (ResultSet rs = md.getTypeInfo()) {
      while (rs.next()) {
        typeInfoNames.add(rs.getString("TYPE_NAME"));
      }
    }
    List<String> columnTypes = new ArrayList<>();
    try (ResultSet rs = md.getColumns(null, "redcap", "demographics", "%")) {
      while (rs.next()) {
        String name = rs.getString("COLUMN_NAME");
        String type = rs.getString("TYPE_NAME");
        columnTypes.add(type);
        assertThat(typeInfoNames).as("TYPE_NAME of " + name).contains(type);
        if (name.equals("record_id")) {
          assertThat(rs.getString("REMARKS")).isEqualTo("Study ID");
          assertThat(rs.getInt("NULLABLE")).isEqualTo(DatabaseMetaData.columnNoNulls);
        }
        if (name.equals("dob")) {
          assertThat(rs.getString("REMARKS")).isNull();
        }
      }
    }
    assertThat(columnTypes).containsExactly("VARCHAR", "VARCHAR", "BIGINT", "DATE");
    try (Statement st = conn.createStatement();
        ResultSet rs = st.executeQuery("SELECT * FROM demographics")) {
      for (int i = 1; i <= 4; i++) {
        assertThat(rs.getMetaData().getColumnTypeName(i)).isEqualTo(columnTypes.get(i - 1));
      }
    }
  }

  @Test
  void warningsRecordedWhileReadingReachTheResultSet() throws SQLException {
    try (PreparedStatement ps = conn.prepareStatement("SELECT dob FROM demographics")) {
      for (int run = 0; run < 2; run++) {
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            rs.getObject(1);
          }
          java.sql.SQLWarning w = rs.getWarnings();
          assertThat((Object) w).isNotNull();
          assertThat(w.getMessage()).contains("dob").contains("before validation 1");
          assertThat((Object) w.getNextWarning())
              .as("one warning per execution, run " + run)
              .isNull();
          rs.clearWarnings();
          assertThat((Object) rs.getWarnings()).isNull();
        }
      }
    }
  }

  @Test
  void tablesAreListedInJdbcOrder() throws SQLException {
    List<String> listed = new ArrayList<>();
    try (ResultSet rs = conn.getMetaData().getTables(null, null, "%", null)) {
      while (rs.next()) {
        listed.add(
            rs.getString("TABLE_TYPE")
                + "/"
                + rs.getString("TABLE_SCHEM")
                + "/"
                + rs.getString("TABLE_NAME"));
        assertThat(rs.getString("REMARKS")).isNotNull();
      }
    }
    assertThat(listed).isSortedAccordingTo(String::compareTo).contains("TABLE/redcap/demographics");
  }

  @Test
  void primaryKeysAreReported() throws SQLException {
    try (ResultSet rs = conn.getMetaData().getPrimaryKeys(null, "redcap", "demographics")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString("TABLE_SCHEM")).isEqualTo("redcap");
      assertThat(rs.getString("TABLE_NAME")).isEqualTo("demographics");
      assertThat(rs.getString("COLUMN_NAME")).isEqualTo("record_id");
      assertThat(rs.getShort("KEY_SEQ")).isEqualTo((short) 1);
      assertThat(rs.getString("PK_NAME")).isNotBlank();
      assertThat(rs.next()).isFalse();
    }
    try (ResultSet rs = conn.getMetaData().getPrimaryKeys(null, null, "%")) {
      assertThat(rs.next()).isTrue();
    }
    try (ResultSet rs = conn.getMetaData().getImportedKeys(null, "redcap", "demographics")) {
      assertThat(rs.next()).isFalse();
    }
    try (ResultSet rs =
        conn.getMetaData().getIndexInfo(null, "redcap", "demographics", false, true)) {
      assertThat(rs.next()).isFalse();
    }
  }

  @Test
  void databaseMetaDataNamesRedcapAndHidesTheToken() throws SQLException {
    DatabaseMetaData md = conn.getMetaData();
    assertThat(md.getDatabaseProductName()).isEqualTo("REDCap");
    assertThat(md.getDatabaseProductVersion()).isEqualTo("15.2.1");
    assertThat(md.getDatabaseMajorVersion()).isEqualTo(15);
    assertThat(md.getDatabaseMinorVersion()).isEqualTo(2);
    assertThat(md.getDriverName()).isEqualTo("redcap-jdbc");
    assertThat(md.getIdentifierQuoteString()).isEqualTo("\"");
    assertThat(md.getURL()).isEqualTo(URL).doesNotContain(TOKEN);
    assertThat(md.isReadOnly()).isFalse();
    assertThat(conn.toString()).doesNotContain(TOKEN);
  }

  @Test
  void isValidAsksTheServerAndCloseReleasesTheSession() throws SQLException {
    assertThat(conn.isValid(5)).isTrue();
    driver.reachable = false;
    assertThat(conn.isValid(5)).isFalse();
    assertThatThrownBy(() -> conn.isValid(-1)).isInstanceOf(SQLException.class);
    conn.close();
    assertThat(conn.isClosed()).isTrue();
    assertThat(conn.isValid(1)).isFalse();
    assertThat(driver.sessionsClosed.get()).isEqualTo(1);
  }

  @Test
  void readOnlyPropertyIsReported() throws SQLException {
    Properties p = new Properties();
    p.setProperty("password", TOKEN);
    p.setProperty("readOnly", "true");
    try (Connection c = driver.connect(URL, p)) {
      assertThat(c.getMetaData().isReadOnly()).isTrue();
      assertThat(driver.lastConfig.readOnly()).isTrue();
    }
  }

  @Test
  void badSqlIsAnSqlExceptionNotAConnectionError() throws SQLException {
    try (Statement st = conn.createStatement()) {
      assertThatThrownBy(() -> st.executeQuery("SELECT nope FROM demographics"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("nope")
          .satisfies(
              e ->
                  assertThat(String.valueOf(((SQLException) e).getSQLState()))
                      .as("DBeaver treats 08xxx as a lost connection")
                      .doesNotStartWith("08"));
      assertThatThrownBy(() -> st.executeQuery("SELECT * FROM no_such_table"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("no_such_table");
    }
  }

  /**
   * One connection used from several threads at once, as a tool browsing metadata while a query
   * streams does: every DatabaseMetaData call opens and closes a statement, and Calcite's own
   * statement map was a plain HashMap that such threads corrupted ("no statement").
   */
  @Test
  void metadataCallsFromManyThreadsOnOneConnection() throws Exception {
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(8);
    try {
      List<java.util.concurrent.Future<Integer>> calls = new java.util.ArrayList<>();
      for (int t = 0; t < 8; t++) {
        calls.add(
            pool.submit(
                () -> {
                  int n = 0;
                  for (int i = 0; i < 200; i++) {
                    try (java.sql.ResultSet tables =
                        conn.getMetaData().getTables(null, null, "%", null)) {
                      while (tables.next()) {
                        n++;
                      }
                    }
                  }
                  return n;
                }));
      }
      for (java.util.concurrent.Future<Integer> f : calls) {
        assertThat(f.get(60, java.util.concurrent.TimeUnit.SECONDS)).isPositive();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * getObject by position takes a faster way for the column types a scan produces (see
   * RedcapResultSet); by label it is Avatica's own: both give equal values of the same class.
   */
  @Test
  void getObjectByPositionEqualsAvaticasByLabel() throws SQLException {
    String sql =
        "SELECT record_id, name_first, age, dob, CAST(age AS INTEGER) AS i,"
            + " CAST(age AS SMALLINT) AS s, CAST(age AS DOUBLE) AS d, age > 20 AS b,"
            + " CAST(age AS DECIMAL(10,2)) AS dec2, TIMESTAMP '2003-08-30 12:34:56.789' AS ts,"
            + " CAST(dob AS TIMESTAMP) AS ts2, CAST(NULL AS DATE) AS nd FROM demographics";
    try (java.sql.Statement s = conn.createStatement();
        java.sql.ResultSet rs = s.executeQuery(sql)) {
      java.sql.ResultSetMetaData md = rs.getMetaData();
      int rows = 0;
      while (rs.next()) {
        rows++;
        for (int i = 1; i <= md.getColumnCount(); i++) {
          Object byPosition = rs.getObject(i);
          boolean positionWasNull = rs.wasNull();
          Object byLabel = rs.getObject(md.getColumnLabel(i));
          assertThat(byPosition).as(md.getColumnLabel(i)).isEqualTo(byLabel);
          assertThat(positionWasNull).isEqualTo(byLabel == null);
          if (byLabel != null) {
            assertThat(byPosition.getClass()).isEqualTo(byLabel.getClass());
          }
        }
      }
      assertThat(rows).isEqualTo(2);
    }
  }
}
