package org.redcapjdbc.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.plan.RelOptPredicateList;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexSimplify;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;
import org.redcapjdbc.model.LayoutOptions;
import org.redcapjdbc.model.ProjectModel;
import org.redcapjdbc.model.TableLayout;
import org.redcapjdbc.schema.RedcapTypeSystem;

/**
 * Record-ID comparisons become ranges that the scan resolves against the ID list: plain
 * comparisons, Calcite's SEARCH form of BETWEEN and AND/OR, parameters, NULL; other predicates
 * on the ID stay what they were.
 */
class RecordIdRangesTest {
  private static final RelDataTypeFactory TYPES =
      new JavaTypeFactoryImpl(RedcapTypeSystem.INSTANCE);
  private static final RexBuilder REX = new RexBuilder(TYPES);
  private static final List<String> IDS =
      List.of("1", "10", "100", "2", "20", "250", "251", "3", "9", "O'Brien", "a", "b");

  private static final ProjectModel MODEL =
      ProjectModel.builder()
          .metadata(
              List.of(
                  Map.of(
                      "field_name",
                      "study_id",
                      "form_name",
                      "f",
                      "field_type",
                      "text",
                      "field_label",
                      "ID",
                      "select_choices_or_calculations",
                      "",
                      "text_validation_type_or_show_slider_number",
                      ""),
                  Map.of(
                      "field_name",
                      "age",
                      "form_name",
                      "f",
                      "field_type",
                      "text",
                      "field_label",
                      "Age",
                      "select_choices_or_calculations",
                      "",
                      "text_validation_type_or_show_slider_number",
                      "integer")))
          .build();
  private static final TableLayout LAYOUT = MODEL.recordsLayout(LayoutOptions.DEFAULT);

  private final Map<String, Object> parameters = new java.util.HashMap<>();

  private static RexNode id() {
    return REX.makeInputRef(TYPES.createSqlType(SqlTypeName.VARCHAR), LAYOUT.indexOf("study_id"));
  }

  private static RexNode age() {
    return REX.makeInputRef(
        TYPES.createTypeWithNullability(TYPES.createSqlType(SqlTypeName.BIGINT), true),
        LAYOUT.indexOf("age"));
  }

  private static RexNode text(String s) {
    return REX.makeLiteral(s);
  }

  private static RexNode call(org.apache.calcite.sql.SqlOperator op, RexNode... operands) {
    return REX.makeCall(op, operands);
  }

  /** What Calcite's planner makes of the condition (ranges become SEARCH). */
  private static RexNode simplified(RexNode node) {
    return new RexSimplify(REX, RelOptPredicateList.EMPTY, RexUtil.EXECUTOR)
        .simplifyUnknownAsFalse(node);
  }

  private ExportFilter translate(RexNode... conditions) {
    return FilterTranslator.forTable(LAYOUT, MODEL)
        .translate(new ArrayList<>(List.of(conditions)), parameters::get);
  }

  private List<String> resolved(RexNode... conditions) {
    ExportFilter f = translate(conditions).resolveRecordRanges(IDS);
    return f.records() == null ? null : new ArrayList<>(f.records());
  }

  @Test
  void aHalfOpenRangeKeepsTheIdsBetweenItsBoundsInTextOrder() {
    RexNode range =
        call(
            SqlStdOperatorTable.AND,
            call(SqlStdOperatorTable.GREATER_THAN_OR_EQUAL, id(), text("1")),
            call(SqlStdOperatorTable.LESS_THAN, id(), text("251")));
    assertThat(resolved(range)).containsExactly("1", "10", "100", "2", "20", "250");
    assertThat(resolved(simplified(range))).containsExactly("1", "10", "100", "2", "20", "250");
    assertThat(translate(range).exactEntries()).as("Calcite re-checks ranges").isEmpty();
  }

  @Test
  void separateEntriesIntersectAndReversedOperandsFlip() {
    assertThat(
            resolved(
                call(SqlStdOperatorTable.LESS_THAN, text("3"), id()),
                call(SqlStdOperatorTable.LESS_THAN_OR_EQUAL, id(), text("a"))))
        .containsExactly("9", "O'Brien", "a");
  }

  @Test
  void betweenOrAndParametersResolve() {
    RexNode between =
        simplified(
            call(
                SqlStdOperatorTable.AND,
                call(SqlStdOperatorTable.GREATER_THAN_OR_EQUAL, id(), text("2")),
                call(SqlStdOperatorTable.LESS_THAN_OR_EQUAL, id(), text("3"))));
    assertThat(resolved(between)).containsExactly("2", "20", "250", "251", "3");
    RexNode or =
        call(
            SqlStdOperatorTable.OR,
            call(SqlStdOperatorTable.LESS_THAN, id(), text("10")),
            call(SqlStdOperatorTable.GREATER_THAN, id(), text("a")));
    assertThat(resolved(or)).containsExactly("1", "b");
    parameters.put("?0", "9");
    RexNode param =
        call(
            SqlStdOperatorTable.GREATER_THAN_OR_EQUAL,
            id(),
            REX.makeDynamicParam(TYPES.createSqlType(SqlTypeName.VARCHAR), 0));
    assertThat(resolved(param)).containsExactly("9", "O'Brien", "a", "b");
  }

  @Test
  void anAndKeepsItsIdPartAndOtherPredicatesStayLogic() {
    RexNode mixed =
        call(
            SqlStdOperatorTable.OR,
            call(
                SqlStdOperatorTable.AND,
                call(SqlStdOperatorTable.GREATER_THAN, id(), text("a")),
                call(
                    SqlStdOperatorTable.GREATER_THAN,
                    age(),
                    REX.makeExactLiteral(java.math.BigDecimal.TEN))),
            call(SqlStdOperatorTable.EQUALS, id(), text("1")));
    assertThat(resolved(mixed)).containsExactly("1", "b");
  }

  @Test
  void emptyRangesSelectNothingAndRangesKeepingEveryIdNameNone() {
    assertThat(
            translate(
                    call(SqlStdOperatorTable.GREATER_THAN, id(), text("b")),
                    call(SqlStdOperatorTable.LESS_THAN, id(), text("a")))
                .selectsNothing())
        .isTrue();
    assertThat(resolved(call(SqlStdOperatorTable.GREATER_THAN_OR_EQUAL, id(), text(""))))
        .as("every ID: no records[]")
        .isNull();
    assertThat(resolved(call(SqlStdOperatorTable.GREATER_THAN, id(), text("zzz")))).isEmpty();
  }

  @Test
  void equalityAndInStayExactWithoutTheIdList() {
    ExportFilter f = translate(call(SqlStdOperatorTable.EQUALS, id(), text("2")));
    assertThat(f.recordRanges()).isNull();
    assertThat(f.records()).containsExactly("2");
    assertThat(f.exactEntries()).hasSize(1);
  }
}
