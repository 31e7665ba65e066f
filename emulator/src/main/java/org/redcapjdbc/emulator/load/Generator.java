package org.redcapjdbc.emulator.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.redcapjdbc.emulator.model.Arm;
import org.redcapjdbc.emulator.model.Choice;
import org.redcapjdbc.emulator.model.Dag;
import org.redcapjdbc.emulator.model.Event;
import org.redcapjdbc.emulator.model.Field;
import org.redcapjdbc.emulator.model.FieldType;
import org.redcapjdbc.emulator.model.Form;
import org.redcapjdbc.emulator.model.ProjectDefinition;
import org.redcapjdbc.emulator.model.ProjectInfo;
import org.redcapjdbc.emulator.model.RepeatingEntry;

/**
 * Deterministic synthetic projects.
 *
 * <p>A spec is comma-separated {@code key=value} pairs: {@code records} (default 100),
 * {@code fields} (dictionary fields including the record ID, default 20), {@code events} per arm
 * and {@code arms} (default 1 each; more than one of either makes the project longitudinal),
 * {@code repeating} (repeating instruments, default 0), {@code checkboxes} (checkbox fields, default
 * 1), {@code dags} (default 0), {@code seed} (default 1). Fields cycle through every common type
 * (text, notes, integer, number, number_2dp, comma decimal, date, datetime, datetime with seconds,
 * time, email, radio, dropdown, yesno, truefalse, slider, calc, file) over instruments of about ten
 * fields; about one value in seven is left blank and some forms are never saved. The same spec
 * always gives the same project.
 *
 * <p>{@code demo} is a friendly longitudinal study for demonstrations: two arms, four or five
 * events, demographics (with a BMI calc and a race checkbox), visits, labs, repeating medications
 * and adverse events, two DAGs, 300 records.
 */
public final class Generator {
  private static final String[] FIRST = {"Ada", "Ben", "Chloe", "Dev", "Elena", "Farid", "Grace", "Hugo", "Ines",
      "Jonah", "Keiko", "Liam", "Maya", "Nikolai", "Olivia", "Priya", "Quinn", "Rosa", "Sami", "Tariq", "Uma",
      "Victor", "Wen", "Ximena", "Yusuf", "Zoe"};
  private static final String[] LAST = {"Abbott", "Baptiste", "Castillo", "Dubois", "Eriksen", "Fischer", "Gallo",
      "Haddad", "Ivanova", "Jensen", "Kowalski", "Lindqvist", "Moreau", "Nakamura", "Okafor", "Petrov", "Quispe",
      "Rossi", "Schmidt", "Tanaka", "Ulloa", "Varga", "Walsh", "Xu", "Yilmaz", "Zhang"};
  private static final String[] WORDS = {"stable", "improving", "reviewed", "pending", "routine", "follow-up",
      "normal", "noted", "discussed", "scheduled", "mild", "resolved"};
  private static final FieldKind[] CYCLE = {FieldKind.TEXT, FieldKind.INTEGER, FieldKind.RADIO, FieldKind.DATE,
      FieldKind.NUMBER, FieldKind.CALC, FieldKind.YESNO, FieldKind.DROPDOWN, FieldKind.NOTES, FieldKind.NUMBER_2DP,
      FieldKind.DATETIME, FieldKind.EMAIL, FieldKind.TRUEFALSE, FieldKind.NUMBER_COMMA, FieldKind.TIME,
      FieldKind.SLIDER, FieldKind.DATETIME_SECONDS, FieldKind.TEXT, FieldKind.INTEGER, FieldKind.FILE};

  private enum FieldKind { TEXT, NOTES, INTEGER, NUMBER, NUMBER_2DP, NUMBER_COMMA, DATE, DATETIME, DATETIME_SECONDS,
    TIME, EMAIL, RADIO, DROPDOWN, YESNO, TRUEFALSE, CHECKBOX, SLIDER, CALC, FILE }

  private Generator() {}

  /** A project for {@code spec} (see the class comment); {@code demo} gives the demo study. */
  public static LoadedProject fromSpec(String spec) {
    if (spec == null || spec.isBlank()) {
      throw new ProjectLoadException("A generator spec is empty; give e.g. records=1000,fields=50 or demo");
    }
    if (spec.strip().equalsIgnoreCase("demo")) {
      return demo();
    }
    return synthetic(Spec.parse(spec));
  }

