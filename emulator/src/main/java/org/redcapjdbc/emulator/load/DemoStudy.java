package org.redcapjdbc.emulator.load;

import static org.redcapjdbc.emulator.load.SampleText.FIRST;
import static org.redcapjdbc.emulator.load.SampleText.LAST;
import static org.redcapjdbc.emulator.load.SampleText.WORDS;
import static org.redcapjdbc.emulator.load.SampleText.two;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.redcapjdbc.emulator.model.Arm;
import org.redcapjdbc.emulator.model.Dag;
import org.redcapjdbc.emulator.model.Event;
import org.redcapjdbc.emulator.model.Field;
import org.redcapjdbc.emulator.model.FieldType;
import org.redcapjdbc.emulator.model.Form;
import org.redcapjdbc.emulator.model.ProjectDefinition;
import org.redcapjdbc.emulator.model.ProjectInfo;
import org.redcapjdbc.emulator.model.RepeatingEntry;

/**
 * The fixed demo study of {@link Generator} ({@code --generate demo}): two arms, four or five
 * events, demographics (with a BMI calc and a race checkbox), visits, labs, repeating medications
 * and adverse events, two DAGs, 300 records.
 *
 * <p>Separate from {@link SyntheticProject} because it is hand-written rather than sized by a
 * spec: its fields have meaningful names and its values plausible ranges, for demonstrations.
 */
final class DemoStudy {
  private DemoStudy() {}

