package org.redcapjdbc.cache;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.redcapjdbc.client.RedcapException;
import org.redcapjdbc.client.RowCursor;

/**
 * The rows of a {@link CopiedRows} version read as if they were a full flat export: same
 * columns, blanks, rows and order, so that a table scan reading it applies the same row filters
 * and converters as over a live export. No request is sent.
 *
 * <p>The copy holds statuses as exported with {@code exportBlankForGrayFormStatus=true} (a form
 * never saved is blank), which instrument tables need; a read asking for REDCap's default (such
 * a form shows {@code 0} wherever it applies) gets {@code 0} from {@link GrayStatus}.
 */
public final class CopyCursor implements RowCursor {
  /** The value REDCap's default export shows for a status left blank in the copy, or null. */
  public interface GrayStatus {
    /**
     * @param statusColumn {@code <form>_complete}
     * @param row the copy's row
     * @return {@code "0"} when the form applies to the row (REDCap's default shows an unsaved
     *     form's status as 0 there), else null
     */
    String valueFor(String statusColumn, String[] row);

    /** Whether {@code column} is a status column this policy fills. */
    boolean isStatus(String column);
  }

  private final CopiedRows copy;
  private final GrayStatus gray;
  private List<String> bound;
  private int[] slots;
  private boolean[] status;
  private int recordPosition = -1;
  private String[][] recordRows = new String[0][];
  private int rowPosition;
  private String[] current;
  private long rowCount;
  private volatile boolean cancelled;
  private boolean closed;

  /**
   * @param copy the version to read
   * @param gray null to read statuses as the copy holds them (blank for a form never saved)
   */
  public CopyCursor(CopiedRows copy, GrayStatus gray) {
    this.copy = Objects.requireNonNull(copy, "copy");
    this.gray = gray;
  }

  @Override
  public RowCursor bind(List<String> columns) {
    if (rowCount > 0) {
      throw new IllegalStateException("bind() after rows were read");
    }
    bound = List.copyOf(columns);
    slots = new int[bound.size()];
    status = new boolean[bound.size()];
    for (int i = 0; i < slots.length; i++) {
      slots[i] = copy.indexOf(bound.get(i));
      status[i] = gray != null && gray.isStatus(bound.get(i));
    }
    return this;
  }

  @Override
  public List<String> columns() {
    return bound == null ? copy.columns() : bound;
  }

  @Override
  public boolean next() {
    if (cancelled) {
      throw new RedcapException(
          RedcapException.Kind.CANCELLED, 0, "cache", null, "The read was cancelled.", null);
    }
    if (bound == null) {
      bind(copy.columns());
    }
    List<String> order = copy.order();
    while (rowPosition >= recordRows.length) {
      recordPosition++;
      if (recordPosition >= order.size()) {
        current = null;
        return false;
      }
      recordRows = copy.rows(order.get(recordPosition));
      rowPosition = 0;
    }
    current = recordRows[rowPosition++];
    rowCount++;
    return true;
  }

  @Override
  public String value(int index) {
    int slot = slots[index];
    String v = slot < 0 ? null : current[slot];
    if (v == null && status[index]) {
      return gray.valueFor(bound.get(index), current);
    }
    return v;
  }

  @Override
  public Set<String> unboundColumns() {
    Set<String> unbound = new LinkedHashSet<>(copy.columns());
    if (bound != null) {
      unbound.removeAll(bound);
    }
    unbound.addAll(copy.unknown());
    return unbound;
  }

  @Override
  public Set<String> absentColumns() {
    if (rowCount == 0 || bound == null) {
      return Set.of();
    }
    Set<String> absent = new LinkedHashSet<>();
    for (int i = 0; i < slots.length; i++) {
      if (slots[i] < 0 || copy.absent().contains(bound.get(i))) {
        absent.add(bound.get(i));
      }
    }
    return absent;
  }

  @Override
  public long rowCount() {
    return rowCount;
  }

  @Override
  public int requestCount() {
    return 0;
  }

  @Override
  public void cancel() {
    cancelled = true;
  }

  @Override
  public void close() {
    closed = true;
    current = null;
  }

  boolean isClosed() {
    return closed;
  }
}
