package org.redcapjdbc.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.redcapjdbc.emulator.EmulatedProject;
import org.redcapjdbc.emulator.EmulatorStats.RecordedRequest;

/**
 * String literals built to change a pushed-down {@code filterLogic} (quotes of both kinds,
 * brackets that REDCap reads as field references, {@code or}, backslashes, line breaks, unicode)
 * give the same rows as the same query with {@code pushdown=false}, and the {@code filterLogic}
 * REDCap receives never widens: it is either absent (the value could not be written safely, so
 * the driver filters locally) or has exactly the shape a harmless value gives, with the value as
 * its only literal. Records holding each hostile value are written first, so every query has
 * rows to find. Unknown tables and columns and values of the wrong type are SQLExceptions.
 */
class HostileLiteralsTest extends EmulatorBacked {
  @RegisterExtension static final LogCapture LOGS = LogCapture.driverAtTrace();

  /** A REDCap literal: no escapes, so it runs from a quote to the next quote of its kind. */
  private static final Pattern LITERAL = Pattern.compile("'[^']*'|\"[^\"]*\"");

  static final List<String> HOSTILE =
      List.of(
          "O'Brien",
          "say \"hi\"",
          "it's \"both\"",
          "x' or '1'='1",
          "x\" or \"1\"=\"1",
          "' or [record_id] <> '",
          "\" or [record_id] <> \"",
          "[record_id]",
          "a]b",
          "a[b",
          "][",
          "back\\slash",
          "back\\' or 1=1 or '\\",
          "line\nbreak",
          "line\r\nbreak' or '1'='1",
          "tab\there",
          "') or ('1'='1",
          "1 or 1",
          " or ",
          "caf\u00e9 \u2713 \u65e5\u672c \ud83e\uddea",
          "sep\u2028arator",
          "nul\u0000byte",
          "%_%");

  /**
   * What a LIKE whose pieces cannot be written safely sends: only "not blank", which the pattern
   * implies and the value cannot touch; the pattern itself is applied by the driver.
   */
  private static final String NOT_BLANK = "[f1_text] <> ''";

  private static EmulatedProject project;
  private static Connection pushed;
  private static Connection local;

  /** The filterLogic a harmless value gives, with literals replaced by '?', per query shape. */
  private static String equalsShape;

  private static String likeShape;

  @BeforeAll
  static void projectWithHostileValues() throws SQLException {
    project = generate("records=40,fields=14,seed=71");
    LOGS.watch(project.token());
    pushed = connect(project);
    local = connect(project, "pushdown=false");
    try (PreparedStatement ps =
        pushed.prepareStatement("UPDATE instrument_1 SET f1_text = ? WHERE record_id = ?")) {
      for (int i = 0; i < HOSTILE.size(); i++) {
        ps.setString(1, HOSTILE.get(i));
        ps.setString(2, Integer.toString(i + 1));
        ps.addBatch();
      }
      ps.executeBatch();
    }
    // A harmless value that is stored too, to learn the shape of a pushed-down filter.
    try (PreparedStatement ps =
        pushed.prepareStatement(
            "UPDATE instrument_1 SET f1_text = 'harmless' WHERE record_id = '40'")) {
      ps.executeUpdate();
    }
    // The record count is learnt by the first read that needs it; learn it now, so that each
    // query below is its own one export.
    try (java.sql.Statement s = pushed.createStatement()) {
      Sql.rows(s.executeQuery("SELECT COUNT(*) FROM records"));
    }
    equalsShape = shape(sentFilter(() -> equalsQuery(pushed, "harmless")));
    likeShape = shape(sentFilter(() -> likeQuery(pushed, "harmless")));
    assertThat(equalsShape).isEqualTo("[f1_text] = ?");
    assertThat(likeShape).contains("[f1_text]").contains("?");
  }

  @AfterAll
  static void closeConnections() throws SQLException {
    pushed.close();
    local.close();
  }

  static List<String> hostile() {
    return HOSTILE;
  }

  interface Query {
    List<List<Object>> run() throws SQLException;
  }