  /** Parsed generator settings. */
  record Spec(int records, int fields, int events, int arms, int repeating, int checkboxes, int dags, long seed) {
    static Spec parse(String text) {
      Map<String, Long> v = new LinkedHashMap<>();
      v.put("records", 100L);
      v.put("fields", 20L);
      v.put("events", 1L);
      v.put("arms", 1L);
      v.put("repeating", 0L);
      v.put("checkboxes", 1L);
      v.put("dags", 0L);
      v.put("seed", 1L);
      for (String part : text.split(",")) {
        String p = part.strip();
        if (p.isEmpty()) {
          continue;
        }
        int eq = p.indexOf('=');
        String key = eq < 0 ? p : p.substring(0, eq).strip().toLowerCase(Locale.ROOT);
        if (eq < 0 || !v.containsKey(key)) {
          throw new ProjectLoadException("The generator spec item '" + p + "' is not valid; use key=value with keys "
              + String.join(", ", v.keySet()));
        }
        try {
          v.put(key, Long.parseLong(p.substring(eq + 1).strip()));
        } catch (NumberFormatException e) {
          throw new ProjectLoadException("The generator spec value of '" + key + "' must be a whole number, got '"
              + p.substring(eq + 1).strip() + "'");
        }
      }
      Spec s = new Spec(v.get("records").intValue(), v.get("fields").intValue(), v.get("events").intValue(),
          v.get("arms").intValue(), v.get("repeating").intValue(), v.get("checkboxes").intValue(),
          v.get("dags").intValue(), v.get("seed"));
      if (s.records < 0 || s.fields < 2 || s.events < 1 || s.arms < 1 || s.repeating < 0 || s.checkboxes < 0
          || s.dags < 0 || s.checkboxes + 1 > s.fields) {
        throw new ProjectLoadException("The generator spec '" + text + "' is out of range: records >= 0, fields >= 2,"
            + " events >= 1, arms >= 1, repeating >= 0, 0 <= checkboxes < fields, dags >= 0");
      }
      return s;
    }

    String title() {
      return "Generated project (records=" + records + ",fields=" + fields + ",events=" + events + ",arms=" + arms
          + ",repeating=" + repeating + ",checkboxes=" + checkboxes + ",dags=" + dags + ",seed=" + seed + ")";
    }
  }

  // ---------------------------------------------------------------- synthetic projects

  private static LoadedProject synthetic(Spec spec) {
    boolean longitudinal = spec.events > 1 || spec.arms > 1;
    int formCount = Math.max(2, (spec.fields + 9) / 10);
    formCount = Math.max(formCount, spec.repeating + 1);
    List<Form> forms = new ArrayList<>();
    for (int i = 1; i <= formCount; i++) {
      forms.add(new Form("instrument_" + i, "Instrument " + i));
    }
    // Fields: record ID, then the rest spread evenly; checkbox fields spread over the forms too.
    List<Field> fields = new ArrayList<>();
    List<FieldKind> kinds = new ArrayList<>();
    fields.add(Field.builder("record_id", forms.get(0).name(), FieldType.TEXT).label("Record ID").build());
    kinds.add(FieldKind.TEXT);
    int rest = spec.fields - 1;
    int cycle = 0;
    for (int i = 0; i < rest; i++) {
      int formIndex = (int) ((long) i * formCount / rest);
      Form form = forms.get(formIndex);
      // Checkbox fields are spread evenly over the dictionary.
      boolean checkbox = (long) i * spec.checkboxes / rest != (long) (i + 1) * spec.checkboxes / rest;
      FieldKind kind;
      if (checkbox) {
        kind = FieldKind.CHECKBOX;
      } else {
        kind = CYCLE[cycle++ % CYCLE.length];
        if (kind == FieldKind.CALC && !hasIntegerOn(fields, kinds, form.name())) {
          kind = FieldKind.INTEGER;
        }
      }
      String name = "f" + (i + 1) + "_" + kind.name().toLowerCase(Locale.ROOT);
      fields.add(field(name, form.name(), kind, i + 1, fields, kinds));
      kinds.add(kind);
    }
    List<Arm> arms = new ArrayList<>();
    List<Event> events = new ArrayList<>();
    Map<String, List<String>> mappings = new LinkedHashMap<>();
    List<RepeatingEntry> repeating = new ArrayList<>();
    List<String> repeatingForms = new ArrayList<>();
    for (int i = formCount - spec.repeating; i < formCount; i++) {
      repeatingForms.add(forms.get(i).name());
    }
    if (longitudinal) {
      for (int a = 1; a <= spec.arms; a++) {
        arms.add(new Arm(a, "Arm " + a));
        for (int e = 1; e <= spec.events; e++) {
          String unique = "visit_" + e + "_arm_" + a;
          events.add(new Event(0, a, "Visit " + e, unique, "", e * 7 - 7, 0, 0));
          List<String> mapped = new ArrayList<>();
          for (Form f : forms) {
            // The first instrument (with the record ID) is filled at the first visit only.
            if (f == forms.get(0) ? e == 1 : true) {
              mapped.add(f.name());
            }
          }
          mappings.put(unique, mapped);
          for (String rf : repeatingForms) {
            repeating.add(new RepeatingEntry(unique, rf, ""));
          }
        }
      }
    } else {
      for (String rf : repeatingForms) {
        repeating.add(new RepeatingEntry(ProjectDefinition.CLASSIC_EVENT, rf, ""));
      }
    }
    List<Dag> dags = new ArrayList<>();
    for (int d = 1; d <= spec.dags; d++) {
      dags.add(new Dag(0, "site_" + d, "Site " + d));
    }
    ProjectInfo info = ProjectInfo.builder(spec.title()).longitudinal(longitudinal).autoNumbering(true).purpose(0)
        .notes("Synthetic project made by the REDCap emulator's generator").build();
    ProjectDefinition def = ProjectDefinition.builder(info).forms(forms).fields(fields).arms(arms).events(events)
        .eventForms(mappings).repeating(repeating).dags(dags).ensureClassicEvent().build();
    return new LoadedProject(def, sink -> generateRecords(def, kinds, spec, sink));
  }

