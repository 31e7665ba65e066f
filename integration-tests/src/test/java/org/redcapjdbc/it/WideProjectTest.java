package org.redcapjdbc.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.calcite.runtime.Hook;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.redcapjdbc.emulator.EmulatedProject;

/**
 * Wide projects: REDCapR's {@code super-wide-1} (3,000 text fields over three instruments, two
 * records) read end to end, {@code SELECT *} planned without the validator giving the same
 * result-set metadata as the validator's path, and plans reused for a repeated statement.
 */
class WideProjectTest extends EmulatorTest {
  private static final String SUPER_WIDE = "redcapr/super-wide-1";

  @Test
  void superWideReadsEveryValueOfTheFixture() throws Exception {
    List<CSVRecord> data;
    try (Reader in = Files.newBufferedReader(Fixtures.path(SUPER_WIDE + "/data.csv"))) {
      data =
          CSVFormat.DEFAULT
              .builder()
              .setHeader()
              .setSkipHeaderRecord(true)
              .build()
              .parse(in)
              .getRecords();
    }
    List<String> header =
        CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .build()
            .parse(Files.newBufferedReader(Fixtures.path(SUPER_WIDE + "/data.csv")))
            .getHeaderNames();
    assertThat(header).hasSize(3_004);
    EmulatedProject project = load(SUPER_WIDE);
    try (Connection c = connect(project);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT * FROM records")) { // rows in record-ID order
      assertThat(Jdbc.columns(rs)).containsExactlyElementsOf(header);
      int row = 0;
      while (rs.next()) {
        CSVRecord expected = data.get(row++);
        for (int i = 0; i < header.size(); i++) {
          Object value = rs.getObject(i + 1);
          String text = value == null ? "" : value.toString();
          assertThat(text).as("row %d, %s", row, header.get(i)).isEqualTo(expected.get(i));
        }
      }
      assertThat(row).isEqualTo(data.size()).isEqualTo(2);
    }
  }

  /**
   * {@code SELECT * FROM t} is planned straight from the table; {@code ... WHERE TRUE AND TRUE}
   * takes the validator. Every column's metadata and every value must agree, for the flat table and each
   * instrument of a fixture with every field type, and of a generated longitudinal project with
   * repeating instruments and DAGs (its pseudo-columns).
   */
  @Test
  void starWithoutValidatorMatchesTheValidatorsMetadataAndRows() throws Exception {
    for (String fixture :
        List.of(
            "redcapr/validation-types-1/project.xml",
            "records=5,fields=60,events=2,repeating=1,checkboxes=2,dags=2,seed=3")) {
      EmulatedProject project =
          fixture.startsWith("records=") ? emulator.generate(fixture, null) : load(fixture);
      try (Connection c = connect(project)) {
        List<String> tables = new ArrayList<>();
        try (ResultSet t = c.getMetaData().getTables(null, "redcap", "%", null)) {
          while (t.next()) {
            tables.add(t.getString("TABLE_NAME"));
          }
        }
        assertThat(tables).contains("records");
        for (String table : tables) {
          String star = "SELECT * FROM \"" + table + "\"";
          assertThat(describe(c, star))
              .as(fixture + ": " + star)
              .isEqualTo(describe(c, star + " WHERE TRUE AND TRUE"));
          assertThat(Jdbc.rows(c, "SELECT * FROM redcap.\"" + table + "\""))
              .as(fixture + ": rows of " + table)
              .isEqualTo(Jdbc.rows(c, star + " WHERE TRUE AND TRUE"));
        }
      }
    }
  }