  /** The demo study: its definition and its 300 records (always the same ones). */
  static LoadedProject project() {
    List<Form> forms =
        List.of(
            new Form("demographics", "Demographics"),
            new Form("visit", "Visit"),
            new Form("labs", "Laboratory Results"),
            new Form("medications", "Medications"),
            new Form("adverse_events", "Adverse Events"));
    List<Field> fields = new ArrayList<>();
    fields.add(Field.builder("study_id", "demographics", FieldType.TEXT).label("Study ID").build());
    fields.add(
        Field.builder("first_name", "demographics", FieldType.TEXT)
            .label("First name")
            .sectionHeader("Participant")
            .identifier(true)
            .build());
    fields.add(
        Field.builder("last_name", "demographics", FieldType.TEXT)
            .label("Last name")
            .identifier(true)
            .build());
    fields.add(
        Field.builder("dob", "demographics", FieldType.TEXT)
            .label("Date of birth")
            .validation("date_ymd")
            .identifier(true)
            .build());
    fields.add(
        Field.builder("sex", "demographics", FieldType.RADIO)
            .label("Sex")
            .choicesOrCalculation("0, Female|1, Male|2, Other")
            .build());
    fields.add(
        Field.builder("race", "demographics", FieldType.CHECKBOX)
            .label("Race (select all that apply)")
            .choicesOrCalculation(
                "1, American Indian or Alaska Native|2, Asian|3, Black or African American|"
                    + "4, Native Hawaiian or Other Pacific Islander|5, White|6, Prefer not to say")
            .build());
    fields.add(
        Field.builder("height", "demographics", FieldType.TEXT)
            .label("Height (cm)")
            .validation("number")
            .validationMin("120")
            .validationMax("220")
            .sectionHeader("Measurements")
            .build());
    fields.add(
        Field.builder("weight", "demographics", FieldType.TEXT)
            .label("Weight (kg)")
            .validation("number")
            .validationMin("30")
            .validationMax("200")
            .build());
    fields.add(
        Field.builder("bmi", "demographics", FieldType.CALC)
            .label("BMI")
            .choicesOrCalculation("round(([weight]*10000)/(([height])^(2)),1)")
            .build());
    fields.add(
        Field.builder("email", "demographics", FieldType.TEXT)
            .label("E-mail")
            .validation("email")
            .identifier(true)
            .build());
    fields.add(
        Field.builder("visit_date", "visit", FieldType.TEXT)
            .label("Visit date")
            .validation("date_ymd")
            .build());
    fields.add(
        Field.builder("sbp", "visit", FieldType.TEXT)
            .label("Systolic blood pressure (mmHg)")
            .validation("integer")
            .validationMin("70")
            .validationMax("220")
            .build());
    fields.add(
        Field.builder("dbp", "visit", FieldType.TEXT)
            .label("Diastolic blood pressure (mmHg)")
            .validation("integer")
            .validationMin("40")
            .validationMax("130")
            .build());
    fields.add(
        Field.builder("heart_rate", "visit", FieldType.TEXT)
            .label("Heart rate (bpm)")
            .validation("integer")
            .build());
    fields.add(
        Field.builder("temperature", "visit", FieldType.TEXT)
            .label("Temperature (°C)")
            .validation("number_1dp")
            .build());
    fields.add(Field.builder("visit_notes", "visit", FieldType.NOTES).label("Notes").build());
    fields.add(
        Field.builder("lab_date", "labs", FieldType.TEXT)
            .label("Sample date")
            .validation("date_ymd")
            .build());
    fields.add(
        Field.builder("lab_time", "labs", FieldType.TEXT)
            .label("Sample time")
            .validation("time")
            .build());
    fields.add(
        Field.builder("glucose", "labs", FieldType.TEXT)
            .label("Glucose (mg/dL)")
            .validation("integer")
            .build());
    fields.add(
        Field.builder("hba1c", "labs", FieldType.TEXT)
            .label("HbA1c (%)")
            .validation("number_1dp")
            .build());
    fields.add(
        Field.builder("cholesterol", "labs", FieldType.TEXT)
            .label("Total cholesterol (mg/dL)")
            .validation("integer")
            .build());
    fields.add(
        Field.builder("creatinine", "labs", FieldType.TEXT)
            .label("Creatinine (mg/dL)")
            .validation("number_2dp")
            .build());
    fields.add(Field.builder("fasting", "labs", FieldType.YESNO).label("Fasting sample?").build());
    fields.add(
        Field.builder("med_name", "medications", FieldType.TEXT).label("Medication").build());
    fields.add(
        Field.builder("med_dose", "medications", FieldType.TEXT)
            .label("Dose")
            .validation("number")
            .build());
    fields.add(
        Field.builder("med_unit", "medications", FieldType.DROPDOWN)
            .label("Unit")
            .choicesOrCalculation("1, mg|2, mcg|3, mL|4, units")
            .build());
    fields.add(
        Field.builder("med_start", "medications", FieldType.TEXT)
            .label("Start date")
            .validation("date_ymd")
            .build());
    fields.add(
        Field.builder("med_ongoing", "medications", FieldType.YESNO).label("Ongoing?").build());
    fields.add(
        Field.builder("ae_term", "adverse_events", FieldType.TEXT).label("Adverse event").build());
    fields.add(
        Field.builder("ae_onset", "adverse_events", FieldType.TEXT)
            .label("Onset date")
            .validation("date_ymd")
            .build());
    fields.add(
        Field.builder("ae_severity", "adverse_events", FieldType.RADIO)
            .label("Severity")
            .choicesOrCalculation("1, Mild|2, Moderate|3, Severe")
            .build());
    fields.add(
        Field.builder("ae_serious", "adverse_events", FieldType.YESNO).label("Serious?").build());
    List<Arm> arms = List.of(new Arm(1, "Standard care"), new Arm(2, "Intervention"));
    List<Event> events = new ArrayList<>();
    Map<String, List<String>> mappings = new LinkedHashMap<>();
    List<RepeatingEntry> repeating = new ArrayList<>();
    String[][] plan = {
      {"Screening", "0", "demographics"},
      {"Baseline", "7", "visit,labs,medications"},
      {"Week 4", "35", "visit,medications,adverse_events"},
      {"Week 12", "91", "visit,labs,adverse_events"},
    };
    for (Arm arm : arms) {
      for (String[] p : plan) {
        String unique = p[0].toLowerCase(Locale.ROOT).replace(' ', '_') + "_arm_" + arm.number();
        events.add(new Event(0, arm.number(), p[0], unique, "", Double.parseDouble(p[1]), 0, 0));
        mappings.put(unique, List.of(p[2].split(",")));
        for (String f : p[2].split(",")) {
          if (f.equals("medications") || f.equals("adverse_events")) {
            repeating.add(
                new RepeatingEntry(
                    unique, f, f.equals("medications") ? "[med_name]" : "[ae_term]"));
          }
        }
      }
    }
    String followUp = "follow_up_arm_2";
    events.add(new Event(0, 2, "Follow-up", followUp, "", 182, 0, 0));
    mappings.put(followUp, List.of("visit", "adverse_events"));
    repeating.add(new RepeatingEntry(followUp, "adverse_events", "[ae_term]"));
    List<Dag> dags =
        List.of(new Dag(0, "site_north", "Site North"), new Dag(0, "site_south", "Site South"));
    ProjectInfo info =
        ProjectInfo.builder("REDCap Emulator Demo Study")
            .longitudinal(true)
            .purpose(2)
            .notes("A made-up study for trying redcap-jdbc; every person in it is fictional.")
            .piFirstName("Ada")
            .piLastName("Lovelace")
            .build();
    ProjectDefinition def =
        ProjectDefinition.builder(info)
            .forms(forms)
            .fields(fields)
            .arms(arms)
            .events(events)
            .eventForms(mappings)
            .repeating(repeating)
            .dags(dags)
            .build();
    return new LoadedProject(def, sink -> demoRecords(def, sink));
  }

