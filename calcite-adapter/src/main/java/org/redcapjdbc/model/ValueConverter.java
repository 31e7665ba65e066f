package org.redcapjdbc.model;

/**
 * Converts one column's values between REDCap's wire text and Calcite's internal representation
 * (docs/calcite-workarounds.md §2.6).
 *
 * <table>
 *   <caption>Internal representation by SQL type</caption>
 *   <tr><th>SQL type</th><th>Java value</th><th>wire form</th></tr>
 *   <tr><td>VARCHAR</td><td>{@code String}</td><td>as stored</td></tr>
 *   <tr><td>BOOLEAN</td><td>{@code Boolean}</td><td>{@code 1} / {@code 0}</td></tr>
 *   <tr><td>SMALLINT / INTEGER / BIGINT</td><td>{@code Short} / {@code Integer} / {@code Long}</td>
 *       <td>digits with an optional sign</td></tr>
 *   <tr><td>DECIMAL(p,s)</td><td>{@code BigDecimal} with scale exactly s</td>
 *       <td>{@code 12.5}, {@code .34}; {@code 1,54} for comma-decimal fields</td></tr>
 *   <tr><td>DOUBLE</td><td>{@code Double}</td><td>{@code 22.1}</td></tr>
 *   <tr><td>DATE</td><td>{@code Integer} days since 1970-01-01</td><td>{@code YYYY-MM-DD}</td></tr>
 *   <tr><td>TIME</td><td>{@code Integer} milliseconds of the day</td>
 *       <td>{@code HH:MM} or {@code HH:MM:SS}</td></tr>
 *   <tr><td>TIMESTAMP</td><td>{@code Long} milliseconds of the local date-time read as UTC</td>
 *       <td>{@code YYYY-MM-DD HH:MM} or {@code YYYY-MM-DD HH:MM:SS}</td></tr>
 * </table>
 *
 * <p>Instances are immutable and thread-safe. Each is bound to one column, whose name it puts in
 * the problems it reports.
 */
public interface ValueConverter {

  /** The SQL type this converter produces. */
  SqlType sqlType();

  /**
   * Reads a wire value. Blank (and null) read as null. A value that is not in the column type's
   * form never throws: it reads as null and one {@link ValueProblem} goes to {@code problems}.
   * Built for a scan's inner loop: no regular expressions, no exceptions, no allocation beyond
   * the result on the common path.
   *
   * <p>A label companion's converter takes the wire value of its <em>source field</em> (the
   * code) and returns the code's label.
   */
  Object fromWire(String wire, ValueProblemSink problems);

  /**
   * Writes a SQL value as the text a REDCap import expects: dates {@code YYYY-MM-DD}, times and
   * timestamps without zone in the field's precision, DECIMAL as plain digits (with a comma for
   * comma-decimal fields), BOOLEAN as {@code 1}/{@code 0}. Null becomes blank, which erases the
   * value under {@code overwriteBehavior=overwrite}. Accepts Calcite's internal representation,
   * the matching {@code java.time} and {@code java.sql} types, and strings in the wire form.
   *
   * @throws IllegalArgumentException when the value cannot be stored in this column without
   *     loss (a time with seconds in an {@code HH:MM} field, a third decimal in {@code
   *     number_2dp}, a string that is not a date), naming the column and what it accepts
   * @throws UnsupportedOperationException for columns REDCap computes (label companions)
   */
  String toWire(Object value);
}