  private static List<String> describe(Connection c, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      ResultSetMetaData md = rs.getMetaData();
      for (int i = 1; i <= md.getColumnCount(); i++) {
        out.add(
            String.join(
                "|",
                md.getColumnName(i),
                md.getColumnLabel(i),
                md.getTableName(i),
                md.getSchemaName(i),
                md.getCatalogName(i),
                md.getColumnTypeName(i),
                md.getColumnClassName(i),
                String.valueOf(md.getColumnType(i)),
                String.valueOf(md.getPrecision(i)),
                String.valueOf(md.getScale(i)),
                String.valueOf(md.isNullable(i)),
                String.valueOf(md.isReadOnly(i)),
                String.valueOf(md.isSigned(i))));
      }
    }
    return out;
  }

  /**
   * A statement run again on a connection is not planned again (Calcite parses every statement
   * it plans: its parse hook counts plans), whether plain or prepared; other text is planned.
   * A change of the project's structure reaches a new connection, which plans afresh and sees
   * the new column.
   */
  @Test
  void repeatedStatementReusesItsPlanUntilTheStructureChanges() throws Exception {
    EmulatedProject project = emulator.generate("records=3,fields=40,seed=7", null);
    AtomicInteger plans = new AtomicInteger();
    String sql = "SELECT * FROM records";
    try (Hook.Closeable ignored =
        Hook.PARSE_TREE.addThread(
            (Object x) -> {
              plans.incrementAndGet();
            })) {
      List<List<Object>> first;
      try (Connection c = connect(project)) {
        plans.set(0); // the first connection of a JVM warms Calcite up with statements of its own
        first = Jdbc.rows(c, sql);
        assertThat(plans).hasValue(1);
        assertThat(Jdbc.rows(c, sql)).isEqualTo(first);
        c.prepareStatement(sql).close();
        assertThat(plans).as("the same text again").hasValue(1);
        Jdbc.rows(c, sql + " WHERE record_id = '1'");
        assertThat(plans).as("other text").hasValue(2);
        Jdbc.rows(c, sql + " WHERE record_id = '1'");
        assertThat(plans).hasValue(2);
        c.createStatement().executeQuery(sql).close();
        assertThat(plans).hasValue(2);

        addField(project, "wide_added_field");
        try (Connection fresh = connect(project)) {
          plans.set(2);
          List<String> columns;
          try (Statement s = fresh.createStatement();
              ResultSet rs = s.executeQuery(sql)) {
            columns = Jdbc.columns(rs);
          }
          assertThat(plans).as("a new structure is planned afresh").hasValue(3);
          assertThat(columns).contains("wide_added_field");
        }
        // The first connection keeps the structure it opened with (docs/architecture.md §4).
        try (Statement s = c.createStatement();
            ResultSet rs = s.executeQuery(sql)) {
          assertThat(Jdbc.columns(rs)).doesNotContain("wide_added_field");
        }
        assertThat(plans).hasValue(3);
      }
    }
  }

  /** Imports the project's dictionary with one more text field on its first instrument. */
  private static void addField(EmulatedProject project, String name) throws Exception {
    ObjectMapper json = new ObjectMapper();
    ArrayNode dictionary =
        (ArrayNode) json.readTree(post(project, "content", "metadata", "format", "json"));
    ObjectNode field = dictionary.get(1).deepCopy();
    List<String> keys = new ArrayList<>();
    field.fieldNames().forEachRemaining(keys::add);
    for (String k : keys) {
      if (!k.equals("form_name")) {
        field.put(k, "");
      }
    }
    field.put("field_name", name);
    field.put("field_type", "text");
    field.put("field_label", "Added");
    dictionary.insert(2, field);
    JsonNode answer =
        json.readTree(
            post(
                project,
                "content",
                "metadata",
                "action",
                "import",
                "format",
                "json",
                "data",
                json.writeValueAsString(dictionary)));
    assertThat(answer.asInt()).as("fields imported: " + answer).isEqualTo(dictionary.size());
  }

  private static String post(EmulatedProject project, String... params)
      throws IOException, InterruptedException {
    StringBuilder body = new StringBuilder("token=" + project.token());
    for (int i = 0; i < params.length; i += 2) {
      body.append('&')
          .append(URLEncoder.encode(params[i], StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(params[i + 1], StandardCharsets.UTF_8));
    }
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(emulator.url()))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.body();
  }
}
