package org.redcapjdbc.filter;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.rex.RexNode;

/**
 * What a query's WHERE clause asks of a record export, as {@link FilterTranslator} found it:
 * the records ({@code records[]}) and events ({@code events[]}) to read, a {@code filterLogic}
 * that is true on at least every row the clause keeps, and which entries of Calcite's filter list
 * REDCap applies exactly (the scan removes those; Calcite re-checks the rest). Immutable.
 *
 * <p>{@link #records()} and {@link #events()} are null when the clause does not restrict them,
 * and empty when it can match nothing (then no request is needed at all).
 */
public final class ExportFilter {
  private static final ExportFilter NONE = new ExportFilter(null, null, null, List.of());

  private final Set<String> records;
  private final Set<String> events;
  private final String filterLogic;
  private final List<RexNode> exactEntries;

  ExportFilter(
      Set<String> records, Set<String> events, String filterLogic, List<RexNode> exactEntries) {
    this.records =
        records == null ? null : Collections.unmodifiableSet(new LinkedHashSet<>(records));
    this.events = events == null ? null : Collections.unmodifiableSet(new LinkedHashSet<>(events));
    this.filterLogic = filterLogic;
    this.exactEntries = List.copyOf(exactEntries);
  }

  /** No restriction: read everything, filter nothing away. */
  public static ExportFilter none() {
    return NONE;
  }

  /** Record IDs to export, in the order the query named them; null for every record. */
  public Set<String> records() {
    return records;
  }

  /** Unique event names to export; null for every event. */
  public Set<String> events() {
    return events;
  }

  /** REDCap logic selecting a superset of the rows the clause keeps, or null. */
  public String filterLogic() {
    return filterLogic;
  }

  /**
   * The entries of the filter list that {@link #records()} and {@link #events()} apply exactly;
   * the scan may remove them from the list it was given, so Calcite does not check them again.
   */
  public List<RexNode> exactEntries() {
    return exactEntries;
  }

  /** Whether the clause can match no row (an empty record or event set). */
  public boolean selectsNothing() {
    return (records != null && records.isEmpty()) || (events != null && events.isEmpty());
  }

  @Override
  public String toString() {
    return "ExportFilter{records="
        + records
        + ", events="
        + events
        + ", filterLogic="
        + filterLogic
        + ", exact="
        + exactEntries.size()
        + "}";
  }
}
