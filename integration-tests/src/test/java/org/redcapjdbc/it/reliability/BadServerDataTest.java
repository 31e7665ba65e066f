package org.redcapjdbc.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.redcapjdbc.emulator.EmulatedProject;

/**
 * Damaged record exports through the driver, each handled as docs/redcap-api.md §4 says: broken
 * bodies (invalid JSON, an HTML page or an empty body with status 200) fail the query with an
 * SQLException; what real servers send and clients must coerce (a byte-order mark, invalid UTF-8
 * bytes, extra columns, numbers instead of strings) is tolerated with the rows intact; a column
 * REDCap leaves out reads as NULL, as it does when export rights drop a form; a value failing its
 * field's validation reads as NULL with an SQLWarning naming it, or fails with
 * {@code strictTypes=true}.
 *
 * <p>The server is a MockWebServer ({@link DamagingProxy}) in front of the emulator: the driver
 * reads the real project's structure at connect, and only the record exports issued by the query
 * are damaged afterwards.
 */
class BadServerDataTest extends EmulatorBacked {
  @RegisterExtension static final LogCapture LOGS = LogCapture.driverAtTrace();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String QUERY =
      "SELECT record_id, f1_text, f2_integer, f4_date FROM instrument_1";

  private static EmulatedProject project;
  private static List<String> expected;
  private DamagingProxy proxy;

  /** The damage to apply once a connection has read the project intact. */
  private DamagingProxy.Damage pending;

  @BeforeAll
  static void project() throws SQLException {
    project = generate("records=30,fields=14,seed=61");
    LOGS.watch(project.token());
    try (Connection c = connect(project)) {
      expected = RetriesTest.sorted(Sql.rows(c, QUERY));
    }
    assertThat(expected).hasSize(30);
  }

  @BeforeEach
  void startProxy() throws Exception {
    proxy = new DamagingProxy(emulator.url());
  }

  @AfterEach
  void stopProxy() throws Exception {
    proxy.close();
  }

  /** A connection through the proxy, opened before any damage, so the model is read intact. */
  private Connection connectThroughProxy(String... properties) throws SQLException {
    List<String> all = new ArrayList<>(List.of(properties));
    all.add("maxRetries=1");
    proxy.passEverything();
    Connection c = Sql.connect(proxy.url(), project.token(), all.toArray(String[]::new));
    proxy.damage(pending);
    return c;
  }

  /** Every record export answered with {@code body} (status 200, the emulator's content type). */
  private void damageRecordExports(UnaryOperator<byte[]> body) {
    pending = x -> x.isRecordExport() ? x.withBody(body.apply(x.body())) : x.passThrough();
  }

