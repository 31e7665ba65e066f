package org.redcapjdbc.it.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.redcapjdbc.emulator.EmulatedProject;
import schemacrawler.schema.Catalog;
import schemacrawler.schema.Column;
import schemacrawler.schema.Schema;
import schemacrawler.schema.Table;
import schemacrawler.schema.TableConstraintColumn;
import schemacrawler.schemacrawler.LoadOptionsBuilder;
import schemacrawler.schemacrawler.SchemaCrawlerOptions;
import schemacrawler.schemacrawler.SchemaCrawlerOptionsBuilder;
import schemacrawler.schemacrawler.SchemaInfoLevelBuilder;
import schemacrawler.tools.utility.SchemaCrawlerUtility;
import us.fatehi.utility.datasource.DatabaseConnectionSource;
import us.fatehi.utility.datasource.DatabaseConnectionSources;
import us.fatehi.utility.datasource.MultiUseUserCredentials;

/**
 * SchemaCrawler crawls the driver at its most detailed level: every table of both schemas, every
 * column with its type and remark, and every primary key the driver's DatabaseMetaData reports
 * come through, and SchemaCrawler logs no warning or error on the way.
 */
class SchemaCrawlerTest {
  /** What SchemaCrawler's own logger reports at WARNING and above. */
  private static final class Problems extends Handler {
    final List<String> seen = new ArrayList<>();

    @Override
    public synchronized void publish(LogRecord r) {
      if (r.getLevel().intValue() >= Level.WARNING.intValue()) {
        seen.add(
            r.getLevel()
                + " "
                + r.getLoggerName()
                + ": "
                + r.getMessage()
                + (r.getThrown() != null ? " (" + r.getThrown() + ")" : ""));
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"demo", "awkward names", "basic demography"})
  void crawlSeesEveryTableColumnRemarkAndKey(String which) throws Exception {
    EmulatedProject project =
        switch (which) {
          case "demo" -> ClientProjects.demo();
          case "awkward names" -> ClientProjects.awkwardNames();
          default -> ClientProjects.basicDemography();
        };
    Map<String, TableFacts> expected = new LinkedHashMap<>();
    try (Connection c = ClientProjects.connect(project)) {
      DatabaseMetaData md = c.getMetaData();
      for (String schema : List.of("redcap", "meta")) {
        expected.putAll(TableFacts.read(md, schema));
      }
    }
    assertThat(expected).as("tables the driver reports").isNotEmpty();

    Problems problems = new Problems();
    Logger[] loggers = {Logger.getLogger("schemacrawler"), Logger.getLogger("us.fatehi")};
    for (Logger l : loggers) {
      l.addHandler(problems);
    }
    Catalog catalog;
    try {
      DatabaseConnectionSource source =
          DatabaseConnectionSources.newDatabaseConnectionSource(
              ClientProjects.url(), new MultiUseUserCredentials("redcap", project.token()));
      SchemaCrawlerOptions options =
          SchemaCrawlerOptionsBuilder.newSchemaCrawlerOptions()
              .withLoadOptions(
                  LoadOptionsBuilder.builder()
                      .withSchemaInfoLevel(SchemaInfoLevelBuilder.maximum())
                      .toOptions());
      catalog = SchemaCrawlerUtility.getCatalog(source, options);
    } finally {
      for (Logger l : loggers) {
        l.removeHandler(problems);
      }
    }
    assertThat(problems.seen).as("SchemaCrawler's warnings and errors").isEmpty();

    Map<String, TableFacts> crawled = new LinkedHashMap<>();
    for (Schema schema : catalog.getSchemas()) {
      for (Table t : catalog.getTables(schema)) {
        crawled.put(schema.getName() + "." + t.getName(), TableFacts.of(schema.getName(), t));
      }
    }
    assertThat(crawled.keySet())
        .as("tables crawled")
        .containsExactlyInAnyOrderElementsOf(expected.keySet());
    for (Map.Entry<String, TableFacts> e : expected.entrySet()) {
      TableFacts got = crawled.get(e.getKey());
      assertThat(got).as(e.getKey()).usingRecursiveComparison().isEqualTo(e.getValue());
      assertThat(got.remarks()).as("remarks of " + e.getKey()).isNotBlank();
      assertThat(got.columnRemarks())
          .as("column remarks of " + e.getKey())
          .allSatisfy(r -> assertThat(r).isNotBlank());
      if (e.getKey().startsWith("redcap.")) {
        assertThat(got.primaryKey()).as("key of " + e.getKey()).isNotEmpty();
      }
    }
  }

  /** A table as both sides can describe it. */
  record TableFacts(
      String remarks,
      List<String> columns,
      List<String> columnTypes,
      List<String> columnRemarks,
      List<String> primaryKey) {

    static Map<String, TableFacts> read(DatabaseMetaData md, String schema) throws SQLException {
      Map<String, TableFacts> tables = new LinkedHashMap<>();
      Map<String, String> remarks = new LinkedHashMap<>();
      try (ResultSet rs = md.getTables(null, schema, "%", null)) {
        while (rs.next()) {
          remarks.put(rs.getString("TABLE_NAME"), rs.getString("REMARKS"));
        }
      }
      for (Map.Entry<String, String> t : remarks.entrySet()) {
        List<String> columns = new ArrayList<>();
        List<String> types = new ArrayList<>();
        List<String> columnRemarks = new ArrayList<>();
        try (ResultSet rs = md.getColumns(null, schema, t.getKey(), "%")) {
          while (rs.next()) {
            columns.add(rs.getString("COLUMN_NAME"));
            types.add(rs.getString("TYPE_NAME"));
            columnRemarks.add(rs.getString("REMARKS"));
          }
        }
        List<String[]> key = new ArrayList<>();
        try (ResultSet rs = md.getPrimaryKeys(null, schema, t.getKey())) {
          while (rs.next()) {
            key.add(
                new String[] {String.valueOf(rs.getShort("KEY_SEQ")), rs.getString("COLUMN_NAME")});
          }
        }
        key.sort((a, b) -> Integer.compare(Integer.parseInt(a[0]), Integer.parseInt(b[0])));
        tables.put(
            schema + "." + t.getKey(),
            new TableFacts(
                t.getValue(), columns, types, columnRemarks, key.stream().map(k -> k[1]).toList()));
      }
      return tables;
    }

    static TableFacts of(String schema, Table t) {
      List<String> columns = new ArrayList<>();
      List<String> types = new ArrayList<>();
      List<String> remarks = new ArrayList<>();
      for (Column c : t.getColumns()) {
        columns.add(c.getName());
        types.add(c.getColumnDataType().getName());
        remarks.add(c.getRemarks());
      }
      List<String> key = new ArrayList<>();
      if (t.hasPrimaryKey()) {
        for (TableConstraintColumn c : t.getPrimaryKey().getConstrainedColumns()) {
          key.add(c.getName());
        }
      }
      return new TableFacts(t.getRemarks(), columns, types, remarks, key);
    }
  }
}
