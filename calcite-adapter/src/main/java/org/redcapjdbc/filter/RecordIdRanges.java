package org.redcapjdbc.filter;

import com.google.common.collect.BoundType;
import com.google.common.collect.ImmutableRangeSet;
import com.google.common.collect.Range;
import com.google.common.collect.RangeSet;
import com.google.common.collect.TreeRangeSet;
import java.util.Optional;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.util.Sarg;

/**
 * The record IDs a predicate can hold for, as ranges of strings in {@link String#compareTo} order
 * (how Calcite compares VARCHAR values): comparisons of the record-ID column with a constant
 * ({@code <}, {@code <=}, {@code >}, {@code >=}, {@code =}, {@code BETWEEN}, {@code IN}, and
 * Calcite's {@code SEARCH} form of them), joined by AND and OR.
 *
 * <p>The ranges are a <em>superset</em>: the scan resolves them against the project's record-ID
 * list into {@code records[]}, and Calcite still applies the predicate itself. So an AND keeps
 * the ranges of the operands it understands and ignores the others (the AND holds only where
 * they do), and a lower bound with trailing spaces is widened to the bound without them, in case
 * a CHAR literal was padded.
 */
final class RecordIdRanges {
  private RecordIdRanges() {}

  /** The ranges of record IDs {@code node} can hold for, or empty when it is not about them. */
  static Optional<RangeSet<String>> of(RexNode node, int index, FilterValues values) {
    if (index < 0) {
      return Optional.empty();
    }
    switch (node.getKind()) {
      case EQUALS:
      case LESS_THAN:
      case LESS_THAN_OR_EQUAL:
      case GREATER_THAN:
      case GREATER_THAN_OR_EQUAL:
        return comparison((RexCall) node, index, values);
      case SEARCH:
        return search((RexCall) node, index);
      case AND:
        return and((RexCall) node, index, values);
      case OR:
        return or((RexCall) node, index, values);
      default:
        return Optional.empty();
    }
  }

  private static Optional<RangeSet<String>> comparison(
      RexCall call, int index, FilterValues values) {
    RexNode a = call.getOperands().get(0);
    RexNode b = call.getOperands().get(1);
    SqlKind kind = call.getKind();
    Object value;
    if (isColumn(a, index)) {
      value = values.valueOf(b);
    } else if (isColumn(b, index)) {
      value = values.valueOf(a);
      kind = kind.reverse(); // 'b' > id is id < 'b'
    } else {
      return Optional.empty();
    }
    if (value == FilterValues.NOT_CONSTANT) {
      return Optional.empty();
    }
    if (value == null) {
      return Optional.of(ImmutableRangeSet.of()); // a comparison with NULL holds for no row
    }
    Optional<String> id = FilterValues.identifier(value);
    if (id.isEmpty()) {
      return Optional.empty();
    }
    String v = id.get();
    Range<String> range;
    switch (kind) {
      case EQUALS:
        range = lower(v, BoundType.CLOSED).intersection(Range.atMost(v));
        break;
      case LESS_THAN:
        range = Range.lessThan(v);
        break;
      case LESS_THAN_OR_EQUAL:
        range = Range.atMost(v);
        break;
      case GREATER_THAN:
        range = lower(v, BoundType.OPEN);
        break;
      default:
        range = lower(v, BoundType.CLOSED);
        break;
    }
    return Optional.of(ImmutableRangeSet.of(range));
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private static Optional<RangeSet<String>> search(RexCall call, int index) {
    if (!isColumn(call.getOperands().get(0), index)
        || !(call.getOperands().get(1) instanceof RexLiteral literal)) {
      return Optional.empty();
    }
    Sarg sarg = literal.getValueAs(Sarg.class);
    if (sarg == null) {
      return Optional.empty();
    }
    TreeRangeSet<String> out = TreeRangeSet.create();
    for (Object o : sarg.rangeSet.asRanges()) {
      Range r = (Range) o;
      Range<String> lower = Range.all();
      if (r.hasLowerBound()) {
        Optional<String> v = FilterValues.text(r.lowerEndpoint());
        if (v.isEmpty()) {
          return Optional.empty();
        }
        lower = lower(v.get(), r.lowerBoundType());
      }
      Range<String> upper = Range.all();
      if (r.hasUpperBound()) {
        Optional<String> v = FilterValues.text(r.upperEndpoint());
        if (v.isEmpty()) {
          return Optional.empty();
        }
        upper = Range.upTo(v.get(), r.upperBoundType());
      }
      if (!lower.isConnected(upper)) {
        continue; // empty in String order
      }
      out.add(lower.intersection(upper));
    }
    // Sarg's nullAs says whether NULL matches: record IDs are never NULL, so it changes nothing.
    return Optional.of(out);
  }

  private static Optional<RangeSet<String>> and(RexCall call, int index, FilterValues values) {
    RangeSet<String> result = null;
    for (RexNode operand : call.getOperands()) {
      Optional<RangeSet<String>> part = of(operand, index, values);
      if (part.isPresent()) {
        result = result == null ? part.get() : intersect(result, part.get());
      }
    }
    return Optional.ofNullable(result);
  }

  private static Optional<RangeSet<String>> or(RexCall call, int index, FilterValues values) {
    TreeRangeSet<String> union = TreeRangeSet.create();
    for (RexNode operand : call.getOperands()) {
      Optional<RangeSet<String>> part = of(operand, index, values);
      if (part.isEmpty()) {
        return Optional.empty();
      }
      union.addAll(part.get());
    }
    return Optional.of(union);
  }

  /** The IDs in both: ranges of {@code a} cut down to {@code b}. */
  static RangeSet<String> intersect(RangeSet<String> a, RangeSet<String> b) {
    TreeRangeSet<String> out = TreeRangeSet.create(a);
    out.removeAll(b.complement());
    return out;
  }

  /**
   * IDs from {@code v} up; a bound padded with spaces (a CHAR literal) also admits the unpadded
   * text, which sorts before it, so the range stays a superset whichever Calcite compares.
   */
  private static Range<String> lower(String v, BoundType type) {
    int end = v.length();
    while (end > 0 && v.charAt(end - 1) == ' ') {
      end--;
    }
    return end == v.length() ? Range.downTo(v, type) : Range.atLeast(v.substring(0, end));
  }

  private static boolean isColumn(RexNode node, int index) {
    return node instanceof RexInputRef ref && ref.getIndex() == index;
  }
}
