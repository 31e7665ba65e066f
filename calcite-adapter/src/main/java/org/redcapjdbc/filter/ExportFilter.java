package org.redcapjdbc.filter;

import com.google.common.collect.RangeSet;
import java.util.Collection;
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
 *
 * <p>Record-ID ranges ({@code record_id >= 'a' AND record_id < 'b'}) need the project's record-ID
 * list to become {@code records[]}: {@link #recordRanges()} holds them until the scan reads the
 * list and calls {@link #resolveRecordRanges}. They are never exact (Calcite re-checks them).
 */
public final class ExportFilter {
  private static final ExportFilter NONE = new ExportFilter(null, null, null, List.of(), null);

  private final Set<String> records;
  private final RangeSet<String> recordRanges;
  private final Set<String> events;
  private final String filterLogic;
  private final List<RexNode> exactEntries;

  ExportFilter(
      Set<String> records,
      Set<String> events,
      String filterLogic,
      List<RexNode> exactEntries,
      RangeSet<String> recordRanges) {
    this.recordRanges = recordRanges;
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

  /** Record-ID ranges still to be resolved against the record-ID list; null when there are none. */
  public RangeSet<String> recordRanges() {
    return recordRanges;
  }

  /**
   * This filter with its record-ID ranges turned into {@code records[]}: the IDs of {@code ids}
   * (the project's, in REDCap's order) that lie in them, also within {@link #records()} if set.
   * When the ranges keep every ID and no records were named, records stay unrestricted: naming
   * them all would only lengthen the request.
   */
  public ExportFilter resolveRecordRanges(Collection<String> ids) {
    if (recordRanges == null) {
      return this;
    }
    Set<String> kept = new LinkedHashSet<>();
    for (String id : ids) {
      if (recordRanges.contains(id) && (records == null || records.contains(id))) {
        kept.add(id);
      }
    }
    Set<String> resolved = records == null && kept.size() == ids.size() ? null : kept;
    return new ExportFilter(resolved, events, filterLogic, exactEntries, null);
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

  /** Whether the clause can match no row (an empty record, record-range or event set). */
  public boolean selectsNothing() {
    return (records != null && records.isEmpty())
        || (events != null && events.isEmpty())
        || (recordRanges != null && recordRanges.isEmpty());
  }

  @Override
  public String toString() {
    return "ExportFilter{records="
        + records
        + ", recordRanges="
        + recordRanges
        + ", events="
        + events
        + ", filterLogic="
        + filterLogic
        + ", exact="
        + exactEntries.size()
        + "}";
  }
}