  private static boolean hasIntegerOn(List<Field> fields, List<FieldKind> kinds, String form) {
    for (int i = 0; i < fields.size(); i++) {
      if (kinds.get(i) == FieldKind.INTEGER && fields.get(i).formName().equals(form)) {
        return true;
      }
    }
    return false;
  }

  private static Field field(String name, String form, FieldKind kind, int n, List<Field> fields,
      List<FieldKind> kinds) {
    String label = "Field " + n + " (" + kind.name().toLowerCase(Locale.ROOT).replace('_', ' ') + ")";
    Field.Builder b = Field.builder(name, form, FieldType.TEXT).label(label);
    switch (kind) {
      case NOTES:
        return b.type(FieldType.NOTES).build();
      case INTEGER:
        return b.validation("integer").validationMin("0").validationMax("120").build();
      case NUMBER:
        return b.validation("number").build();
      case NUMBER_2DP:
        return b.validation("number_2dp").build();
      case NUMBER_COMMA:
        return b.validation("number_comma_decimal").build();
      case DATE:
        return b.validation("date_ymd").build();
      case DATETIME:
        return b.validation("datetime_ymd").build();
      case DATETIME_SECONDS:
        return b.validation("datetime_seconds_ymd").build();
      case TIME:
        return b.validation("time").build();
      case EMAIL:
        return b.validation("email").identifier(true).build();
      case RADIO:
        return b.type(FieldType.RADIO).choicesOrCalculation("1, Low|2, Medium|3, High|4, Unknown").build();
      case DROPDOWN:
        return b.type(FieldType.DROPDOWN).choicesOrCalculation("0, None|1, One|2, Two|3, Three or more").build();
      case YESNO:
        return b.type(FieldType.YESNO).build();
      case TRUEFALSE:
        return b.type(FieldType.TRUEFALSE).build();
      case CHECKBOX:
        return b.type(FieldType.CHECKBOX).choicesOrCalculation("1, Red|2, Green|3, Blue|4, Other").build();
      case SLIDER:
        return b.type(FieldType.SLIDER).choicesOrCalculation("Low | Middle | High").build();
      case CALC:
        String source = null;
        for (int i = fields.size() - 1; i >= 0; i--) {
          if (kinds.get(i) == FieldKind.INTEGER && fields.get(i).formName().equals(form)) {
            source = fields.get(i).name();
            break;
          }
        }
        return b.type(FieldType.CALC).choicesOrCalculation("round([" + source + "]*1.5,1)").build();
      case FILE:
        return b.type(FieldType.FILE).build();
      default:
        return b.build();
    }
  }