  /** The rows of a record export with {@code change} applied to each row object. */
  private static byte[] eachRow(byte[] body, java.util.function.Consumer<ObjectNode> change) {
    try {
      ArrayNode rows = (ArrayNode) JSON.readTree(body);
      for (JsonNode row : rows) {
        change.accept((ObjectNode) row);
      }
      return JSON.writeValueAsBytes(rows);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private SQLException queryFails(String... properties) throws SQLException {
    try (Connection c = connectThroughProxy(properties)) {
      SQLException e = assertThrows(SQLException.class, () -> Sql.rows(c, QUERY));
      proxy.passEverything();
      assertThat(RetriesTest.sorted(Sql.rows(c, QUERY)))
          .as("the connection is still usable")
          .isEqualTo(expected);
      return e;
    }
  }

  // ---- Broken bodies: an SQLException every time, never rows --------------------------------

  @Test
  void invalidJsonFailsTheQuery() throws Exception {
    damageRecordExports(
        b ->
            "[{\"record_id\":\"1\",\"f1_text\":\"a\"},{\"record_id\":\"2\","
                .concat("\"f1_text\" \"b\"}]")
                .getBytes(StandardCharsets.UTF_8));
    SQLException e = queryFails();
    System.out.println("invalid JSON: " + Sql.messages(e));
    assertThat(Sql.messages(e)).containsIgnoringCase("json");
  }

  @Test
  void anHtmlPageWithStatus200FailsTheQuery() throws Exception {
    pending =
        x ->
            x.isRecordExport()
                ? new MockResponse.Builder()
                    .code(200)
                    .setHeader("Content-Type", "text/html; charset=UTF-8")
                    .body(
                        "<!DOCTYPE html><html><body><h1>The data export is not able to complete</h1>"
                            + "</body></html>")
                    .build()
                : x.passThrough();
    SQLException e = queryFails();
    System.out.println("HTML with 200: " + Sql.messages(e));
    assertThat(Sql.messages(e)).containsIgnoringCase("html");
  }

  @Test
  void anEmptyBodyWithStatus200FailsTheQuery() throws Exception {
    damageRecordExports(b -> new byte[0]);
    SQLException e = queryFails();
    System.out.println("empty body: " + Sql.messages(e));
    assertThat(Sql.messages(e)).containsIgnoringCase("empty");
  }

  // ---- Tolerated as docs/redcap-api.md §4 says: the rows are intact -----------------------------

  @Test
  void aByteOrderMarkIsIgnored() throws Exception {
    damageRecordExports(
        b -> {
          ByteArrayOutputStream out = new ByteArrayOutputStream();
          out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
          out.writeBytes(b);
          return out.toByteArray();
        });
    try (Connection c = connectThroughProxy()) {
      assertThat(RetriesTest.sorted(Sql.rows(c, QUERY))).isEqualTo(expected);
    }
  }

  /**
   * Bytes that are not UTF-8 become U+FFFD in their value only (docs/redcap-api.md §4.8: they
   * occur).
   */
  @Test
  void invalidUtf8BytesBecomeReplacementCharactersInTheirValueOnly() throws Exception {
    damageRecordExports(
        b -> {
          byte[] marked =
              eachRow(
                  b,
                  row -> {
                    if (row.get("record_id").asText().equals("3")) {
                      row.put("f1_text", "caf@@");
                    }
                  });
          String text = new String(marked, StandardCharsets.ISO_8859_1);
          // 0xE9 alone (Latin-1 é) and 0xC3 followed by an ASCII byte are both invalid UTF-8.
          return text.replace("caf@@", "caf\u00e9 \u00c3(").getBytes(StandardCharsets.ISO_8859_1);
        });
    try (Connection c = connectThroughProxy()) {
      List<List<Object>> rows = Sql.rows(c, QUERY + " ORDER BY record_id");
      assertThat(rows).hasSize(30);
      List<Object> three =
          rows.stream().filter(r -> r.get(0).equals("3")).findFirst().orElseThrow();
      assertThat(three.get(1)).isEqualTo("caf\uFFFD \uFFFD(");
      List<String> others =
          RetriesTest.sorted(rows.stream().filter(r -> !r.get(0).equals("3")).toList());
      assertThat(others).isEqualTo(expected.stream().filter(r -> !r.startsWith("[3, ")).toList());
    }
  }

  /**
   * docs/redcap-api.md §4.17: parse by column name, tolerate extra columns (newer servers add
   * some).
   */
  @Test
  void extraColumnsAreIgnored() throws Exception {
    damageRecordExports(
        b ->
            eachRow(
                b,
                row -> {
                  ObjectNode copy = row.deepCopy();
                  row.removeAll();
                  row.put("a_new_server_column", "surprise");
                  row.setAll(copy);
                  row.put("another_one", 17);
                }));
    try (Connection c = connectThroughProxy()) {
      assertThat(RetriesTest.sorted(Sql.rows(c, QUERY))).isEqualTo(expected);
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT * FROM instrument_1")) {
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
          assertThat(rs.getMetaData().getColumnName(i))
              .doesNotContain("another_one")
              .doesNotContain("a_new_server_column");
        }
        assertThat(Sql.rows(rs)).hasSize(30);
        assertThat((Object) rs.getWarnings())
            .as("a warning naming the unknown columns")
            .isNotNull();
        assertThat(rs.getWarnings().getMessage())
            .contains("a_new_server_column")
            .contains("another_one")
            .contains("Reconnect");
      }
    }
  }

  /**
   * docs/redcap-api.md §4.7: types on the wire differ; a number where REDCap usually sends a string
   * is coerced.
   */
  @Test
  void numbersWhereStringsAreExpectedAreCoerced() throws Exception {
    damageRecordExports(
        b ->
            eachRow(
                b,
                row -> {
                  row.put("record_id", Integer.parseInt(row.get("record_id").asText()));
                  JsonNode n = row.get("f2_integer");
                  if (n != null && !n.asText().isEmpty()) {
                    row.put("f2_integer", Long.parseLong(n.asText()));
                  }
                }));
    try (Connection c = connectThroughProxy()) {
      assertThat(RetriesTest.sorted(Sql.rows(c, QUERY))).isEqualTo(expected);
    }
  }