  private static void demoRecords(ProjectDefinition def, RecordSink sink) throws Exception {
    Random random = new Random(42);
    String[] meds = {
      "Metformin", "Lisinopril", "Atorvastatin", "Amlodipine", "Levothyroxine", "Omeprazole"
    };
    String[] aes = {"Headache", "Nausea", "Dizziness", "Fatigue", "Rash", "Cough", "Insomnia"};
    for (int r = 1; r <= 300; r++) {
      String record = String.valueOf(r);
      int arm = 1 + (r - 1) % 2;
      sink.record(
          record, random.nextInt(10) == 0 ? null : (r % 3 == 0 ? "site_south" : "site_north"), "");
      List<Event> events = def.eventsOfArm(arm);
      int visits = 1 + random.nextInt(events.size());
      java.time.LocalDate start = java.time.LocalDate.of(2023, 1, 9).plusDays(random.nextInt(500));
      double height = 150 + random.nextInt(45) + random.nextInt(10) / 10.0;
      double weight = 48 + random.nextInt(60) + random.nextInt(10) / 10.0;
      for (int e = 0; e < visits; e++) {
        Event event = events.get(e);
        String ev = event.uniqueName();
        sink.value(record, ev, "study_id", 1, record);
        java.time.LocalDate day = start.plusDays((long) event.dayOffset());
        for (Form form : def.formsOf(event)) {
          switch (form.name()) {
            case "demographics":
              sink.value(record, ev, "first_name", 1, FIRST[random.nextInt(FIRST.length)]);
              sink.value(record, ev, "last_name", 1, LAST[random.nextInt(LAST.length)]);
              sink.value(
                  record,
                  ev,
                  "dob",
                  1,
                  java.time.LocalDate.of(1945, 1, 1).plusDays(random.nextInt(20_000)).toString());
              sink.value(
                  record,
                  ev,
                  "sex",
                  1,
                  String.valueOf(random.nextInt(10) == 0 ? 2 : random.nextInt(2)));
              int race = 1 + random.nextInt(6);
              sink.value(record, ev, "race", 1, String.valueOf(race));
              if (random.nextInt(8) == 0) {
                sink.value(record, ev, "race", 1, race == 5 ? "2" : "5");
              }
              sink.value(record, ev, "height", 1, decimal(height));
              if (random.nextInt(12) != 0) {
                sink.value(record, ev, "weight", 1, decimal(weight));
                sink.value(record, ev, "email", 1, "participant" + record + "@example.org");
                sink.value(record, ev, "bmi", 1, bmi(weight, height));
              }
              sink.value(record, ev, "demographics_complete", 1, "2");
              break;
            case "visit":
              sink.value(record, ev, "visit_date", 1, day.toString());
              sink.value(record, ev, "sbp", 1, String.valueOf(100 + random.nextInt(60)));
              sink.value(record, ev, "dbp", 1, String.valueOf(60 + random.nextInt(35)));
              sink.value(record, ev, "heart_rate", 1, String.valueOf(55 + random.nextInt(45)));
              sink.value(record, ev, "temperature", 1, "36." + random.nextInt(10));
              if (random.nextInt(4) == 0) {
                sink.value(
                    record,
                    ev,
                    "visit_notes",
                    1,
                    "Participant " + WORDS[random.nextInt(WORDS.length)] + ".");
              }
              sink.value(record, ev, "visit_complete", 1, random.nextInt(5) == 0 ? "1" : "2");
              break;
            case "labs":
              if (random.nextInt(6) == 0) {
                break;
              }
              sink.value(record, ev, "lab_date", 1, day.plusDays(random.nextInt(3)).toString());
              sink.value(
                  record,
                  ev,
                  "lab_time",
                  1,
                  two(7 + random.nextInt(4)) + ":" + two(random.nextInt(60)));
              sink.value(record, ev, "glucose", 1, String.valueOf(70 + random.nextInt(120)));
              sink.value(
                  record, ev, "hba1c", 1, (5 + random.nextInt(5)) + "." + random.nextInt(10));
              sink.value(record, ev, "cholesterol", 1, String.valueOf(140 + random.nextInt(120)));
              sink.value(record, ev, "creatinine", 1, "0." + two(60 + random.nextInt(40)));
              sink.value(record, ev, "fasting", 1, String.valueOf(random.nextInt(2)));
              sink.value(record, ev, "labs_complete", 1, "2");
              break;
            case "medications":
              int n = random.nextInt(4);
              for (int i = 1; i <= n; i++) {
                sink.value(record, ev, "med_name", i, meds[random.nextInt(meds.length)]);
                sink.value(record, ev, "med_dose", i, String.valueOf(5 * (1 + random.nextInt(20))));
                sink.value(record, ev, "med_unit", i, "1");
                sink.value(
                    record, ev, "med_start", i, day.minusDays(random.nextInt(900)).toString());
                sink.value(
                    record, ev, "med_ongoing", i, String.valueOf(random.nextInt(4) == 0 ? 0 : 1));
                sink.value(record, ev, "medications_complete", i, "2");
              }
              break;
            case "adverse_events":
              int k = random.nextInt(5) < 3 ? 0 : 1 + random.nextInt(2);
              for (int i = 1; i <= k; i++) {
                sink.value(record, ev, "ae_term", i, aes[random.nextInt(aes.length)]);
                sink.value(record, ev, "ae_onset", i, day.minusDays(random.nextInt(20)).toString());
                sink.value(record, ev, "ae_severity", i, String.valueOf(1 + random.nextInt(3)));
                sink.value(record, ev, "ae_serious", i, random.nextInt(15) == 0 ? "1" : "0");
                sink.value(
                    record, ev, "adverse_events_complete", i, random.nextInt(3) == 0 ? "1" : "2");
              }
              break;
            default:
              break;
          }
        }
      }
    }
  }

  private static String decimal(double d) {
    long tenths = Math.round(d * 10);
    return tenths % 10 == 0 ? String.valueOf(tenths / 10) : (tenths / 10) + "." + (tenths % 10);
  }

  /** {@code round(([weight]*10000)/(([height])^(2)),1)} as REDCap stores it. */
  private static String bmi(double weight, double height) {
    java.math.BigDecimal v =
        java.math.BigDecimal.valueOf(weight * 10000 / (height * height))
            .setScale(1, java.math.RoundingMode.HALF_UP)
            .stripTrailingZeros();
    return v.toPlainString();
  }
}