  private static List<List<Object>> equalsQuery(Connection c, String value) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT record_id, f1_text FROM instrument_1 WHERE f1_text = ? ORDER BY record_id")) {
      ps.setString(1, value);
      return Sql.rows(ps.executeQuery());
    }
  }

  /** The same comparison written as an SQL literal (quotes doubled), not a parameter. */
  private static List<List<Object>> literalQuery(Connection c, String value) throws SQLException {
    return Sql.rows(
        c,
        "SELECT record_id, f1_text FROM records WHERE f1_text = '"
            + value.replace("'", "''")
            + "' OR f1_text = '"
            + value.replace("'", "''")
            + "' ORDER BY record_id");
  }

  private static List<List<Object>> likeQuery(Connection c, String value) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT record_id, f1_text FROM instrument_1 WHERE f1_text LIKE ? ORDER BY record_id")) {
      ps.setString(1, "%" + value + "%");
      return Sql.rows(ps.executeQuery());
    }
  }

  /** Runs the query and returns the one filterLogic its record export sent (null if none). */
  private static String sentFilter(Query q) throws SQLException {
    emulator.resetStats();
    q.run();
    List<RecordedRequest> exports = emulator.stats().requests("record/export");
    assertThat(exports).as("one record export").hasSize(1);
    return exports.get(0).param("filterLogic");
  }

  /** The filter with every literal replaced by {@code ?}. */
  private static String shape(String filterLogic) {
    return LITERAL.matcher(filterLogic).replaceAll("?");
  }

  private static List<String> literals(String filterLogic) {
    List<String> out = new ArrayList<>();
    Matcher m = LITERAL.matcher(filterLogic);
    while (m.find()) {
      out.add(m.group().substring(1, m.group().length() - 1));
    }
    return out;
  }

  /**
   * What REDCap was asked is no wider than the query: no filter at all (filtered here), or the
   * harmless shape whose literals are the value (or, for LIKE, pieces of it).
   */
  private static void assertNotWidened(
      String sent, String expectedShape, String value, boolean pieces) {
    if (sent == null) {
      return;
    }
    assertThat(shape(sent)).as("shape of %s", sent).isEqualTo(expectedShape);
    assertThat(sent).doesNotContain("\\").doesNotContain("\n").doesNotContain("\r");
    for (String literal : literals(sent)) {
      if (pieces) {
        assertThat(value).as("literal of %s", sent).contains(literal);
      } else {
        assertThat(literal).as("literal of %s", sent).isEqualTo(value);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("hostile")
  void aHostileValueFindsExactlyItsRecordAndNeverWidensTheFilter(String value) throws SQLException {
    String record = Integer.toString(HOSTILE.indexOf(value) + 1);
    List<List<Object>> expected = List.of(List.of(record, value));

    List<List<Object>>[] got = new List[1];
    String sent = sentFilter(() -> got[0] = equalsQuery(pushed, value));
    assertThat(got[0])
        .as("= ? with pushdown")
        .isEqualTo(equalsQuery(local, value))
        .isEqualTo(expected);
    assertNotWidened(sent, equalsShape, value, false);

    sent = sentFilter(() -> got[0] = literalQuery(pushed, value));
    assertThat(got[0])
        .as("= literal with pushdown")
        .isEqualTo(literalQuery(local, value))
        .isEqualTo(expected);
    if (sent != null) {
      assertThat(literals(sent))
          .as("literals of %s", sent)
          .allSatisfy(l -> assertThat(l).isEqualTo(value));
      assertThat(shape(sent))
          .as("shape of %s", sent)
          .isIn("[f1_text] = ?", "([f1_text] = ? or [f1_text] = ?)");
    }

    if (value.indexOf('\0') >= 0) {
      // Calcite's LIKE refuses a NUL in the pattern, with pushdown and without: an error, and
      // nothing is asked of REDCap beyond what the comparison above already showed.
      assertThrows(SQLException.class, () -> likeQuery(pushed, value));
      assertThrows(SQLException.class, () -> likeQuery(local, value));
      return;
    }
    sent = sentFilter(() -> got[0] = likeQuery(pushed, value));
    assertThat(got[0])
        .as("LIKE with pushdown")
        .isEqualTo(likeQuery(local, value))
        .contains(List.of(record, value));
    if (!NOT_BLANK.equals(sent)) {
      assertNotWidened(sent, likeShape, value, true);
    }
    System.out.printf(
        "%-30s -> %s%n",
        value.replace("\n", "\\n").replace("\r", "\\r").replace("\0", "\\0"), sent);
  }

  @Test
  void unknownNamesAndWrongTypesAreSqlErrorsThatNameThem() throws SQLException {
    SQLException table =
        assertThrows(SQLException.class, () -> Sql.rows(pushed, "SELECT * FROM instrument_9"));
    assertThat(table.getMessage()).contains("'instrument_9' not found");
    SQLException column =
        assertThrows(
            SQLException.class, () -> Sql.rows(pushed, "SELECT f99_nothing FROM instrument_1"));
    assertThat(column.getMessage()).contains("'f99_nothing' not found");
    SQLException date =
        assertThrows(
            SQLException.class,
            () -> Sql.rows(pushed, "SELECT * FROM instrument_1 WHERE f4_date = 'not a date'"));
    System.out.println("date: " + Sql.messages(date));
    assertThat(Sql.messages(date)).contains("not a date");
    try (PreparedStatement ps =
        pushed.prepareStatement("SELECT record_id FROM instrument_1 WHERE f2_integer = ?")) {
      SQLException param = assertThrows(SQLException.class, () -> ps.setString(1, "1 or 1=1"));
      System.out.println("param: " + Sql.messages(param));
      assertThat(Sql.messages(param))
          .contains("Parameter 1 is a whole number")
          .contains("'1 or 1=1' is not one");
    }
    emulator.resetStats();
    assertThat(Sql.rows(pushed, "SELECT COUNT(*) FROM instrument_1"))
        .as("still usable")
        .containsExactly(List.of(40L));
  }
}
