package org.redcapjdbc.jdbc;

import java.util.Iterator;
import java.util.Objects;

/**
 * The rows of one execution, passed through unchanged, remembering the row handed out last, so
 * that the result set can read a column straight from the row array Avatica's cursor is on
 * instead of through the cursor's accessor and getter for every value. Its iterator forwards
 * {@link AutoCloseable#close()}, through which closing the result set stops the REDCap export.
 *
 * <p>One iterator per instance, used by one result set at a time, as the result set itself.
 */
public final class RowTap implements Iterable<Object> {
  private final Iterable<Object> rows;
  private Object current;

  public RowTap(Iterable<Object> rows) {
    this.rows = Objects.requireNonNull(rows, "rows");
  }

  /** The row the iterator returned last (null before the first). */
  public Object current() {
    return current;
  }

  @Override
  public Iterator<Object> iterator() {
    return new Tapped(rows.iterator());
  }

  private final class Tapped implements Iterator<Object>, AutoCloseable {
    private final Iterator<Object> rows;

    Tapped(Iterator<Object> rows) {
      this.rows = rows;
    }

    @Override
    public boolean hasNext() {
      return rows.hasNext();
    }

    @Override
    public Object next() {
      Object row = rows.next();
      current = row;
      return row;
    }

    @Override
    public void close() throws Exception {
      current = null;
      if (rows instanceof AutoCloseable closeable) {
        closeable.close();
      }
    }
  }
}
