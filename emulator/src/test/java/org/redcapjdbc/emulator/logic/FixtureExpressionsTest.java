package org.redcapjdbc.emulator.logic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Real calc and branching expressions from public REDCap projects, checked against the values
 * real servers stored (see {@code fixtures/README.md} for the origins).
 */
class FixtureExpressionsTest {
  private static final String[] DICTIONARIES = {
    "phpcap/longitudinal-metadata.csv",
    "redcapr/decimal-comma-and-dot/metadata.csv",
    "redcapr/longitudinal/dictionary.csv",
    "redcapr/simple/dictionary.csv",
    "redcapr/validation-types-1/dictionary.csv",
    "redcapr/dag/dictionary.csv",
  };

  /** One dictionary row: API and web-UI dictionaries share the column order. */
  private record Field(
      String name, String type, String choicesOrCalc, String validation, String branching) {}

  @Test
  void everyCalcAndBranchingExpressionParsesAndPrintsBackToAnEqualExpression() throws Exception {
    List<String> expressions = new ArrayList<>();
    for (String dictionary : DICTIONARIES) {
      for (Field f : dictionary(dictionary).values()) {
        if (f.type().equals("calc")) {
          expressions.add(f.choicesOrCalc());
        }
        if (!f.branching().isEmpty()) {
          expressions.add(f.branching());
        }
      }
    }
    assertThat(expressions)
        .hasSize(14)
        .contains(
            "rounddown(datediff([dob],'today','y'))",
            "round(([weight]*10000)/(([height])^(2)),1)",
            "[sex] = \"0\" and [given_birth] = \"1\"",
            "3+4");
    for (String text : expressions) {
      LogicExpression e = Logic.parse(text);
      assertThat(Logic.parse(e.toString())).as(text).isEqualTo(e);
    }
  }

  @Test
  void basicDemographyAgeAndBmiMatchAllHundredStoredRecords() throws Exception {
    Document xml = xml("phpcap/PHPCapBasicDemography.REDCap.xml");
    Map<String, String> calcs = new LinkedHashMap<>();
    NodeList defs = xml.getElementsByTagName("ItemDef");
    for (int i = 0; i < defs.getLength(); i++) {
      Element def = (Element) defs.item(i);
      String calc = def.getAttribute("redcap:Calculation");
      if (!calc.isEmpty()) {
        calcs.put(def.getAttribute("OID"), calc);
      }
    }
    assertThat(calcs)
        .containsEntry("age", "rounddown(datediff([dob],'today','y'))")
        .containsEntry("bmi", "round(([weight]*10000)/(([height])^(2)),1)");
    LogicExpression age = Logic.parse(calcs.get("age"));
    LogicExpression bmi = Logic.parse(calcs.get("bmi"));

    // The project was exported on 2017-04-12 (MetaDataVersionOID), when the ages were computed.
    LocalDateTime exported = LocalDateTime.of(2017, 4, 12, 14, 44);
    NodeList subjects = xml.getElementsByTagName("SubjectData");
    assertThat(subjects.getLength()).isEqualTo(100);
    for (int i = 0; i < subjects.getLength(); i++) {
      Element subject = (Element) subjects.item(i);
      MapContext row = MapContext.row().record(subject.getAttribute("SubjectKey")).now(exported);
      Map<String, String> stored = new LinkedHashMap<>();
      NodeList items = subject.getElementsByTagName("ItemData");
      for (int j = 0; j < items.getLength(); j++) {
        Element item = (Element) items.item(j);
        stored.put(item.getAttribute("ItemOID"), item.getAttribute("Value"));
        row.with(item.getAttribute("ItemOID"), item.getAttribute("Value"));
      }
      String record = subject.getAttribute("SubjectKey");
      assertThat(age.evaluate(row)).as("age of record %s", record).isEqualTo(stored.get("age"));
      assertThat(bmi.evaluate(row)).as("bmi of record %s", record).isEqualTo(stored.get("bmi"));
    }
  }

  @Test
  void simpleProjectBmiMatchesStoredValues() throws Exception {
    LogicExpression bmi = calc("redcapr/simple/dictionary.csv", "bmi");
    List<CSVRecord> rows = csv("redcapr/simple/data.csv");
    assertThat(rows).hasSize(5);
    for (CSVRecord r : rows) {
      MapContext row =
          MapContext.row().with("weight", r.get("weight")).with("height", r.get("height"));
      assertThat(bmi.evaluate(row)).as("record %s", r.get("record_id")).isEqualTo(r.get("bmi"));
    }
  }

  @Test
  void commaDecimalInputsGiveTheSameCalcAsDotInputs() throws Exception {
    Map<String, Field> dictionary = dictionary("redcapr/decimal-comma-and-dot/metadata.csv");
    LogicExpression bmi = Logic.parse(dictionary.get("bmi").choicesOrCalc());
    LogicExpression bmiComma = Logic.parse(dictionary.get("bmi_comma").choicesOrCalc());
    List<CSVRecord> rows = csv("redcapr/decimal-comma-and-dot/data.csv");
    assertThat(rows).hasSize(4);
    for (CSVRecord r : rows) {
      MapContext row = MapContext.row();
      for (Field f : dictionary.values()) {
        if (f.validation().toLowerCase().contains("comma")) {
          row.commaDecimal(f.name());
        }
      }
      r.toMap().forEach(row::with);
      assertThat(r.get("height_comma")).contains(",");
      assertThat(bmi.evaluate(row)).as("bmi of %s", r.get("name")).isEqualTo(r.get("bmi"));
      assertThat(bmiComma.evaluate(row))
          .as("bmi_comma of %s", r.get("name"))
          .isEqualTo(r.get("bmi_comma"));
    }
  }