  private static void generateRecords(ProjectDefinition def, List<FieldKind> kinds, Spec spec, RecordSink sink)
      throws Exception {
    Random random = new Random(spec.seed);
    List<Field> fields = def.fields();
    String recordId = def.recordIdField().name();
    int armCount = Math.max(1, def.arms().size());
    for (int r = 1; r <= spec.records; r++) {
      String record = String.valueOf(r);
      String dag = spec.dags == 0 ? null : "site_" + (1 + random.nextInt(spec.dags));
      sink.record(record, dag, "");
      int arm = def.isLongitudinal() ? 1 + (r - 1) % armCount : 1;
      List<Event> events = def.isLongitudinal() ? def.eventsOfArm(arm) : def.events();
      // Later visits are missing for some records, as in a study still running.
      int visits = def.isLongitudinal() ? 1 + random.nextInt(events.size()) : 1;
      for (int e = 0; e < visits; e++) {
        Event event = events.get(e);
        sink.value(record, event.uniqueName(), recordId, 1, record);
        for (Form form : def.formsOf(event)) {
          boolean repeats = def.isRepeatingForm(event, form.name());
          // Some forms are never saved ("gray").
          if (random.nextInt(10) == 0 && form != def.forms().get(0)) {
            continue;
          }
          int instances = repeats ? 1 + random.nextInt(3) : 1;
          for (int instance = 1; instance <= instances; instance++) {
            Map<String, String> saved = new LinkedHashMap<>();
            for (int i = 1; i < fields.size(); i++) {
              Field f = fields.get(i);
              if (!f.formName().equals(form.name())) {
                continue;
              }
              FieldKind kind = kinds.get(i);
              if (kind == FieldKind.CALC) {
                String source = f.choicesOrCalculation().substring(7, f.choicesOrCalculation().indexOf(']'));
                String x = saved.get(source);
                if (x != null) {
                  saved.put(f.name(), timesOnePointFive(Integer.parseInt(x)));
                }
                continue;
              }
              if (kind == FieldKind.CHECKBOX) {
                for (Choice c : f.choices()) {
                  if (random.nextInt(10) < 3) {
                    sink.value(record, event.uniqueName(), f.name(), instance, c.code());
                  }
                }
                continue;
              }
              if (random.nextInt(7) == 0) {
                continue;
              }
              if (kind == FieldKind.FILE) {
                if (random.nextInt(3) == 0) {
                  sink.file(record, event.uniqueName(), f.name(), instance, "scan_" + record + "_" + instance + ".txt",
                      "text/plain", ("scan of record " + record + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
                }
                continue;
              }
              saved.put(f.name(), value(kind, random, record));
            }
            for (Map.Entry<String, String> v : saved.entrySet()) {
              sink.value(record, event.uniqueName(), v.getKey(), instance, v.getValue());
            }
            sink.value(record, event.uniqueName(), form.completeField(), instance, String.valueOf(random.nextInt(3)));
          }
        }
      }
    }
  }

  /** What {@code round(x*1.5,1)} stores for an integer x: {@code 3} or {@code 4.5}. */
  private static String timesOnePointFive(int x) {
    return x % 2 == 0 ? String.valueOf(x / 2 * 3) : (x * 3 / 2) + ".5";
  }

  private static String value(FieldKind kind, Random random, String record) {
    switch (kind) {
      case TEXT:
        return FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)];
      case NOTES:
        return "Patient " + WORDS[random.nextInt(WORDS.length)] + "; " + WORDS[random.nextInt(WORDS.length)]
            + (random.nextInt(4) == 0 ? "\nSecond line: " + WORDS[random.nextInt(WORDS.length)] : "");
      case INTEGER:
        return String.valueOf(random.nextInt(121));
      case NUMBER:
        return random.nextInt(200) + "." + random.nextInt(10);
      case NUMBER_2DP:
        return random.nextInt(100) + "." + two(random.nextInt(100));
      case NUMBER_COMMA:
        return random.nextInt(100) + "," + random.nextInt(10);
      case DATE:
        return date(random);
      case DATETIME:
        return date(random) + " " + two(random.nextInt(24)) + ":" + two(random.nextInt(60));
      case DATETIME_SECONDS:
        return date(random) + " " + two(random.nextInt(24)) + ":" + two(random.nextInt(60)) + ":"
            + two(random.nextInt(60));
      case TIME:
        return two(random.nextInt(24)) + ":" + two(random.nextInt(60));
      case EMAIL:
        return "participant" + record + "@example.org";
      case RADIO:
        return String.valueOf(1 + random.nextInt(4));
      case DROPDOWN:
        return String.valueOf(random.nextInt(4));
      case YESNO:
      case TRUEFALSE:
        return String.valueOf(random.nextInt(2));
      case SLIDER:
        return String.valueOf(random.nextInt(101));
      default:
        throw new IllegalStateException(kind.name());
    }
  }

