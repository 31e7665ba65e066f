package org.redcapjdbc.client;

import java.util.List;
import java.util.Set;

/**
 * Rows of a record export, read one at a time.
 *
 * <p>Usage: {@link #bind(List)} the columns you want (before the first {@link #next()}), then for
 * each row {@code next()} and {@link #value(int)} by bound position. Nothing is materialised per
 * row beyond the bound values, so a full scan costs little more than the JSON parse.
 *
 * <ul>
 *   <li>{@code value(i)} is {@code null} for REDCap's empty string (REDCap has no NULL on the
 *       wire: {@code ""} is a missing value) and for a bound column the row does not carry.
 *   <li>Every scalar is text: JSON numbers ({@code redcap_repeat_instance}) and booleans come back
 *       as their JSON text, nested objects as {@code key:value,key:value}.
 *   <li>Keys the response carries that were not bound are collected in {@link #unboundColumns()}.
 *   <li>A response that ends early, is empty, HTML, or not a JSON array fails with
 *       {@link RedcapException}: a cursor never silently returns fewer rows.
 *   <li>{@link #close()} at any time aborts the HTTP call; {@link #cancel()} may be called from
 *       another thread and makes a blocked {@code next()} fail promptly with kind
 *       {@link RedcapException.Kind#CANCELLED}.
 * </ul>
 *
 * Not thread-safe, except {@code cancel()}.
 */
public interface RowCursor extends AutoCloseable {

  /**
   * Chooses the columns {@link #value(int)} returns, by name, in this order. Call once, before the
   * first {@link #next()}; a single-request cursor left unbound binds the keys of its first row.
   *
   * @return this cursor
   * @throws IllegalStateException if rows were already read
   */
  RowCursor bind(List<String> columns);

  /** The bound columns (after auto-binding, the first row's keys). */
  List<String> columns();

  /**
   * Advances to the next row.
   *
   * @return false at the end of a complete response
   * @throws RedcapException if the call fails, the response is damaged or incomplete, or the
   *     cursor was cancelled
   */
  boolean next();

  /** The value of bound column {@code index} in the current row; null for blank or absent. */
  String value(int index);

  /** Keys seen in the response that are not bound, in order of first appearance. */
  Set<String> unboundColumns();

  /**
   * Bound columns that no row read so far carried as a key at all (a blank value still counts
   * as carried): REDCap leaves out, silently, the fields of forms a token may not export, where
   * a field without data is sent as {@code ""}. Empty until a row has arrived.
   */
  default Set<String> absentColumns() {
    return Set.of();
  }

  /** Rows returned so far. */
  long rowCount();

  /** HTTP requests this cursor has sent so far (retries and redirects included). */
  int requestCount();

  /** Aborts the export from any thread; a blocked or later {@code next()} throws CANCELLED. */
  void cancel();

  /** Releases the connection, aborting the call if the response was not read to its end. */
  @Override
  void close();
}
