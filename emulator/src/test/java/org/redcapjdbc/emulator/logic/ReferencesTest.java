package org.redcapjdbc.emulator.logic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.junit.jupiter.api.Test;

/** Fields, checkbox options, other events, smart variables and what an expression reports. */
class ReferencesTest {

  @Test
  void reportsReferencedFieldsAndEventsInOrderOfAppearance() {
    LogicExpression e =
        Eval.parse(
            "[age] > 5 and [baseline_arm_1][dob] <> '' or [race(2)] = '1'"
                + " and [event-name][weight] > [age] and [visit_1_arm_1][race(-99)] = 0");
    assertThat(e.referencedFields()).containsExactly("age", "dob", "race", "weight");
    assertThat(e.referencedEvents()).containsExactly("baseline_arm_1", "visit_1_arm_1");
    assertThat(e.fieldReferences())
        .containsExactly(
            new FieldReference(null, "age", null),
            new FieldReference("baseline_arm_1", "dob", null),
            new FieldReference(null, "race", "2"),
            new FieldReference(null, "weight", null),
            new FieldReference(null, "age", null),
            new FieldReference("visit_1_arm_1", "race", "-99"));
  }

  @Test
  void smartVariablesAndLiteralsReferenceNoFields() {
    LogicExpression e = Eval.parse("[record-name] = '1' and [event-name] = 'x' and 1 = 1");
    assertThat(e.referencedFields()).isEmpty();
    assertThat(e.referencedEvents()).isEmpty();
    assertThat(e.fieldReferences()).isEmpty();
  }

  @Test
  void namesAreCaseInsensitiveAndReportedInLowerCase() {
    LogicExpression e = Eval.parse("[Baseline_Arm_1][AGE] = 1");
    assertThat(e.referencedFields()).containsExactly("age");
    assertThat(e.referencedEvents()).containsExactly("baseline_arm_1");
    assertThat(e.test(MapContext.row().withIn("baseline_arm_1", "age", "1"))).isTrue();
  }

