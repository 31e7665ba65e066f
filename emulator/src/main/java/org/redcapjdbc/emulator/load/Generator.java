package org.redcapjdbc.emulator.load;

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
 *
 * <p>This class only reads which of the two a spec asks for: {@link SyntheticProject} parses the
 * spec and builds the synthetic project, {@link DemoStudy} builds the demo.
 */
public final class Generator {
  private Generator() {}

  /** A project for {@code spec} (see the class comment); {@code demo} gives the demo study. */
  public static LoadedProject fromSpec(String spec) {
    if (spec == null || spec.isBlank()) {
      throw new ProjectLoadException(
          "A generator spec is empty; give e.g. records=1000,fields=50 or demo");
    }
    if (spec.strip().equalsIgnoreCase("demo")) {
      return DemoStudy.project();
    }
    return SyntheticProject.generate(SyntheticProject.Spec.parse(spec));
  }
}