  @Test
  void longitudinalCalcsAndBranchingMatchEveryStoredRow() throws Exception {
    Map<String, Field> dictionary = dictionary("redcapr/longitudinal/dictionary.csv");
    LogicExpression bmi = Logic.parse(dictionary.get("bmi").choicesOrCalc());
    LogicExpression bmi2 = Logic.parse(dictionary.get("bmi2").choicesOrCalc());
    LogicExpression givenBirthShown = Logic.parse(dictionary.get("given_birth").branching());
    LogicExpression numChildrenShown = Logic.parse(dictionary.get("num_children").branching());
    List<CSVRecord> rows = csv("redcapr/longitudinal/data.csv");
    assertThat(rows).hasSize(18);

    int shown = 0;
    for (CSVRecord r : rows) {
      MapContext row = contextFor(rows, r);
      String where = r.get("study_id") + "/" + r.get("redcap_event_name");
      // Blank inputs give a blank calc, exactly where REDCap stored none.
      assertThat(bmi.evaluate(row)).as("bmi at %s", where).isEqualTo(r.get("bmi"));
      assertThat(bmi2.evaluate(row)).as("bmi2 at %s", where).isEqualTo(r.get("bmi2"));
      // A field hidden by its branching logic holds no value.
      if (givenBirthShown.test(row)) {
        shown++;
        assertThat(r.get("given_birth")).as("given_birth at %s", where).isNotEmpty();
      } else {
        assertThat(r.get("given_birth")).as("given_birth at %s", where).isEmpty();
      }
      if (!numChildrenShown.test(row)) {
        assertThat(r.get("num_children")).as("num_children at %s", where).isEmpty();
      }
    }
    assertThat(shown).isEqualTo(2);
  }

  @Test
  void longitudinalCrossEventReferencesReadTheEnrollmentEvent() throws Exception {
    List<CSVRecord> rows = csv("redcapr/longitudinal/data.csv");
    LogicExpression femaleInArm1 = Logic.parse("[enrollment_arm_1][sex] = '0'");
    LogicExpression femaleInArm2 = Logic.parse("[enrollment_arm_2][sex] = '0'");
    int checked = 0;
    for (CSVRecord r : rows) {
      MapContext row = contextFor(rows, r);
      String record = r.get("study_id");
      // 100 is male in arm 1, 220 female in arm 1, 304 female in arm 2.
      assertThat(femaleInArm1.test(row)).as("arm 1 at %s", record).isEqualTo(record.equals("220"));
      assertThat(femaleInArm2.test(row)).as("arm 2 at %s", record).isEqualTo(record.equals("304"));
      checked++;
    }
    assertThat(checked).isEqualTo(18);
  }

  @Test
  void constantCalcFromTheValidationTypesProject() throws Exception {
    assertThat(
            calc("redcapr/validation-types-1/dictionary.csv", "f_calculated")
                .evaluate(MapContext.row()))
        .isEqualTo("7");
  }

  /** The row {@code current} plus every other event row of the same record. */
  private static MapContext contextFor(List<CSVRecord> rows, CSVRecord current) {
    MapContext ctx =
        MapContext.row().record(current.get("study_id")).event(current.get("redcap_event_name"));
    for (CSVRecord r : rows) {
      if (r.get("study_id").equals(current.get("study_id"))) {
        r.toMap().forEach((field, value) -> ctx.withIn(r.get("redcap_event_name"), field, value));
      }
    }
    return ctx;
  }

  private static LogicExpression calc(String dictionary, String field) throws Exception {
    return Logic.parse(dictionary(dictionary).get(field).choicesOrCalc());
  }

  private static Map<String, Field> dictionary(String resource) throws IOException {
    Map<String, Field> fields = new LinkedHashMap<>();
    for (CSVRecord r : csv(resource)) {
      fields.put(r.get(0), new Field(r.get(0), r.get(3), r.get(5), r.get(7), r.get(11)));
    }
    return fields;
  }

  private static List<CSVRecord> csv(String resource) throws IOException {
    try (Reader reader = new InputStreamReader(open(resource), StandardCharsets.UTF_8);
        CSVParser parser =
            CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
      return parser.getRecords();
    }
  }

  private static Document xml(String resource) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    try (InputStream in = open(resource)) {
      return factory.newDocumentBuilder().parse(in);
    }
  }

  private static InputStream open(String resource) {
    return Objects.requireNonNull(
        FixtureExpressionsTest.class.getResourceAsStream("fixtures/" + resource),
        "missing test resource fixtures/" + resource);
  }
}