  @Test
  void referencedSetsAreUnmodifiable() {
    LogicExpression e = Eval.parse("[a] = 1");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> e.referencedFields().add("b"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void readsOtherEventsOfTheSameRecord() {
    MapContext visit =
        MapContext.row()
            .event("visit_1_arm_1")
            .withIn("enrollment_arm_1", "sex", "0")
            .with("sex", "")
            .with("weight", "70")
            .withIn("enrollment_arm_1", "weight", "80");
    assertThat(Eval.test("[enrollment_arm_1][sex] = '0'", visit)).isTrue();
    assertThat(Eval.test("[sex] = '0'", visit)).isFalse();
    assertThat(Eval.test("[sex] = ''", visit)).isTrue();
    assertThat(Eval.evaluate("[enrollment_arm_1][weight] - [weight]", visit)).isEqualTo("10");
    assertThat(Eval.test("[visit_1_arm_1][weight] = [weight]", visit)).isTrue();
    assertThat(Eval.test("[event-name][weight] = 70", visit)).isTrue();
    // An event without data reads as blank, as in REDCap.
    assertThat(Eval.test("[final_visit_arm_1][weight] = ''", visit)).isTrue();
    assertThat(Eval.test("[final_visit_arm_1][weight] <> 0", visit)).isTrue();
  }

  @Test
  void readsCheckboxOptionsInOtherEvents() {
    MapContext ctx =
        MapContext.row().event("visit_1_arm_1").checkedIn("enrollment_arm_1", "meds", "3");
    assertThat(Eval.test("[enrollment_arm_1][meds(3)] = '1'", ctx)).isTrue();
    assertThat(Eval.test("[meds(3)] = '1'", ctx)).isFalse();
    assertThat(Eval.test("[meds(3)] = '0'", ctx)).isTrue();
  }

  @Test
  void checkboxCodesKeepTheirSpelling() {
    LogicExpression e = Eval.parse("[gym(A.1)] = '1'");
    assertThat(e.fieldReferences()).containsExactly(new FieldReference(null, "gym", "A.1"));
    assertThat(e.test(MapContext.row().checked("gym", "A.1"))).isTrue();
    assertThat(e.test(MapContext.row().checked("gym", "a.1"))).isFalse();
  }

  @Test
  void checkboxSyntaxMustMatchTheFieldType() {
    MapContext ctx = MapContext.row().checked("race", "1").with("sex", "1");
    // A bare checkbox has no single value; options exist only on checkboxes.
    assertThat(Eval.test("[race] = ''", ctx)).isTrue();
    assertThat(Eval.test("[race] = '1'", ctx)).isFalse();
    assertThat(Eval.test("[sex(1)] = ''", ctx)).isTrue();
    assertThat(Eval.test("[sex(1)] = '1'", ctx)).isFalse();
    assertThat(Eval.test("[race(1)] = '1'", ctx)).isTrue();
  }

  @Test
  void smartVariablesReadTheRow() {
    MapContext repeat = MapContext.row().record("1001").event("visit_2_arm_2").instance(3);
    assertThat(Eval.test("[record-name] = '1001'", repeat)).isTrue();
    assertThat(Eval.test("[record-name] = 1001", repeat)).isTrue();
    assertThat(Eval.test("[event-name] = 'visit_2_arm_2'", repeat)).isTrue();
    assertThat(Eval.test("[current-instance] = 3", repeat)).isTrue();
    assertThat(Eval.test("[current-instance] > 1", repeat)).isTrue();
    assertThat(Eval.test("[arm-number] = 2", repeat)).isTrue();
    assertThat(Eval.test("[Record-Name] = '1001'", repeat)).isTrue();
  }

  @Test
  void smartVariablesAreBlankWhereTheyDoNotApply() {
    MapContext classic = MapContext.row().record("a");
    assertThat(Eval.test("[event-name] = ''", classic)).isTrue();
    assertThat(Eval.test("[arm-number] = ''", classic)).isTrue();
    assertThat(Eval.test("[current-instance] = ''", classic)).isTrue();
    assertThat(Eval.test("[current-instance] = 1", classic)).isFalse();
  }

  @Test
  void currentInstanceSuffixReadsTheRowsOwnValue() {
    MapContext ctx = MapContext.row().instance(2).with("mood", "7");
    LogicExpression e = Eval.parse("[mood][current-instance] > 5");
    assertThat(e.test(ctx)).isTrue();
    assertThat(e.toString()).isEqualTo("[mood] > 5");
    assertThat(
            Eval.test(
                "[ev_arm_1][mood][current-instance] = 4",
                MapContext.row().withIn("ev_arm_1", "mood", "4")))
        .isTrue();
  }

  @Test
  void commaDecimalFieldsReadAsNumbers() {
    MapContext ctx =
        MapContext.row()
            .commaDecimal("height_comma")
            .commaDecimal("weight_comma")
            .with("height_comma", "1,54")
            .with("weight_comma", "52,3")
            .with("plain", "1,54");
    assertThat(Eval.evaluate("round(([weight_comma])/(([height_comma])^(2)),1)", ctx))
        .isEqualTo("22.1");
    assertThat(Eval.test("[height_comma] > 1.5", ctx)).isTrue();
    assertThat(Eval.test("[height_comma] = '1.54'", ctx)).isTrue();
    // A field that is not comma-decimal keeps "1,54" as text.
    assertThat(Eval.test("isnumber([plain])", ctx)).isFalse();
    assertThat(Eval.test("[plain] = '1,54'", ctx)).isTrue();
  }

  @Test
  void evaluationNeedsAContext() {
    LogicExpression e = Eval.parse("[a] = 1");
    assertThatNullPointerException().isThrownBy(() -> e.test(null));
    assertThatNullPointerException().isThrownBy(() -> e.evaluate(null));
    assertThatNullPointerException().isThrownBy(() -> Logic.parse(null));
  }

  @Test
  void expressionsAreEqualWhenTheirCanonicalFormsAre() {
    LogicExpression a = Eval.parse("[a]=1 AND [b]==2");
    LogicExpression b = Eval.parse("[a] = 1 and [b] = 2");
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a.toString()).isEqualTo("[a] = 1 and [b] = 2");
    assertThat(Eval.parse("[a] != 1 || [b] <> 2").toString()).isEqualTo("[a] <> 1 or [b] <> 2");
  }
}
