package org.redcapjdbc.schema;

/**
 * An INSERT, UPDATE or DELETE that failed, with how much of it REDCap had applied: the message
 * says what went wrong (REDCap's own text verbatim), what was written before and what to do.
 * {@link #rowsWritten()} is the number of the statement's rows (or, in a batch, of the batch's
 * rows) that REDCap had accepted in earlier calls and that stay written, since REDCap has no
 * transactions across calls.
 */
public final class RedcapWriteException extends RuntimeException {
  private final long rowsWritten;
  private final String sqlState;

  RedcapWriteException(String message, long rowsWritten, String sqlState, Throwable cause) {
    super(message, cause);
    this.rowsWritten = rowsWritten;
    this.sqlState = sqlState;
  }

  /** Rows written by earlier calls of the failed statement (or batch); 0 when nothing was. */
  public long rowsWritten() {
    return rowsWritten;
  }

  /**
   * The SQLState that fits: {@code 25006} (read-only connection), {@code 42501} (no rights),
   * {@code 22000} (a value or row REDCap or the driver refused), {@code 0A000} (a statement the
   * driver does not support on that table), {@code 08000} (the call's answer was lost).
   */
  public String sqlState() {
    return sqlState;
  }
}
