package org.redcapjdbc.schema;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.redcapjdbc.client.RecordExportRequest;
import org.redcapjdbc.client.RowCursor;
import org.redcapjdbc.model.ValueConverter;

/**
 * One execution of a table scan, worked out before anything is sent: the export request, the
 * wire columns to bind, for each output column its bound slot and converter, and which rows of
 * the response belong to the table. Immutable once built.
 */
final class ScanSpec {
  /** Decides whether a row of the response is a row of the table. */
  @FunctionalInterface
  interface RowFilter {
    boolean accept(RowCursor row);
  }

  final RecordExportRequest request;

  /** One plain request (no ID pass, no batches): small reads, and reads of the record ID only. */
  final boolean singleRequest;

  /**
   * A single request over the whole project (no records, events or filterLogic): its rows are
   * the project's rows, so reading it through counts the project ({@link ProjectSnapshot#tally}).
   */
  final boolean countsProject;

  /** Columns each row of the answer has (fields asked for, expanded), for the batch budget. */
  final int answerColumns;

  final List<String> bound;
  final int[] slots;
  final ValueConverter[] converters;
  final RowFilter rowFilter;
  final int recordIdSlot;
  final int eventSlot;

  /** Wire columns the connection's snapshot knows; others in a response mean it is outdated. */
  final Set<String> knownColumns;

  private ScanSpec(Builder b) {
    this.request = requireNonNull(b.request, "request");
    this.singleRequest = b.singleRequest;
    this.countsProject = b.countsProject;
    this.answerColumns = Math.max(b.answerColumns, b.slotByName.size());
    this.bound = List.copyOf(b.slotByName.keySet());
    this.slots = b.slots;
    this.converters = b.converters;
    this.rowFilter = b.rowFilter;
    this.recordIdSlot = b.recordIdSlot;
    this.eventSlot = b.eventSlot;
    this.knownColumns = Set.copyOf(b.knownColumns);
  }

  /** Collects the bound wire columns (each once) and the rest of a spec. */
  static final class Builder {
    private final Map<String, Integer> slotByName = new LinkedHashMap<>();
    private final List<RowFilter> filters = new ArrayList<>();
    RecordExportRequest request;
    boolean singleRequest;
    boolean countsProject;
    int answerColumns;
    int[] slots;
    ValueConverter[] converters;
    RowFilter rowFilter;
    int recordIdSlot = -1;
    int eventSlot = -1;
    Set<String> knownColumns = Set.of();

    /** The slot of wire column {@code name}, binding it if it is not bound yet. */
    int slot(String name) {
      Integer existing = slotByName.get(name);
      if (existing != null) {
        return existing;
      }
      int slot = slotByName.size();
      slotByName.put(name, slot);
      return slot;
    }

    void addFilter(RowFilter filter) {
      filters.add(filter);
    }

    ScanSpec build() {
      if (filters.size() == 1) {
        rowFilter = filters.get(0);
      } else if (!filters.isEmpty()) {
        RowFilter[] all = filters.toArray(new RowFilter[0]);
        rowFilter =
            row -> {
              for (RowFilter f : all) {
                if (!f.accept(row)) {
                  return false;
                }
              }
              return true;
            };
      }
      return new ScanSpec(this);
    }
  }
}