  /**
   * A column left out of every row reads as NULL, with an SQLWarning naming it: REDCap itself
   * leaves out the fields of a form the token may not export, silently and with status 200
   * (docs/redcap-api.md §4.12), so an absent column is not evidence of damage, but it is not an
   * empty field either.
   */
  @Test
  void aColumnLeftOutReadsAsNull() throws Exception {
    damageRecordExports(b -> eachRow(b, row -> row.remove("f1_text")));
    try (Connection c = connectThroughProxy();
        Statement s = c.createStatement()) {
      List<List<Object>> rows;
      try (ResultSet rs = s.executeQuery(QUERY)) {
        rows = Sql.rows(rs);
        assertThat(rs.getWarnings().getMessage())
            .contains("REDCap left out 1 column(s)")
            .contains("(f1_text)");
      }
      assertThat(rows).hasSize(30).allSatisfy(r -> assertThat(r.get(1)).isNull());
      List<List<Object>> rest =
          rows.stream().map(r -> java.util.Arrays.asList(r.get(0), r.get(2), r.get(3))).toList();
      proxy.passEverything();
      assertThat(RetriesTest.sorted(rest))
          .as("the other columns are intact")
          .isEqualTo(
              RetriesTest.sorted(
                  Sql.rows(c, "SELECT record_id, f2_integer, f4_date FROM instrument_1")));
    }
  }

  /** Without the record-ID column rows cannot be keyed: that is an error, not nameless rows. */
  @Test
  void rowsWithoutTheRecordIdFailTheQuery() throws Exception {
    damageRecordExports(b -> eachRow(b, row -> row.remove("record_id")));
    SQLException e = queryFails();
    System.out.println("no record ID: " + Sql.messages(e));
    assertThat(Sql.messages(e)).contains("without its record ID ('record_id'");
  }

  /**
   * A filtered read of a project not counted yet first counts it (one export of the record IDs):
   * rows without their ID there must fail the query too, not make the project look empty.
   */
  @Test
  void rowsWithoutTheRecordIdFailTheCountOfAFilteredRead() throws Exception {
    damageRecordExports(b -> eachRow(b, row -> row.remove("record_id")));
    try (Connection c = connectThroughProxy()) {
      SQLException e =
          assertThrows(SQLException.class, () -> Sql.rows(c, QUERY + " WHERE f2_integer > 0"));
      assertThat(Sql.messages(e)).contains("without its record ID ('record_id'");
    }
  }

  // ---- Values failing their validation ------------------------------------------------------

  private static byte[] badValues(byte[] body) {
    return eachRow(
        body,
        row -> {
          if (row.get("record_id").asText().equals("4")) {
            row.put("f2_integer", "twelve");
            row.put("f4_date", "2023-13-45");
          }
        });
  }

  @Test
  void aValueFailingItsValidationReadsAsNullWithAWarning() throws Exception {
    damageRecordExports(BadServerDataTest::badValues);
    try (Connection c = connectThroughProxy();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(QUERY + " ORDER BY record_id")) {
      List<List<Object>> rows = Sql.rows(rs);
      assertThat(rows).hasSize(30);
      List<Object> four = rows.stream().filter(r -> r.get(0).equals("4")).findFirst().orElseThrow();
      assertThat(four.get(2)).isNull();
      assertThat(four.get(3)).isNull();
      StringBuilder warnings = new StringBuilder();
      for (SQLWarning w = rs.getWarnings(); w != null; w = w.getNextWarning()) {
        warnings.append(w.getMessage()).append('\n');
      }
      System.out.println("warnings: " + warnings);
      assertThat(warnings.toString())
          .contains("twelve")
          .contains("2023-13-45")
          .contains("f2_integer")
          .contains("f4_date");
    }
  }

  @Test
  void aValueFailingItsValidationFailsWithStrictTypes() throws Exception {
    damageRecordExports(BadServerDataTest::badValues);
    SQLException e = queryFails("strictTypes=true");
    System.out.println("strict: " + Sql.messages(e));
    assertThat(Sql.messages(e)).contains("twelve").contains("f2_integer");
  }
}
