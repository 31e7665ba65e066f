package org.redcapjdbc.schema;

/**
 * A stored value did not parse as its column's type and the connection has
 * {@code strictTypes=true}. Unchecked, since it is thrown while Calcite iterates rows; the driver
 * reports it as an {@code SQLException} carrying this message, which names the record, the
 * column and the value.
 */
public final class UnreadableValueException extends RuntimeException {
  private final String record;
  private final String column;
  private final String value;

  UnreadableValueException(String message, String record, String column, String value) {
    super(message);
    this.record = record;
    this.column = column;
    this.value = value;
  }

  /** The record ID of the row holding the value. */
  public String record() {
    return record;
  }

  public String column() {
    return column;
  }

  /** The value exactly as REDCap sent it. */
  public String value() {
    return value;
  }
}