  private static String two(int n) {
    return n < 10 ? "0" + n : String.valueOf(n);
  }

  private static String date(Random random) {
    return java.time.LocalDate.of(1940, 1, 1).plusDays(random.nextInt(30_000)).toString();
  }

  // ---------------------------------------------------------------- demo study

  private static LoadedProject demo() {
    List<Form> forms = List.of(new Form("demographics", "Demographics"), new Form("visit", "Visit"),
        new Form("labs", "Laboratory Results"), new Form("medications", "Medications"),
        new Form("adverse_events", "Adverse Events"));
    List<Field> fields = new ArrayList<>();
    fields.add(Field.builder("study_id", "demographics", FieldType.TEXT).label("Study ID").build());
    fields.add(Field.builder("first_name", "demographics", FieldType.TEXT).label("First name")
        .sectionHeader("Participant").identifier(true).build());
    fields.add(Field.builder("last_name", "demographics", FieldType.TEXT).label("Last name").identifier(true).build());
    fields.add(Field.builder("dob", "demographics", FieldType.TEXT).label("Date of birth").validation("date_ymd")
        .identifier(true).build());
    fields.add(Field.builder("sex", "demographics", FieldType.RADIO).label("Sex")
        .choicesOrCalculation("0, Female|1, Male|2, Other").build());
    fields.add(Field.builder("race", "demographics", FieldType.CHECKBOX).label("Race (select all that apply)")
        .choicesOrCalculation("1, American Indian or Alaska Native|2, Asian|3, Black or African American|"
            + "4, Native Hawaiian or Other Pacific Islander|5, White|6, Prefer not to say").build());
    fields.add(Field.builder("height", "demographics", FieldType.TEXT).label("Height (cm)").validation("number")
        .validationMin("120").validationMax("220").sectionHeader("Measurements").build());
    fields.add(Field.builder("weight", "demographics", FieldType.TEXT).label("Weight (kg)").validation("number")
        .validationMin("30").validationMax("200").build());
    fields.add(Field.builder("bmi", "demographics", FieldType.CALC).label("BMI")
        .choicesOrCalculation("round(([weight]*10000)/(([height])^(2)),1)").build());
    fields.add(Field.builder("email", "demographics", FieldType.TEXT).label("E-mail").validation("email")
        .identifier(true).build());
    fields.add(Field.builder("visit_date", "visit", FieldType.TEXT).label("Visit date").validation("date_ymd").build());
    fields.add(Field.builder("sbp", "visit", FieldType.TEXT).label("Systolic blood pressure (mmHg)")
        .validation("integer").validationMin("70").validationMax("220").build());
    fields.add(Field.builder("dbp", "visit", FieldType.TEXT).label("Diastolic blood pressure (mmHg)")
        .validation("integer").validationMin("40").validationMax("130").build());
    fields.add(Field.builder("heart_rate", "visit", FieldType.TEXT).label("Heart rate (bpm)").validation("integer")
        .build());
    fields.add(Field.builder("temperature", "visit", FieldType.TEXT).label("Temperature (°C)")
        .validation("number_1dp").build());
    fields.add(Field.builder("visit_notes", "visit", FieldType.NOTES).label("Notes").build());
    fields.add(Field.builder("lab_date", "labs", FieldType.TEXT).label("Sample date").validation("date_ymd").build());
    fields.add(Field.builder("lab_time", "labs", FieldType.TEXT).label("Sample time").validation("time").build());
    fields.add(Field.builder("glucose", "labs", FieldType.TEXT).label("Glucose (mg/dL)").validation("integer").build());
    fields.add(Field.builder("hba1c", "labs", FieldType.TEXT).label("HbA1c (%)").validation("number_1dp").build());
    fields.add(Field.builder("cholesterol", "labs", FieldType.TEXT).label("Total cholesterol (mg/dL)")
        .validation("integer").build());
    fields.add(Field.builder("creatinine", "labs", FieldType.TEXT).label("Creatinine (mg/dL)")
        .validation("number_2dp").build());
    fields.add(Field.builder("fasting", "labs", FieldType.YESNO).label("Fasting sample?").build());
    fields.add(Field.builder("med_name", "medications", FieldType.TEXT).label("Medication").build());
    fields.add(Field.builder("med_dose", "medications", FieldType.TEXT).label("Dose").validation("number").build());
    fields.add(Field.builder("med_unit", "medications", FieldType.DROPDOWN).label("Unit")
        .choicesOrCalculation("1, mg|2, mcg|3, mL|4, units").build());
    fields.add(Field.builder("med_start", "medications", FieldType.TEXT).label("Start date").validation("date_ymd")
        .build());
    fields.add(Field.builder("med_ongoing", "medications", FieldType.YESNO).label("Ongoing?").build());
    fields.add(Field.builder("ae_term", "adverse_events", FieldType.TEXT).label("Adverse event").build());
    fields.add(Field.builder("ae_onset", "adverse_events", FieldType.TEXT).label("Onset date").validation("date_ymd")
        .build());
    fields.add(Field.builder("ae_severity", "adverse_events", FieldType.RADIO).label("Severity")
        .choicesOrCalculation("1, Mild|2, Moderate|3, Severe").build());
    fields.add(Field.builder("ae_serious", "adverse_events", FieldType.YESNO).label("Serious?").build());
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
            repeating.add(new RepeatingEntry(unique, f, f.equals("medications") ? "[med_name]" : "[ae_term]"));
          }
        }
      }
    }
    String followUp = "follow_up_arm_2";
    events.add(new Event(0, 2, "Follow-up", followUp, "", 182, 0, 0));
    mappings.put(followUp, List.of("visit", "adverse_events"));
    repeating.add(new RepeatingEntry(followUp, "adverse_events", "[ae_term]"));
    List<Dag> dags = List.of(new Dag(0, "site_north", "Site North"), new Dag(0, "site_south", "Site South"));
    ProjectInfo info = ProjectInfo.builder("REDCap Emulator Demo Study").longitudinal(true).purpose(2)
        .notes("A made-up study for trying redcap-jdbc; every person in it is fictional.")
        .piFirstName("Ada").piLastName("Lovelace").build();
    ProjectDefinition def = ProjectDefinition.builder(info).forms(forms).fields(fields).arms(arms).events(events)
        .eventForms(mappings).repeating(repeating).dags(dags).build();
    return new LoadedProject(def, sink -> demoRecords(def, sink));
  }

  private static void demoRecords(ProjectDefinition def, RecordSink sink) throws Exception {
    Random random = new Random(42);
    String[] meds = {"Metformin", "Lisinopril", "Atorvastatin", "Amlodipine", "Levothyroxine", "Omeprazole"};
    String[] aes = {"Headache", "Nausea", "Dizziness", "Fatigue", "Rash", "Cough", "Insomnia"};
    for (int r = 1; r <= 300; r++) {
      String record = String.valueOf(r);
      int arm = 1 + (r - 1) % 2;
      sink.record(record, random.nextInt(10) == 0 ? null : (r % 3 == 0 ? "site_south" : "site_north"), "");
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
              sink.value(record, ev, "dob", 1, java.time.LocalDate.of(1945, 1, 1).plusDays(random.nextInt(20_000)).toString());
              sink.value(record, ev, "sex", 1, String.valueOf(random.nextInt(10) == 0 ? 2 : random.nextInt(2)));
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
                sink.value(record, ev, "visit_notes", 1, "Participant " + WORDS[random.nextInt(WORDS.length)] + ".");
              }
              sink.value(record, ev, "visit_complete", 1, random.nextInt(5) == 0 ? "1" : "2");
              break;
            case "labs":
              if (random.nextInt(6) == 0) {
                break;
              }
              sink.value(record, ev, "lab_date", 1, day.plusDays(random.nextInt(3)).toString());
              sink.value(record, ev, "lab_time", 1, two(7 + random.nextInt(4)) + ":" + two(random.nextInt(60)));
              sink.value(record, ev, "glucose", 1, String.valueOf(70 + random.nextInt(120)));
              sink.value(record, ev, "hba1c", 1, (5 + random.nextInt(5)) + "." + random.nextInt(10));
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
                sink.value(record, ev, "med_start", i, day.minusDays(random.nextInt(900)).toString());
                sink.value(record, ev, "med_ongoing", i, String.valueOf(random.nextInt(4) == 0 ? 0 : 1));
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
                sink.value(record, ev, "adverse_events_complete", i, random.nextInt(3) == 0 ? "1" : "2");
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
    java.math.BigDecimal v = java.math.BigDecimal.valueOf(weight * 10000 / (height * height))
        .setScale(1, java.math.RoundingMode.HALF_UP).stripTrailingZeros();
    return v.toPlainString();
  }
}
