package org.redcapjdbc.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.TimestampString;
import org.junit.jupiter.api.Test;
import org.redcapjdbc.model.Column;
import org.redcapjdbc.model.LayoutOptions;
import org.redcapjdbc.model.ProjectModel;
import org.redcapjdbc.model.TableLayout;
import org.redcapjdbc.schema.RedcapTypeSystem;
import org.redcapjdbc.schema.RelTypes;

/**
 * What {@link FilterTranslator} sends for each kind of predicate, and what it refuses to send,
 * on a small project: classic fields of every type, a longitudinal copy with events, and one
 * with a repeating instrument.
 */
class FilterTranslatorTest {
  private static final RelDataTypeFactory TYPES =
      new JavaTypeFactoryImpl(RedcapTypeSystem.INSTANCE);
  private static final RexBuilder REX = new RexBuilder(TYPES);

  private final Map<String, Object> parameters = new HashMap<>();

  private static Map<String, String> field(
      String name, String form, String type, String validation, String choices) {
    Map<String, String> row = new LinkedHashMap<>();
    row.put("field_name", name);
    row.put("form_name", form);
    row.put("field_type", type);
    row.put("field_label", name);
    row.put("select_choices_or_calculations", choices);
    row.put("text_validation_type_or_show_slider_number", validation);
    return row;
  }

  private static List<Map<String, String>> dictionary() {
    return List.of(
        field("record_id", "person", "text", "", ""),
        field("name", "person", "text", "", ""),
        field("age", "person", "text", "integer", ""),
        field("weight", "person", "text", "number", ""),
        field("ratio", "person", "text", "number_comma_decimal", ""),
        field("dob", "person", "text", "date_ymd", ""),
        field("seen", "person", "text", "datetime_ymd", ""),
        field("smoker", "person", "yesno", "", ""),
        field("sex", "person", "radio", "", "1, Female | 2, Male | 3, Male"),
        field("race", "person", "checkbox", "", "1, Asian | -99, Unknown"),
        field("scan", "person", "file", "", ""),
        field("sbp", "visit", "text", "integer", ""));
  }

  private static ProjectModel classic() {
    return ProjectModel.builder().metadata(dictionary()).build();
  }

  private static ProjectModel repeating() {
    return ProjectModel.builder()
        .metadata(dictionary())
        .repeatingFormsEvents(List.of(Map.of("form_name", "visit")))
        .build();
  }

  private static ProjectModel longitudinal() {
    return ProjectModel.builder()
        .metadata(dictionary())
        .projectInfo(Map.of("is_longitudinal", "1"))
        .events(
            List.of(
                Map.of("event_name", "Base", "arm_num", "1", "unique_event_name", "base_arm_1"),
                Map.of("event_name", "Next", "arm_num", "1", "unique_event_name", "next_arm_1")))
        .formEventMappings(
            List.of(
                Map.of("arm_num", "1", "unique_event_name", "base_arm_1", "form", "person"),
                Map.of("arm_num", "1", "unique_event_name", "next_arm_1", "form", "visit")))
        .build();
  }

  /** The filter the records table of {@code model} derives from {@code conditions}. */
  private ExportFilter translate(ProjectModel model, RexNode... conditions) {
    TableLayout layout = model.recordsLayout(LayoutOptions.DEFAULT);
    return FilterTranslator.forTable(layout, model)
        .translate(new ArrayList<>(List.of(conditions)), parameters::get);
  }

  private String logic(ProjectModel model, RexNode condition) {
    return translate(model, condition).filterLogic();
  }

  private static RexNode col(ProjectModel model, String name) {
    TableLayout layout = model.recordsLayout(LayoutOptions.DEFAULT);
    int i = layout.indexOf(name);
    Column c = layout.columns().get(i);
    RelDataType type = RelTypes.of(c, TYPES);
    return REX.makeInputRef(type, i);
  }

  private static RexNode text(String s) {
    return REX.makeLiteral(s);
  }

  private static RexNode number(String n) {
    return REX.makeExactLiteral(new BigDecimal(n));
  }

  private static RexNode call(org.apache.calcite.sql.SqlOperator op, RexNode... operands) {
    return REX.makeCall(op, operands);
  }

  @Test
  void recordIdEqualityAndInBecomeRecordsAndAreExact() {
    ProjectModel m = classic();
    RexNode eq = call(SqlStdOperatorTable.EQUALS, col(m, "record_id"), text("7"));
    ExportFilter f = translate(m, eq);
    assertThat(f.records()).containsExactly("7");
    assertThat(f.exactEntries()).containsExactly(eq);
    assertThat(f.filterLogic()).isNull();

    RexNode in = REX.makeIn(col(m, "record_id"), List.of(text("2"), text("1"), text("2")));
    assertThat(translate(m, in).records()).containsExactlyInAnyOrder("1", "2");

    RexNode both =
        call(
            SqlStdOperatorTable.AND,
            eq,
            call(SqlStdOperatorTable.EQUALS, col(m, "record_id"), text("8")));
    assertThat(translate(m, both).selectsNothing()).isTrue();
  }

