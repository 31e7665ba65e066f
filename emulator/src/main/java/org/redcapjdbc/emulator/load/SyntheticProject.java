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
 * The spec-driven synthetic project of {@link Generator} (e.g. {@code records=20000,fields=100}):
 * a dictionary cycling through every common field type, the arms, events, repeating instruments
 * and DAGs the spec asks for, and seeded random records.
 *
 * <p>Separate from {@link DemoStudy} because the two share no structure: this one is sized by
 * its spec for tests and benchmarks, the demo is a fixed, readable study.
 */
final class SyntheticProject {
  private static final FieldKind[] CYCLE = {
    FieldKind.TEXT,
    FieldKind.INTEGER,
    FieldKind.RADIO,
    FieldKind.DATE,
    FieldKind.NUMBER,
    FieldKind.CALC,
    FieldKind.YESNO,
    FieldKind.DROPDOWN,
    FieldKind.NOTES,
    FieldKind.NUMBER_2DP,
    FieldKind.DATETIME,
    FieldKind.EMAIL,
    FieldKind.TRUEFALSE,
    FieldKind.NUMBER_COMMA,
    FieldKind.TIME,
    FieldKind.SLIDER,
    FieldKind.DATETIME_SECONDS,
    FieldKind.TEXT,
    FieldKind.INTEGER,
    FieldKind.FILE
  };

  private enum FieldKind {
    TEXT,
    NOTES,
    INTEGER,
    NUMBER,
    NUMBER_2DP,
    NUMBER_COMMA,
    DATE,
    DATETIME,
    DATETIME_SECONDS,
    TIME,
    EMAIL,
    RADIO,
    DROPDOWN,
    YESNO,
    TRUEFALSE,
    CHECKBOX,
    SLIDER,
    CALC,
    FILE
  }

  private SyntheticProject() {}

  /** Parsed generator settings. */
  record Spec(
      int records,
      int fields,
      int events,
      int arms,
      int repeating,
      int checkboxes,
      int dags,
      long seed) {
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
          throw new ProjectLoadException(
              "The generator spec item '"
                  + p
                  + "' is not valid; use key=value with keys "
                  + String.join(", ", v.keySet()));
        }
        try {
          v.put(key, Long.parseLong(p.substring(eq + 1).strip()));
        } catch (NumberFormatException e) {
          throw new ProjectLoadException(
              "The generator spec value of '"
                  + key
                  + "' must be a whole number, got '"
                  + p.substring(eq + 1).strip()
                  + "'");
        }
      }
      Spec s =
          new Spec(
              v.get("records").intValue(),
              v.get("fields").intValue(),
              v.get("events").intValue(),
              v.get("arms").intValue(),
              v.get("repeating").intValue(),
              v.get("checkboxes").intValue(),
              v.get("dags").intValue(),
              v.get("seed"));
      if (s.records < 0
          || s.fields < 2
          || s.events < 1
          || s.arms < 1
          || s.repeating < 0
          || s.checkboxes < 0
          || s.dags < 0
          || s.checkboxes + 1 > s.fields) {
        throw new ProjectLoadException(
            "The generator spec '"
                + text
                + "' is out of range: records >= 0, fields >= 2,"
                + " events >= 1, arms >= 1, repeating >= 0, 0 <= checkboxes < fields, dags >= 0");
      }
      return s;
    }

    String title() {
      return "Generated project (records="
          + records
          + ",fields="
          + fields
          + ",events="
          + events
          + ",arms="
          + arms
          + ",repeating="
          + repeating
          + ",checkboxes="
          + checkboxes
          + ",dags="
          + dags
          + ",seed="
          + seed
          + ")";
    }
  }

  /** The project of {@code spec}: its definition and the records it streams into a sink. */
  static LoadedProject generate(Spec spec) {
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
    fields.add(
        Field.builder("record_id", forms.get(0).name(), FieldType.TEXT).label("Record ID").build());
    kinds.add(FieldKind.TEXT);
    int rest = spec.fields - 1;
    int cycle = 0;
    for (int i = 0; i < rest; i++) {
      int formIndex = (int) ((long) i * formCount / rest);
      Form form = forms.get(formIndex);
      // Checkbox fields are spread evenly over the dictionary.
      boolean checkbox =
          (long) i * spec.checkboxes / rest != (long) (i + 1) * spec.checkboxes / rest;
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
    ProjectInfo info =
        ProjectInfo.builder(spec.title())
            .longitudinal(longitudinal)
            .autoNumbering(true)
            .purpose(0)
            .notes("Synthetic project made by the REDCap emulator's generator")
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
            .ensureClassicEvent()
            .build();
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

  private static Field field(
      String name, String form, FieldKind kind, int n, List<Field> fields, List<FieldKind> kinds) {
    String label =
        "Field " + n + " (" + kind.name().toLowerCase(Locale.ROOT).replace('_', ' ') + ")";
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
        return b.type(FieldType.RADIO)
            .choicesOrCalculation("1, Low|2, Medium|3, High|4, Unknown")
            .build();
      case DROPDOWN:
        return b.type(FieldType.DROPDOWN)
            .choicesOrCalculation("0, None|1, One|2, Two|3, Three or more")
            .build();
      case YESNO:
        return b.type(FieldType.YESNO).build();
      case TRUEFALSE:
        return b.type(FieldType.TRUEFALSE).build();
      case CHECKBOX:
        return b.type(FieldType.CHECKBOX)
            .choicesOrCalculation("1, Red|2, Green|3, Blue|4, Other")
            .build();
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

  private static void generateRecords(
      ProjectDefinition def, List<FieldKind> kinds, Spec spec, RecordSink sink) throws Exception {
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
                String source =
                    f.choicesOrCalculation().substring(7, f.choicesOrCalculation().indexOf(']'));
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
                  sink.file(
                      record,
                      event.uniqueName(),
                      f.name(),
                      instance,
                      "scan_" + record + "_" + instance + ".txt",
                      "text/plain",
                      ("scan of record " + record + "\n")
                          .getBytes(java.nio.charset.StandardCharsets.UTF_8));
                }
                continue;
              }
              saved.put(f.name(), value(kind, random, record));
            }
            for (Map.Entry<String, String> v : saved.entrySet()) {
              sink.value(record, event.uniqueName(), v.getKey(), instance, v.getValue());
            }
            sink.value(
                record,
                event.uniqueName(),
                form.completeField(),
                instance,
                String.valueOf(random.nextInt(3)));
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
        return "Patient "
            + WORDS[random.nextInt(WORDS.length)]
            + "; "
            + WORDS[random.nextInt(WORDS.length)]
            + (random.nextInt(4) == 0
                ? "\nSecond line: " + WORDS[random.nextInt(WORDS.length)]
                : "");
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
        return date(random)
            + " "
            + two(random.nextInt(24))
            + ":"
            + two(random.nextInt(60))
            + ":"
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

  private static String date(Random random) {
    return java.time.LocalDate.of(1940, 1, 1).plusDays(random.nextInt(30_000)).toString();
  }
}
