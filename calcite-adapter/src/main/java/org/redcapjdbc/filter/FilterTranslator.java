package org.redcapjdbc.filter;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.RangeSet;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.util.Sarg;
import org.redcapjdbc.model.ProjectModel;
import org.redcapjdbc.model.PseudoColumns;
import org.redcapjdbc.model.TableLayout;

/**
 * Turns the filter list Calcite hands a {@code ProjectableFilterableTable} into an
 * {@link ExportFilter}: what the export request can carry.
 *
 * <ul>
 *   <li>The record ID compared with {@code =}, {@code IN} or a {@code ?} parameter becomes
 *       {@code records[]}, and {@code redcap_event_name} likewise {@code events[]} (names the
 *       project does not have are dropped: REDCap would refuse them). These are exact.
 *   <li>Other comparisons of the record ID ({@code <}, {@code >=}, {@code BETWEEN}, ranges joined
 *       by AND and OR: how Spark splits a table into partitions) become record-ID ranges
 *       ({@link RecordIdRanges}), which the scan resolves against the project's record-ID list
 *       into {@code records[]}. Calcite still applies them.
 *   <li>Other predicates on fields become a {@code filterLogic} that keeps a superset of the
 *       rows (see {@link LogicTranslator}); Calcite applies the real predicate afterwards.
 *   <li>A filter-list entry is reported exact (removable) only when each of its conjuncts is an
 *       exact record or event restriction: Calcite's contract lets a table remove entries from
 *       the list, not rewrite them.
 * </ul>
 *
 * Parameters are read from the statement's data context, so a prepared statement's
 * {@code WHERE record_id = ?} is pushed with the value of each execution.
 */
public final class FilterTranslator {
  private final TableLayout layout;
  private final ProjectModel model;
  private final int recordIdIndex;
  private final int eventIndex;

  private FilterTranslator(TableLayout layout, ProjectModel model) {
    this.layout = requireNonNull(layout, "layout");
    this.model = requireNonNull(model, "model");
    this.recordIdIndex = layout.indexOf(model.recordIdField().name());
    this.eventIndex = layout.indexOf(PseudoColumns.EVENT_NAME);
  }

  /** A translator for scans of the table laid out as {@code layout}. */
  public static FilterTranslator forTable(TableLayout layout, ProjectModel model) {
    return new FilterTranslator(layout, model);
  }

  /**
   * @param filters the conditions Calcite passed to the scan (entries are ANDed)
   * @param parameters the statement's variables, e.g. {@code root::get} ({@code ?0}, {@code ?1})
   */
  public ExportFilter translate(List<RexNode> filters, Function<String, Object> parameters) {
    FilterValues values = new FilterValues(parameters);
    LogicTranslator logic = new LogicTranslator(layout, model, values);
    Set<String> records = null;
    Set<String> events = null;
    RangeSet<String> recordRanges = null;
    List<String> logicParts = new ArrayList<>();
    List<RexNode> exact = new ArrayList<>();
    for (RexNode entry : filters) {
      boolean entryExact = true;
      for (RexNode conjunct : RelOptUtil.conjunctions(entry)) {
        Optional<Set<String>> ids = exactValues(conjunct, recordIdIndex, values);
        if (ids.isPresent()) {
          records = intersect(records, ids.get());
          continue;
        }
        Optional<Set<String>> names = exactValues(conjunct, eventIndex, values);
        if (names.isPresent()) {
          events = intersect(events, knownEvents(names.get()));
          continue;
        }
        entryExact = false;
        Optional<RangeSet<String>> ranges = RecordIdRanges.of(conjunct, recordIdIndex, values);
        if (ranges.isPresent()) {
          recordRanges =
              recordRanges == null
                  ? ranges.get()
                  : RecordIdRanges.intersect(recordRanges, ranges.get());
          continue;
        }
        String part = logic.translate(conjunct, false);
        if (part != null) {
          logicParts.add(part);
        }
      }
      if (entryExact) {
        exact.add(entry);
      }
    }
    String filterLogic = logicParts.isEmpty() ? null : String.join(" and ", logicParts);
    return new ExportFilter(records, events, filterLogic, exact, recordRanges);
  }

  /**
   * The values column {@code index} must equal for {@code node} to hold, when that is all
   * {@code node} says ({@code col = v}, {@code col IN (...)}, an OR of such); empty otherwise.
   * For tables that push simple key lookups themselves (e.g. {@code meta.files}).
   */
  public static Optional<Set<String>> equalityValues(
      RexNode node, int index, Function<String, Object> parameters) {
    return exactValues(node, index, new FilterValues(parameters));
  }

  private Set<String> knownEvents(Set<String> names) {
    Set<String> known = new LinkedHashSet<>();
    for (String name : names) {
      if (model.event(name).isPresent()) {
        known.add(name);
      }
    }
    return known;
  }

  private static Set<String> intersect(Set<String> current, Set<String> more) {
    if (current == null) {
      return new LinkedHashSet<>(more);
    }
    current.retainAll(more);
    return current;
  }

  /**
   * The values column {@code index} must equal for {@code node} to hold, when that is all
   * {@code node} says: {@code col = v}, {@code col IN (...)}, or an OR of such. Empty otherwise.
   * A comparison with NULL gives the empty set (it holds for no row).
   */
  @SuppressWarnings("rawtypes")
  private static Optional<Set<String>> exactValues(RexNode node, int index, FilterValues values) {
    if (index < 0) {
      return Optional.empty();
    }
    switch (node.getKind()) {
      case EQUALS:
        {
          RexCall call = (RexCall) node;
          RexNode a = call.getOperands().get(0);
          RexNode b = call.getOperands().get(1);
          Object value;
          if (isColumn(a, index)) {
            value = values.valueOf(b);
          } else if (isColumn(b, index)) {
            value = values.valueOf(a);
          } else {
            return Optional.empty();
          }
          if (value == FilterValues.NOT_CONSTANT) {
            return Optional.empty();
          }
          if (value == null) {
            return Optional.of(new LinkedHashSet<>());
          }
          return FilterValues.identifier(value)
              .map(
                  v -> {
                    Set<String> one = new LinkedHashSet<>();
                    one.add(v);
                    return one;
                  });
        }
      case SEARCH:
        {
          RexCall call = (RexCall) node;
          if (!isColumn(call.getOperands().get(0), index)
              || !(call.getOperands().get(1) instanceof RexLiteral)) {
            return Optional.empty();
          }
          Sarg sarg = ((RexLiteral) call.getOperands().get(1)).getValueAs(Sarg.class);
          if (sarg == null || !sarg.isPoints()) {
            return Optional.empty();
          }
          Set<String> points = new LinkedHashSet<>();
          for (Object range : sarg.rangeSet.asRanges()) {
            Optional<String> v =
                FilterValues.text(((com.google.common.collect.Range) range).lowerEndpoint());
            if (v.isEmpty()) {
              return Optional.empty();
            }
            points.add(v.get());
          }
          // A NULL in the list adds nothing: record IDs and event names are never NULL.
          return Optional.of(points);
        }
      case OR:
        {
          Set<String> union = new LinkedHashSet<>();
          for (RexNode operand : ((RexCall) node).getOperands()) {
            Optional<Set<String>> part = exactValues(operand, index, values);
            if (part.isEmpty()) {
              return Optional.empty();
            }
            union.addAll(part.get());
          }
          return Optional.of(union);
        }
      default:
        return Optional.empty();
    }
  }

  private static boolean isColumn(RexNode node, int index) {
    return node instanceof RexInputRef && ((RexInputRef) node).getIndex() == index;
  }
}