  @Test
  void aParameterIsReadAtScanTime() {
    ProjectModel m = classic();
    RelDataType varchar = TYPES.createSqlType(SqlTypeName.VARCHAR);
    RexNode eq =
        call(SqlStdOperatorTable.EQUALS, col(m, "record_id"), REX.makeDynamicParam(varchar, 0));
    parameters.put("?0", "42");
    assertThat(translate(m, eq).records()).containsExactly("42");
    parameters.put("?0", null);
    assertThat(translate(m, eq).selectsNothing()).isTrue();
  }

  @Test
  void anEntryWithAnInexactPartStaysForCalciteToCheck() {
    ProjectModel m = classic();
    RexNode entry =
        call(
            SqlStdOperatorTable.AND,
            call(SqlStdOperatorTable.EQUALS, col(m, "record_id"), text("7")),
            call(SqlStdOperatorTable.EQUALS, col(m, "name"), text("Ann")));
    ExportFilter f = translate(m, entry);
    assertThat(f.records()).containsExactly("7");
    assertThat(f.filterLogic()).isEqualTo("[name] = 'Ann'");
    assertThat(f.exactEntries()).isEmpty();
  }

  @Test
  void eventNamesBecomeEventsAndUnknownOnesAreDropped() {
    ProjectModel m = longitudinal();
    RexNode in =
        REX.makeIn(col(m, "redcap_event_name"), List.of(text("base_arm_1"), text("nope_arm_1")));
    ExportFilter f = translate(m, in);
    assertThat(f.events()).containsExactly("base_arm_1");
    assertThat(f.exactEntries()).containsExactly(in);
    assertThat(
            translate(
                    m,
                    call(
                        SqlStdOperatorTable.EQUALS,
                        col(m, "redcap_event_name"),
                        text("nope_arm_1")))
                .selectsNothing())
        .isTrue();
  }

  @Test
  void textColumnsPushOnlyEqualityLikeAndBlankTests() {
    ProjectModel m = classic();
    RexNode name = col(m, "name");
    assertThat(logic(m, call(SqlStdOperatorTable.EQUALS, name, text("O'Brien"))))
        .isEqualTo("[name] = \"O'Brien\"");
    assertThat(logic(m, call(SqlStdOperatorTable.EQUALS, name, text("a'b\"c")))).isNull();
    assertThat(logic(m, call(SqlStdOperatorTable.EQUALS, name, text("[x]")))).isNull();
    assertThat(logic(m, call(SqlStdOperatorTable.EQUALS, name, text("a\\b")))).isNull();
    assertThat(logic(m, call(SqlStdOperatorTable.NOT_EQUALS, name, text("x")))).isNull();
    assertThat(logic(m, call(SqlStdOperatorTable.GREATER_THAN, name, text("x")))).isNull();
    assertThat(logic(m, call(SqlStdOperatorTable.LIKE, name, text("Jo%n_s%"))))
        .isEqualTo(
            "(starts_with([name], 'Jo') and contains([name], 'n') and contains([name]," + " 's'))");
    assertThat(logic(m, call(SqlStdOperatorTable.LIKE, name, text("%son"))))
        .isEqualTo("ends_with([name], 'son')");
    assertThat(
            logic(
                m,
                call(SqlStdOperatorTable.NOT, call(SqlStdOperatorTable.LIKE, name, text("%son")))))
        .isNull();
    assertThat(logic(m, call(SqlStdOperatorTable.IS_NULL, name))).isEqualTo("[name] = ''");
    assertThat(logic(m, call(SqlStdOperatorTable.IS_NOT_NULL, name))).isEqualTo("[name] <> ''");
  }

  @Test
  void numbersAreComparedLeniently() {
    ProjectModel m = classic();
    RexNode age = col(m, "age");
    String guard = " or ends_with([age], '.') or contains([age], '.e'))";
    assertThat(logic(m, call(SqlStdOperatorTable.GREATER_THAN, age, number("30"))))
        .isEqualTo("([age] >= 30" + guard);
    assertThat(logic(m, call(SqlStdOperatorTable.LESS_THAN_OR_EQUAL, age, number("-5.50"))))
        .isEqualTo("([age] <= -5.5" + guard);
    assertThat(logic(m, call(SqlStdOperatorTable.EQUALS, age, number("3"))))
        .isEqualTo("([age] = 3" + guard);
    assertThat(logic(m, call(SqlStdOperatorTable.NOT_EQUALS, age, number("3")))).isNull();
    // NOT pushed into the comparison.
    assertThat(
            logic(
                m,
                call(
                    SqlStdOperatorTable.NOT,
                    call(SqlStdOperatorTable.GREATER_THAN, age, number("30")))))
        .isEqualTo("([age] <= 30" + guard);
    // Typed columns never push IS NULL: an unparsable value reads as NULL but is not blank.
    assertThat(logic(m, call(SqlStdOperatorTable.IS_NULL, age))).isNull();
    // Comma decimals are not compared at all.
    assertThat(logic(m, call(SqlStdOperatorTable.GREATER_THAN, col(m, "ratio"), number("1"))))
        .isNull();
  }

