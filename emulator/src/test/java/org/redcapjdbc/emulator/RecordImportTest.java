package org.redcapjdbc.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Record import: validation, all-or-nothing, overwrite, auto-numbering, repeats, formats, calcs. */
class RecordImportTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static RedcapEmulator emulator;

  @BeforeAll
  static void start() {
    emulator = RedcapEmulator.builder().build().start();
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  private static ApiClient simple() {
    return new ApiClient(
        emulator.url(),
        emulator.loadProject(Fixtures.path("redcapr/simple/project.xml"), null).token());
  }

  private static JsonNode exportJson(ApiClient c, String... extra) throws Exception {
    String[] params = new String[4 + extra.length];
    params[0] = "content";
    params[1] = "record";
    params[2] = "format";
    params[3] = "json";
    System.arraycopy(extra, 0, params, 4, extra.length);
    ApiClient.Answer a = c.post(params);
    assertThat(a.status()).as(a.body()).isEqualTo(200);
    return JSON.readTree(a.body());
  }

  private static ApiClient.Answer importJson(ApiClient c, String data, String... extra) {
    String[] params = new String[6 + extra.length];
    params[0] = "content";
    params[1] = "record";
    params[2] = "format";
    params[3] = "json";
    params[4] = "data";
    params[5] = data;
    System.arraycopy(extra, 0, params, 6, extra.length);
    return c.post(params);
  }

  @Test
  void importCreatesARecordCountsItAndRecomputesCalcs() throws Exception {
    ApiClient c = simple();
    ApiClient.Answer a =
        importJson(
            c,
            "[{\"record_id\":\"6\",\"name_first\":\"Ann\",\"height\":\"160\",\"weight\":64,\"race___2\":\"1\"}]");
    assertThat(a.status()).as(a.body()).isEqualTo(200);
    assertThat(a.body()).isEqualTo("{\"count\":1}");
    JsonNode r = exportJson(c, "records[0]", "6").get(0);
    assertThat(r.get("name_first").asText()).isEqualTo("Ann");
    assertThat(r.get("weight").asText()).isEqualTo("64");
    // bmi = round(64*10000/160^2, 1) = 25.0 → stored without trailing zero
    assertThat(r.get("bmi").asText()).isEqualTo("25");
    assertThat(r.get("race___2").asText()).isEqualTo("1");
    assertThat(r.get("race___1").asText()).isEqualTo("0");
    // Each form saved for the first time gets status 0.
    assertThat(r.get("demographics_complete").asText()).isEqualTo("0");
    assertThat(r.get("health_complete").asText()).isEqualTo("0");
    assertThat(r.get("race_and_ethnicity_complete").asText()).isEqualTo("0");
  }

  @Test
  void validationErrorsListEveryBadCellAndWriteNothing() throws Exception {
    ApiClient c = simple();
    String data =
        "[{\"record_id\":\"7\",\"name_first\":\"Ok\"},"
            + "{\"record_id\":\"8\",\"dob\":\"2001-02-30\",\"weight\":\"12.5\",\"sex\":\"3\",\"email\":\"nope\"}]";
    ApiClient.Answer a = importJson(c, data);
    assertThat(a.status()).isEqualTo(400);
    String error = JSON.readTree(a.body()).get("error").asText();
    assertThat(error.split("\n"))
        .containsExactly(
            "\"8\",\"dob\",\"2001-02-30\",\"The value you provided could not be validated because it does not follow the"
                + " expected format. Please try again.\"",
            "\"8\",\"weight\",\"12.5\",\"The value you provided could not be validated because it does not follow the"
                + " expected format. Please try again.\"",
            "\"8\",\"sex\",\"3\",\"The value is not a valid category for this field. Only the raw coded value of one of"
                + " its choices can be imported.\"",
            "\"8\",\"email\",\"nope\",\"The value you provided could not be validated because it does not follow the"
                + " expected format. Please try again.\"");
    // The valid row 7 was not written either.
    assertThat(exportJson(c, "records[0]", "7", "records[1]", "8")).isEmpty();
  }

  @Test
  void unknownFieldsAreRejectedWithREDCapsMessage() throws Exception {
    ApiClient c = simple();
    ApiClient.Answer a =
        importJson(c, "[{\"record_id\":\"1\",\"nope\":\"x\",\"also_nope\":\"y\"}]");
    assertThat(a.status()).isEqualTo(400);
    assertThat(a.body())
        .isEqualTo(
            "{\"error\":\"The following fields were not found in the project as real data fields: nope, also_nope\"}");
  }

  @Test
  void normalModeKeepsValuesForBlanksAndOverwriteErasesThem() throws Exception {
    ApiClient c = simple();
    assertThat(
            importJson(c, "[{\"record_id\":\"1\",\"name_first\":\"\",\"name_last\":\"Changed\"}]")
                .status())
        .isEqualTo(200);
    JsonNode r = exportJson(c, "records[0]", "1").get(0);
    assertThat(r.get("name_first").asText()).isEqualTo("Nutmeg");
    assertThat(r.get("name_last").asText()).isEqualTo("Changed");
    assertThat(
            importJson(
                    c,
                    "[{\"record_id\":\"1\",\"name_first\":\"\",\"race___5\":\"\"}]",
                    "overwriteBehavior",
                    "overwrite")
                .status())
        .isEqualTo(200);
    r = exportJson(c, "records[0]", "1").get(0);
    assertThat(r.get("name_first").asText()).isEmpty();
    assertThat(r.get("race___5").asText()).isEqualTo("0");
  }

  @Test
  void forceAutoNumberAssignsNewIdsAndReportsThePairs() throws Exception {
    ApiClient c = simple();
    ApiClient.Answer a =
        importJson(
            c,
            "[{\"record_id\":\"x\",\"name_first\":\"A\"},{\"record_id\":\"y\",\"name_first\":\"B\"},"
                + "{\"record_id\":\"x\",\"name_last\":\"AA\"}]",
            "forceAutoNumber",
            "true",
            "returnContent",
            "auto_ids");
    assertThat(a.status()).as(a.body()).isEqualTo(200);
    assertThat(a.body()).isEqualTo("[\"6,x\",\"7,y\"]");
    JsonNode r = exportJson(c, "records[0]", "6").get(0);
    assertThat(r.get("name_first").asText()).isEqualTo("A");
    assertThat(r.get("name_last").asText()).isEqualTo("AA");
  }

  @Test
  void returnContentShapes() {
    ApiClient c = simple();
    assertThat(
            c.post(
                    "content",
                    "record",
                    "format",
                    "csv",
                    "data",
                    "record_id,name_first\n10,a\n11,b\n",
                    "returnContent",
                    "ids")
                .body())
        .isEqualTo("id\n10\n11\n");
    assertThat(
            c.post(
                    "content",
                    "record",
                    "format",
                    "csv",
                    "data",
                    "record_id,name_first\n10,a\n11,b\n10,c\n")
                .body())
        .isEqualTo("2");
    assertThat(
            c.post(
                    "content",
                    "record",
                    "format",
                    "csv",
                    "returnFormat",
                    "xml",
                    "data",
                    "record_id,name_first\n12,a\n")
                .body())
        .isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\" ?><count>1</count>");
    assertThat(
            c.post(
                    "content",
                    "record",
                    "format",
                    "json",
                    "data",
                    "[{\"record_id\":\"13\"}]",
                    "returnContent",
                    "ids")
                .body())
        .isEqualTo("[\"13\"]");
    ApiClient.Answer nothing =
        c.post(
            "content",
            "record",
            "format",
            "json",
            "data",
            "[{\"record_id\":\"14\"}]",
            "returnContent",
            "nothing");
    assertThat(nothing.status()).isEqualTo(200);
    assertThat(nothing.body()).isEmpty();
    // A bare JSON object imports nothing and reports 0 (PyCap #103).
    assertThat(
            c.post("content", "record", "format", "json", "data", "{\"record_id\":\"15\"}").body())
        .isEqualTo("{\"count\":0}");
  }

  @Test
  void xmlAndEavImports() throws Exception {
    ApiClient c = simple();
    ApiClient.Answer xml =
        c.post(
            "content",
            "record",
            "format",
            "xml",
            "data",
            "<?xml version=\"1.0\" encoding=\"UTF-8\" ?><records><item><record_id>20</record_id>"
                + "<name_first><![CDATA[Xavier & co]]></name_first></item></records>");
    assertThat(xml.status()).as(xml.body()).isEqualTo(200);
    ApiClient.Answer eav =
        c.post(
            "content",
            "record",
            "format",
            "csv",
            "type",
            "eav",
            "data",
            "record,field_name,value\n20,name_last,Eav\n20,race,3\n20,race___4,1\n");
    assertThat(eav.status()).as(eav.body()).isEqualTo(200);
    JsonNode r = exportJson(c, "records[0]", "20").get(0);
    assertThat(r.get("name_first").asText()).isEqualTo("Xavier & co");
    assertThat(r.get("name_last").asText()).isEqualTo("Eav");
    assertThat(r.get("race___3").asText()).isEqualTo("1");
    assertThat(r.get("race___4").asText()).isEqualTo("1");
  }

  @Test
  void datesInTheGivenDateFormatAreStoredAsYmd() throws Exception {
    ApiClient c = simple();
    assertThat(
            importJson(c, "[{\"record_id\":\"30\",\"dob\":\"4/12/1982\"}]", "dateFormat", "MDY")
                .status())
        .isEqualTo(200);
    assertThat(
            importJson(c, "[{\"record_id\":\"31\",\"dob\":\"01/07/1984\"}]", "dateFormat", "DMY")
                .status())
        .isEqualTo(200);
    assertThat(importJson(c, "[{\"record_id\":\"32\",\"dob\":\"4/12/1982\"}]").status())
        .isEqualTo(400);
    JsonNode rows = exportJson(c, "records[0]", "30", "records[1]", "31", "fields[0]", "dob");
    assertThat(rows.get(0).get("dob").asText()).isEqualTo("1982-04-12");
    assertThat(rows.get(1).get("dob").asText()).isEqualTo("1984-07-01");
  }

  @Test
  void repeatingInstrumentRules() throws Exception {
    ApiClient c =
        new ApiClient(
            emulator.url(),
            emulator
                .loadProject(Fixtures.path("redcapr/repeating-instruments/project.xml"), null)
                .token());
    ApiClient.Answer bad =
        c.post(
            "content",
            "record",
            "format",
            "csv",
            "data",
            "record_id,redcap_repeat_instrument,redcap_repeat_instance,date_enrolled\n1,demographics,1,2020-01-01\n"
                + "2,,3,2020-01-01\n");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body())
        .isEqualTo(
            "ERROR: \"1\",\"redcap_repeat_instrument\",\"demographics\",\"redcap_repeat_instrument"
                + " must be the unique form name of a Repeating Instrument. It currently does not match the unique form name of"
                + " any Repeating Instruments.  Please fix this in the data import file and try again.\"\n"
                + "\"2\",\"redcap_repeat_instance\",\"3\",\"redcap_repeat_instance cannot have a value since this instrument or"
                + " event is not a repeating instrument or repeating event, respectively.  The redcap_repeat_instance field"
                + " must be left blank for this row of data.\"");
    ApiClient.Answer added =
        c.post(
            "content",
            "record",
            "format",
            "csv",
            "data",
            "record_id,redcap_repeat_instrument,redcap_repeat_instance,bp_systolic\n2,bp,new,130\n2,bp,new,131\n");
    assertThat(added.status()).as(added.body()).isEqualTo(200);
    assertThat(added.body()).isEqualTo("1");
    JsonNode rows = exportJson(c, "records[0]", "2");
    assertThat(rows).hasSize(4);
    assertThat(rows.get(2).get("redcap_repeat_instance").isInt()).isTrue();
    assertThat(rows.get(2).get("redcap_repeat_instance").asInt()).isEqualTo(2);
    assertThat(rows.get(2).get("bp_systolic").asText()).isEqualTo("130");
    assertThat(rows.get(3).get("redcap_repeat_instance").asInt()).isEqualTo(3);
    assertThat(rows.get(0).get("redcap_repeat_instance").asText()).isEmpty();
  }

  @Test
  void longitudinalEventDesignationIsEnforced() throws Exception {
    ApiClient c =
        new ApiClient(
            emulator.url(),
            emulator.loadProject(Fixtures.path("redcapr/longitudinal/project.xml"), null).token());
    ApiClient.Answer a =
        c.post(
            "content",
            "record",
            "format",
            "json",
            "data",
            "[{\"study_id\":\"900\",\"redcap_event_name\":\"dose_1_arm_1\",\"first_name\":\"X\"}]");
    assertThat(a.status()).isEqualTo(400);
    assertThat(JSON.readTree(a.body()).get("error").asText())
        .isEqualTo(
            "\"900\",\"first_name\",\"X\",\"This field"
                + " ('first_name') exists on an instrument that is not designated for the event named 'Dose 1 (Arm 1: Drug A)'."
                + " You are not allowed to import data for this field into this event.\"");
    // Two events of one record count as one record.
    a =
        c.post(
            "content",
            "record",
            "format",
            "json",
            "data",
            "[{\"study_id\":\"900\",\"redcap_event_name\":\"enrollment_arm_1\",\"first_name\":\"X\"},"
                + "{\"study_id\":\"900\",\"redcap_event_name\":\"dose_1_arm_1\",\"pmq1\":\"2\"}]");
    assertThat(a.body()).isEqualTo("{\"count\":1}");
    JsonNode rows = exportJson(c, "records[0]", "900");
    assertThat(rows).hasSize(2);
    assertThat(rows.get(1).get("redcap_event_name").asText()).isEqualTo("dose_1_arm_1");
    assertThat(rows.get(1).get("pmq1").asText()).isEqualTo("2");
  }

  @Test
  void everyFieldTypeRoundTrips() throws Exception {
    ApiClient c =
        new ApiClient(
            emulator.url(),
            emulator.loadProject(Fixtures.path("redcapr/validation-types-1"), null).token());
    String header =
        "record_id,f_checkbox___0,f_checkbox___1,f_checkbox___2,f_dropdown,f_notes,f_radio,f_slider,f_sql,"
            + "f_text,f_true_false,f_yes_no,v_alpha_only,v_date_dmy,v_date_mdy,v_date_ymd,v_datetime_dmy,v_datetime_mdy,"
            + "v_datetime_seconds_dmy,v_datetime_seconds_mdy,v_datetime_seconds_ymd,v_datetime_ymd,v_email,v_integer,"
            + "v_mrn_10d,v_mrn_generic,v_number,v_number_1dp,v_number_2dp,v_number_3dp,v_number_4dp,"
            + "v_number_comma_decimal,v_number_1dp_comma_decimal,v_number_2dp_comma_decimal,v_number_3dp_comma_decimal,"
            + "v_number_4dp_comma_decimal,v_phone,v_phone_australia,v_postalcode_australia,v_postalcode_canada,"
            + "v_postalcode_french,v_postalcode_germany,v_ssn,v_time_hh_mm,v_time_hh_mm_ss,v_time_mm_ss,v_vmrn,v_zipcode,"
            + "form_1_complete";
    String row =
        "2,1,0,1,2,\"two\nlines\",1,-1,x,\"free text, with comma\",1,0,abc,2020-02-29,2020-12-31,1999-01-02,"
            + "2020-02-29 13:45,2020-12-31 23:59,2020-02-29 13:45:01,2020-12-31 23:59:59,1999-01-02 00:00:00,"
            + "1999-01-02 07:08,a@b.co,-42,0123456789,AB-12_c,.5,1.5,1.25,1.125,1.0625,\"1,5\",\"1,5\",\"1,25\","
            + "\"1,125\",\"1,0625\",\"(405) 321-1111\",0412345678,2000,K1A 0B1,75001,10115,123-45-6789,13:45,13:45:59,"
            + "59:59,123456,12345-6789,2";
    ApiClient.Answer a =
        c.post("content", "record", "format", "csv", "data", header + "\n" + row + "\n");
    assertThat(a.status()).as(a.body()).isEqualTo(200);
    List<String> fields = List.of(header.split(","));
    ApiClient.Answer out = c.post("content", "record", "format", "csv", "records[0]", "2");
    List<List<String>> csv = out.csv();
    List<String> expected = ApiClient.parseCsv(header + "\n" + row + "\n").get(1);
    for (int i = 0; i < fields.size(); i++) {
      int col = csv.get(0).indexOf(fields.get(i));
      assertThat(csv.get(1).get(col)).as(fields.get(i)).isEqualTo(expected.get(i));
    }
    // The constant calc 3+4 was computed on save.
    assertThat(csv.get(1).get(csv.get(0).indexOf("f_calculated"))).isEqualTo("7");
  }

  @Test
  void invalidValuesOfEachTypeAreRejected() throws Exception {
    ApiClient c =
        new ApiClient(
            emulator.url(),
            emulator.loadProject(Fixtures.path("redcapr/validation-types-1"), null).token());
    String[][] bad = {
      {"v_integer", "1.5"},
      {"v_number", "1,5"},
      {"v_number_1dp", "22"},
      {"v_number_comma_decimal", "1.5"},
      {"v_date_ymd", "2020-13-01"},
      {"v_datetime_ymd", "2020-01-01"},
      {"v_datetime_seconds_ymd", "2020-01-01 10:00"},
      {"v_time_hh_mm", "24:00"},
      {"v_email", "a@b"},
      {"v_zipcode", "1234"},
      {"v_alpha_only", "ab1"},
      {"f_slider", "102"},
      {"f_yes_no", "yes"},
      {"f_true_false", "2"},
      {"f_radio", "9"},
      {"f_checkbox___1", "2"},
      {"form_1_complete", "3"},
      {"f_file_upload", "x.txt"},
    };
    for (String[] b : bad) {
      ApiClient.Answer a =
          c.post(
              "content",
              "record",
              "format",
              "json",
              "data",
              "[{\"record_id\":\"99\",\"" + b[0] + "\":\"" + b[1] + "\"}]");
      assertThat(a.status()).as(b[0] + "=" + b[1] + ": " + a.body()).isEqualTo(400);
      assertThat(JSON.readTree(a.body()).get("error").asText())
          .startsWith("\"99\",\"" + b[0] + "\",\"" + b[1] + "\",");
    }
    assertThat(exportJson(c, "records[0]", "99")).isEmpty();
  }

  @Test
  void calcValuesInAnImportAreIgnoredAndComputed() throws Exception {
    ApiClient c =
        new ApiClient(
            emulator.url(),
            emulator.loadProject(Fixtures.path("redcapr/validation-types-1"), null).token());
    ApiClient.Answer a =
        c.post(
            "content",
            "record",
            "format",
            "json",
            "data",
            "[{\"record_id\":\"98\",\"f_calculated\":\"12345\"}]");
    assertThat(a.status()).as(a.body()).isEqualTo(200);
    // The constant calc 3+4 is REDCap's to compute; the value sent is not kept.
    assertThat(
            exportJson(c, "records[0]", "98", "fields[0]", "f_calculated")
                .get(0)
                .get("f_calculated")
                .asText())
        .isEqualTo("7");
  }
}
