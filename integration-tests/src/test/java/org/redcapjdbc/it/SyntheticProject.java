package org.redcapjdbc.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes a project directory the emulator loads ({@code dictionary.csv}, {@code data.csv} and, for
 * the longitudinal variant, {@code event.csv}, {@code arm.csv}, {@code formEventMapping.csv},
 * {@code repeatingFormsEvents.csv}), with random but seeded values of every field type, sprinkled
 * with the awkward values real projects hold: blanks, legacy text in typed fields
 * ({@code before validation}, {@code UNK}), numbers REDCap does not read as numbers
 * ({@code 5.}, {@code 1.e5}), date-times with and without seconds, quotes, Cyrillic, text that
 * looks like numbers ({@code 1.0}, {@code 01}).
 */
final class SyntheticProject {
  static final String[] DICTIONARY_HEADER = {
    "field_name",
    "form_name",
    "section_header",
    "field_type",
    "field_label",
    "select_choices_or_calculations",
    "field_note",
    "text_validation_type_or_show_slider_number",
    "text_validation_min",
    "text_validation_max",
    "identifier",
    "branching_logic",
    "required_field",
    "custom_alignment",
    "question_number",
    "matrix_group_name",
    "matrix_ranking",
    "field_annotation"
  };

  private static final String[] WORDS = {
    "alpha",
    "Beta",
    "gamma",
    "O'Brien",
    "say \"hi\"",
    "Тимофей",
    "ëlan",
    "1.0",
    "01",
    "1",
    "10",
    "9",
    "x y",
    "100%",
    "a_b",
    "ALPHA",
    "beta"
  };

  private final Random random;
  private final int records;
  private final boolean longitudinal;

  private SyntheticProject(long seed, int records, boolean longitudinal) {
    this.random = new Random(seed);
    this.records = records;
    this.longitudinal = longitudinal;
  }