  @Test
  void datesAndTimestampsCompareAsText() {
    ProjectModel m = classic();
    RexNode dob = col(m, "dob");
    assertThat(
            logic(
                m,
                call(
                    SqlStdOperatorTable.LESS_THAN,
                    dob,
                    REX.makeDateLiteral(new DateString("2000-01-31")))))
        .isEqualTo("[dob] < '2000-01-31'");
    assertThat(
            logic(
                m,
                call(
                    SqlStdOperatorTable.NOT_EQUALS,
                    dob,
                    REX.makeDateLiteral(new DateString("2000-01-31")))))
        .isEqualTo("[dob] <> '2000-01-31'");
    RexNode seen = col(m, "seen");
    RexNode at = REX.makeTimestampLiteral(new TimestampString("2020-05-01 10:15:30"), 0);
    assertThat(logic(m, call(SqlStdOperatorTable.EQUALS, seen, at)))
        .isEqualTo("([seen] >= '2020-05-01 10:15' and [seen] <= '2020-05-01 10:15:30')");
    assertThat(logic(m, call(SqlStdOperatorTable.GREATER_THAN, seen, at)))
        .isEqualTo("[seen] >= '2020-05-01 10:15'");
  }

  @Test
  void booleansCheckboxesAndLabels() {
    ProjectModel m = classic();
    assertThat(logic(m, col(m, "smoker"))).isEqualTo("[smoker] = '1'");
    assertThat(logic(m, call(SqlStdOperatorTable.NOT, col(m, "race____99"))))
        .isEqualTo("[race(-99)] = '0'");
    assertThat(logic(m, call(SqlStdOperatorTable.IS_NOT_TRUE, col(m, "smoker")))).isNull();
    assertThat(logic(m, call(SqlStdOperatorTable.EQUALS, col(m, "sex_label"), text("Male"))))
        .isEqualTo("([sex] = '2' or [sex] = '3')");
    assertThat(logic(m, call(SqlStdOperatorTable.LIKE, col(m, "sex_label"), text("M%")))).isNull();
  }

  @Test
  void orNeedsEveryBranchAndAndKeepsWhatItCan() {
    ProjectModel m = classic();
    RexNode good = call(SqlStdOperatorTable.EQUALS, col(m, "name"), text("a"));
    RexNode bad = call(SqlStdOperatorTable.NOT_EQUALS, col(m, "name"), text("b"));
    assertThat(logic(m, call(SqlStdOperatorTable.OR, good, bad))).isNull();
    assertThat(logic(m, call(SqlStdOperatorTable.AND, good, bad))).isEqualTo("[name] = 'a'");
    assertThat(
            logic(
                m,
                call(
                    SqlStdOperatorTable.OR,
                    good,
                    call(SqlStdOperatorTable.EQUALS, col(m, "name"), text("c")))))
        .isEqualTo("([name] = 'a' or [name] = 'c')");
    // NOT (a OR b) is NOT a AND NOT b, and NOT (name <> 'b') is name = 'b'.
    assertThat(
            logic(
                m,
                call(
                    SqlStdOperatorTable.NOT,
                    call(
                        SqlStdOperatorTable.OR,
                        bad,
                        call(SqlStdOperatorTable.GREATER_THAN, col(m, "age"), number("1"))))))
        .isEqualTo(
            "([name] = 'b' and ([age] <= 1 or ends_with([age], '.')"
                + " or contains([age], '.e')))");
    // ... and where a part does not translate, the rest still narrows the export.
    assertThat(
            logic(
                m,
                call(
                    SqlStdOperatorTable.NOT,
                    call(
                        SqlStdOperatorTable.OR,
                        good,
                        call(SqlStdOperatorTable.GREATER_THAN, col(m, "age"), number("1"))))))
        .isEqualTo("([age] <= 1 or ends_with([age], '.') or contains([age], '.e'))");
  }

  @Test
  void repeatingInstrumentsAndFilesAreNotPushed() {
    ProjectModel m = repeating();
    assertThat(logic(m, call(SqlStdOperatorTable.GREATER_THAN, col(m, "sbp"), number("1"))))
        .isNull();
    // In a repeating project no blank test is sent (REDCap may read base-row values on repeats).
    assertThat(logic(m, call(SqlStdOperatorTable.IS_NULL, col(m, "name")))).isNull();
    assertThat(logic(m, call(SqlStdOperatorTable.EQUALS, col(m, "name"), text("a"))))
        .isEqualTo("[name] = 'a'");
    ProjectModel c = classic();
    assertThat(logic(c, call(SqlStdOperatorTable.EQUALS, col(c, "scan"), text("x.pdf")))).isNull();
  }
}
