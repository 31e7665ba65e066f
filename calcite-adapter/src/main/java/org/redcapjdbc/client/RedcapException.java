package org.redcapjdbc.client;

import java.util.Objects;

/**
 * A REDCap API call failed.
 *
 * <p>Unchecked, because the row cursors run inside Calcite enumerators whose methods cannot throw
 * checked exceptions; the SQL layer wraps it in an {@code SQLException}. {@link #kind()} says what
 * class of failure it was, {@link #httpStatus()} the HTTP status (0 when no response arrived),
 * {@link #apiMethod()} the call ({@code content=record, action=delete}), and
 * {@link #redcapMessage()} the text REDCap itself sent, verbatim. {@link #getMessage()} combines
 * them with advice on what to do next. The API token never appears in any of them.
 */
public class RedcapException extends RuntimeException {

  /** What class of failure this is; the SQL layer maps it to an SQLState. */
  public enum Kind {
    /** HTTP 401/403: bad token or missing API rights. */
    AUTH,
    /** HTTP 400: REDCap rejected a parameter or a value (import validation, unknown field). */
    VALIDATION,
    /** HTTP 429, 5xx, or an error body REDCap sent with status 200. */
    SERVER,
    /** No usable response: unreachable host, refused connection, TLS failure, time-out, reset. */
    TRANSPORT,
    /** A response that is not a REDCap answer: empty, truncated, HTML, malformed, 404 page. */
    PROTOCOL,
    /** The caller cancelled or closed the call. */
    CANCELLED
  }

  private final Kind kind;
  private final int httpStatus;
  private final String apiMethod;
  private final String redcapMessage;

  /**
   * @param kind failure class
   * @param httpStatus HTTP status, or 0 when no response was received
   * @param apiMethod the API call, e.g. {@code content=record}; may be empty
   * @param redcapMessage REDCap's own message verbatim, or null when it sent none
   * @param message the full message: what failed and what to do
   * @param cause underlying exception, or null
   */
  public RedcapException(
      Kind kind,
      int httpStatus,
      String apiMethod,
      String redcapMessage,
      String message,
      Throwable cause) {
    super(message, cause);
    this.kind = Objects.requireNonNull(kind, "kind");
    this.httpStatus = httpStatus;
    this.apiMethod = apiMethod == null ? "" : apiMethod;
    this.redcapMessage = redcapMessage;
  }

  public Kind kind() {
    return kind;
  }

  /** The HTTP status code, or 0 if the failure happened before a response arrived. */
  public int httpStatus() {
    return httpStatus;
  }

  /** The API method, as {@code content=…[, action=…]}. */
  public String apiMethod() {
    return apiMethod;
  }

  /** REDCap's error text exactly as sent (without the {@code ERROR: } prefix), or null. */
  public String redcapMessage() {
    return redcapMessage;
  }

  /**
   * A row of a record export without its record ID: a damaged answer. Every reader of record
   * exports fails on it rather than skip it, since a row belonging to no record, or a record left
   * out of an ID list, would make the query's result silently wrong.
   *
   * @param recordIdField the project's record-ID field
   * @param where which export it was, e.g. "a record export" or "the ID pass of a batched export"
   */
  public static RedcapException rowWithoutRecordId(String recordIdField, String where) {
    return new RedcapException(
        Kind.PROTOCOL,
        200,
        "content=record",
        null,
        "REDCap sent a row without its record ID ('"
            + recordIdField
            + "' is blank or missing) in "
            + where
            + "; the answer is damaged, so the query fails rather than return rows that belong to"
            + " no record or leave records out. Run the query again; if it keeps failing, check the"
            + " export in REDCap's own Data Exports page.",
        null);
  }
}