  /**
   * A classic project ({@code longitudinal=false}: forms {@code person} and {@code visit}, the
   * latter a repeating instrument when {@code longitudinal}) or a longitudinal one with events
   * {@code baseline_arm_1} (person) and {@code followup_arm_1} (visit, repeating).
   */
  static Path write(Path dir, long seed, int records, boolean longitudinal) {
    try {
      Files.createDirectories(dir);
      new SyntheticProject(seed, records, longitudinal).writeAll(dir);
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A wide-enough project of {@code records} records and five simple fields, for scale tests. */
  static Path writeLarge(Path dir, int records) {
    try {
      Files.createDirectories(dir);
      try (CSVPrinter p = printer(dir.resolve("dictionary.csv"))) {
        p.printRecord((Object[]) DICTIONARY_HEADER);
        p.printRecord(field("record_id", "main", "text", "Record ID", "", ""));
        p.printRecord(field("name", "main", "text", "Name", "", ""));
        p.printRecord(field("age", "main", "text", "Age", "", "integer"));
        p.printRecord(field("weight", "main", "text", "Weight", "", "number"));
        p.printRecord(field("dob", "main", "text", "Date of birth", "", "date_ymd"));
      }
      try (CSVPrinter p = printer(dir.resolve("data.csv"))) {
        p.printRecord("record_id", "name", "age", "weight", "dob", "main_complete");
        for (int i = 1; i <= records; i++) {
          p.printRecord(
              i,
              "name " + i,
              i % 90,
              (i % 1000) / 10.0,
              String.format("19%02d-%02d-%02d", i % 100, 1 + i % 12, 1 + i % 28),
              2);
        }
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void writeAll(Path dir) throws IOException {
    try (CSVPrinter p = printer(dir.resolve("dictionary.csv"))) {
      p.printRecord((Object[]) DICTIONARY_HEADER);
      p.printRecord(field("record_id", "person", "text", "Record ID", "", ""));
      p.printRecord(field("name", "person", "text", "<b>Name</b>", "", ""));
      p.printRecord(field("code", "person", "text", "Code", "", ""));
      p.printRecord(field("age", "person", "text", "Age", "", "integer"));
      p.printRecord(field("weight", "person", "text", "Weight (kg)", "", "number"));
      p.printRecord(field("score", "person", "text", "Score", "", "number_2dp"));
      p.printRecord(field("ratio", "person", "text", "Ratio", "", "number_comma_decimal"));
      p.printRecord(field("bmi", "person", "calc", "BMI", "[weight]/4", ""));
      p.printRecord(field("level", "person", "slider", "Level", "low | mid | high", ""));
      p.printRecord(field("dob", "person", "text", "Date of birth", "", "date_ymd"));
      p.printRecord(field("visit_at", "person", "text", "Visit", "", "datetime_ymd"));
      p.printRecord(field("seen_at", "person", "text", "Seen", "", "datetime_seconds_ymd"));
      p.printRecord(field("wake", "person", "text", "Wakes at", "", "time"));
      p.printRecord(field("clock", "person", "text", "Clock", "", "time_hh_mm_ss"));
      p.printRecord(field("smoker", "person", "yesno", "Smoker?", "", ""));
      p.printRecord(field("consent", "person", "truefalse", "Consent", "", ""));
      p.printRecord(field("sex", "person", "radio", "Sex", "1, Female | 2, Male", ""));
      p.printRecord(
          field("color", "person", "dropdown", "Colour", "a, Red | b, Green | C, Blue", ""));
      p.printRecord(
          field("race", "person", "checkbox", "Race", "1, Asian | 2, Black | -99, Unknown", ""));
      p.printRecord(field("notes", "person", "notes", "Notes", "", ""));
      p.printRecord(field("v_date", "visit", "text", "Visit date", "", "date_ymd"));
      p.printRecord(field("v_sbp", "visit", "text", "Systolic", "", "integer"));
      p.printRecord(field("v_note", "visit", "text", "Visit note", "", ""));
    }
    List<String> header = new ArrayList<>(List.of("record_id"));
    if (longitudinal) {
      header.addAll(
          List.of("redcap_event_name", "redcap_repeat_instrument", "redcap_repeat_instance"));
    }
    header.addAll(
        List.of(
            "name",
            "code",
            "age",
            "weight",
            "score",
            "ratio",
            "bmi",
            "level",
            "dob",
            "visit_at",
            "seen_at",
            "wake",
            "clock",
            "smoker",
            "consent",
            "sex",
            "color",
            "race___1",
            "race___2",
            "race____99",
            "notes",
            "person_complete",
            "v_date",
            "v_sbp",
            "v_note",
            "visit_complete"));
    try (CSVPrinter p = printer(dir.resolve("data.csv"))) {
      p.printRecord(header);
      for (int r = 1; r <= records; r++) {
        List<String> person = personValues();
        List<String> visit = visitValues();
        if (!longitudinal) {
          List<String> row = new ArrayList<>(List.of(String.valueOf(r)));
          row.addAll(person);
          row.addAll(visit);
          p.printRecord(row);
          continue;
        }
        List<String> base = new ArrayList<>(List.of(String.valueOf(r), "baseline_arm_1", "", ""));
        base.addAll(person);
        base.addAll(blanks(4));
        p.printRecord(base);
        int visits = random.nextInt(4);
        for (int v = 1; v <= visits; v++) {
          List<String> row =
              new ArrayList<>(
                  List.of(String.valueOf(r), "followup_arm_1", "visit", String.valueOf(v)));
          row.addAll(blanks(person.size()));
          row.addAll(visitValues());
          p.printRecord(row);
        }
      }
    }
    if (longitudinal) {
      Files.writeString(dir.resolve("arm.csv"), "arm_num,name\n1,Arm 1\n", StandardCharsets.UTF_8);
      Files.writeString(
          dir.resolve("event.csv"),
          "event_name,arm_num,unique_event_name\n"
              + "Baseline,1,baseline_arm_1\nFollow-up,1,followup_arm_1\n",
          StandardCharsets.UTF_8);
      Files.writeString(
          dir.resolve("formEventMapping.csv"),
          "arm_num,unique_event_name,form\n" + "1,baseline_arm_1,person\n1,followup_arm_1,visit\n",
          StandardCharsets.UTF_8);
      Files.writeString(
          dir.resolve("repeatingFormsEvents.csv"),
          "event_name,form_name,custom_form_label\nfollowup_arm_1,visit,\n",
          StandardCharsets.UTF_8);
    }
  }

  private List<String> personValues() {
    boolean saved = random.nextInt(10) > 0;
    String checkbox1 = saved ? pick("0", "1") : "0";
    return new ArrayList<>(
        Arrays.asList(
            sometimes(pick(WORDS)),
            sometimes(pick("1", "1.0", "01", "10", "9", "abc", "ABC", "-5", "1e3")),
            sometimes(odd(String.valueOf(random.nextInt(100) - 10), "5.", "3.0", "+4", "UNK")),
            sometimes(odd(decimal(3), "1.e5", ".5", "5.", "1e3", "12.938129834911", "n/a")),
            sometimes(odd(decimal(2), "7.1", "before validation")),
            sometimes(pick("1,5", "2,25", "0,1", "3")),
            sometimes(odd(decimal(1), "5.", "22.1")),
            sometimes(odd(String.valueOf(random.nextInt(101)), "55")),
            sometimes(odd(date(), "before validation 1", "2020-02-30")),
            sometimes(odd(date() + " " + clock(false), date() + " " + clock(true))),
            sometimes(odd(date() + " " + clock(true), date() + " " + clock(false))),
            sometimes(odd(clock(false), clock(true), "55:02")),
            sometimes(odd(clock(true), clock(false))),
            sometimes(pick("0", "1")),
            sometimes(pick("0", "1")),
            sometimes(pick("1", "2")),
            sometimes(pick("a", "b", "C")),
            checkbox1,
            saved ? pick("0", "1") : "0",
            saved ? pick("0", "0", "1") : "0",
            sometimes(pick(WORDS) + " " + pick(WORDS)),
            saved ? pick("0", "1", "2") : ""));
  }

  private List<String> visitValues() {
    return new ArrayList<>(
        Arrays.asList(
            sometimes(date()),
            sometimes(odd(String.valueOf(90 + random.nextInt(80)), "5.")),
            sometimes(pick(WORDS)),
            pick("0", "2")));
  }

  private static List<String> blanks(int n) {
    List<String> b = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      b.add("");
    }
    return b;
  }

  private String sometimes(String value) {
    return random.nextInt(6) == 0 ? "" : value;
  }

  /** Usually {@code normal}, sometimes one of the awkward values. */
  private String odd(String normal, String... awkward) {
    return random.nextInt(8) == 0 ? pick(awkward) : normal;
  }

  private String pick(String... values) {
    return values[random.nextInt(values.length)];
  }

  private String decimal(int places) {
    double v = random.nextInt(20000) / 100.0;
    return String.format(java.util.Locale.ROOT, "%." + places + "f", v);
  }

  private String date() {
    return String.format(
        "%04d-%02d-%02d",
        1950 + random.nextInt(70), 1 + random.nextInt(12), 1 + random.nextInt(28));
  }

  private String clock(boolean seconds) {
    String hm = String.format("%02d:%02d", random.nextInt(24), random.nextInt(4) * 15);
    return seconds ? hm + String.format(":%02d", random.nextInt(3) * 30) : hm;
  }

  private static Object[] field(
      String name, String form, String type, String label, String choices, String validation) {
    Object[] row = new Object[DICTIONARY_HEADER.length];
    Arrays.fill(row, "");
    row[0] = name;
    row[1] = form;
    row[3] = type;
    row[4] = label;
    row[5] = choices;
    row[7] = validation;
    return row;
  }

  private static CSVPrinter printer(Path file) throws IOException {
    Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    return new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get());
  }
}
