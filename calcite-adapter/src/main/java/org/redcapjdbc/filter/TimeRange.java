package org.redcapjdbc.filter;

import com.google.common.collect.Range;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.function.Function;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.util.Sarg;

/**
 * The time range a predicate on a TIMESTAMP column implies: {@code col >= t}, {@code col < t},
 * {@code col = t}, {@code BETWEEN} (a one-range SEARCH) and the mirrored forms. Bounds are kept
 * as written; whether each is inclusive does not matter to callers, which send a superset to
 * REDCap (whole minutes) and leave the exact predicate to Calcite. For tables that push a time
 * window themselves ({@code meta.log}).
 *
 * @param lower the earliest time a row can have, or null when unbounded
 * @param upper the latest time a row can have, or null when unbounded
 */
public record TimeRange(LocalDateTime lower, LocalDateTime upper) {
  public static final TimeRange ALL = new TimeRange(null, null);

  /** The range {@code node} implies for column {@code index}, when it is such a comparison. */
  public static Optional<TimeRange> of(
      RexNode node, int index, Function<String, Object> parameters) {
    FilterValues values = new FilterValues(parameters);
    switch (node.getKind()) {
      case EQUALS:
      case GREATER_THAN:
      case GREATER_THAN_OR_EQUAL:
      case LESS_THAN:
      case LESS_THAN_OR_EQUAL:
        {
          RexCall call = (RexCall) node;
          RexNode a = call.getOperands().get(0);
          RexNode b = call.getOperands().get(1);
          SqlKind kind = node.getKind();
          Object value;
          if (isColumn(a, index)) {
            value = values.valueOf(b);
          } else if (isColumn(b, index)) {
            value = values.valueOf(a);
            kind = kind.reverse();
          } else {
            return Optional.empty();
          }
          if (value == FilterValues.NOT_CONSTANT || value == null) {
            return Optional.empty();
          }
          Optional<LocalDateTime> t = FilterValues.timestamp(value);
          if (t.isEmpty()) {
            return Optional.empty();
          }
          switch (kind) {
            case EQUALS:
              return Optional.of(new TimeRange(t.get(), t.get()));
            case GREATER_THAN:
            case GREATER_THAN_OR_EQUAL:
              return Optional.of(new TimeRange(t.get(), null));
            default:
              return Optional.of(new TimeRange(null, t.get()));
          }
        }
      case SEARCH:
        {
          RexCall call = (RexCall) node;
          if (!isColumn(call.getOperands().get(0), index)
              || !(call.getOperands().get(1) instanceof RexLiteral literal)) {
            return Optional.empty();
          }
          Sarg<?> sarg = literal.getValueAs(Sarg.class);
          if (sarg == null || sarg.rangeSet.asRanges().isEmpty()) {
            return Optional.empty();
          }
          // The span of all ranges: a superset is all callers need.
          Range<?> span = sarg.rangeSet.span();
          LocalDateTime lower = null;
          LocalDateTime upper = null;
          if (span.hasLowerBound()) {
            Optional<LocalDateTime> t = FilterValues.timestamp(span.lowerEndpoint());
            if (t.isEmpty()) {
              return Optional.empty();
            }
            lower = t.get();
          }
          if (span.hasUpperBound()) {
            Optional<LocalDateTime> t = FilterValues.timestamp(span.upperEndpoint());
            if (t.isEmpty()) {
              return Optional.empty();
            }
            upper = t.get();
          }
          if (sarg.nullAs == org.apache.calcite.rex.RexUnknownAs.TRUE) {
            return Optional.empty(); // also holds for NULLs: not a range
          }
          return Optional.of(new TimeRange(lower, upper));
        }
      default:
        return Optional.empty();
    }
  }

  /** The intersection of this range and {@code other}. */
  public TimeRange and(TimeRange other) {
    LocalDateTime lo = lower;
    if (other.lower != null && (lo == null || other.lower.isAfter(lo))) {
      lo = other.lower;
    }
    LocalDateTime hi = upper;
    if (other.upper != null && (hi == null || other.upper.isBefore(hi))) {
      hi = other.upper;
    }
    return new TimeRange(lo, hi);
  }

  /** Whether no time lies in the range. */
  public boolean isEmpty() {
    return lower != null && upper != null && lower.isAfter(upper);
  }

  private static boolean isColumn(RexNode node, int index) {
    return node instanceof RexInputRef ref && ref.getIndex() == index;
  }
}
