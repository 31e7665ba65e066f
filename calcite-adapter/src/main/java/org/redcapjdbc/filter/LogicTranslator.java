package org.redcapjdbc.filter;

import com.google.common.collect.BoundType;
import com.google.common.collect.Range;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUnknownAs;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.Sarg;
import org.redcapjdbc.model.Column;
import org.redcapjdbc.model.Field;
import org.redcapjdbc.model.FieldType;
import org.redcapjdbc.model.Instrument;
import org.redcapjdbc.model.ProjectModel;
import org.redcapjdbc.model.TableLayout;

/**
 * Translates a predicate into REDCap logic that is true on <em>at least</em> every row where the
 * predicate is TRUE (a superset): REDCap then sends fewer rows, and Calcite still applies the
 * exact predicate to what comes back. A predicate it cannot translate safely gives null.
 *
 * <p>The semantics it must respect (REDCap's, as the emulator's logic package documents them):
 * <ul>
 *   <li>every value is text; a comparison is numeric when both sides are numeric text, else it
 *       compares text case-sensitively by character code; numbers are doubles;
 *   <li>a blank value makes {@code < <= > >=} false, {@code =} true only against blank, and
 *       {@code <>} true against anything non-blank;
 *   <li>there is no {@code not}; {@code contains}, {@code starts_with} and {@code ends_with}
 *       ignore case; string literals have no escapes.
 * </ul>
 *
 * What follows from it, column by column:
 * <ul>
 *   <li>VARCHAR: only {@code =} and {@code IN} (REDCap's numeric equality {@code '1.0' = '1'} is
 *       looser than SQL's, so still a superset), {@code LIKE} as {@code starts_with},
 *       {@code ends_with} and {@code contains} on its literal parts, and {@code IS [NOT] NULL}.
 *       Never {@code <>}, {@code <} or {@code >}: REDCap would compare numeric-looking text as
 *       numbers and so disagree with SQL's text order.
 *   <li>Numeric columns: {@code = < <= > >=} with numbers. {@code <} and {@code >} are sent as
 *       {@code <=} and {@code >=}, because REDCap compares doubles and rounding may make two
 *       different numbers equal; {@code <>} is not pushed for the same reason. The converters
 *       also read {@code 5.} and {@code 1.e5} as numbers, which REDCap takes for text, so each
 *       comparison also lets such values through ({@code ends_with([f], '.')},
 *       {@code contains([f], '.e')}). Comma-decimal fields are not compared at all.
 *   <li>DATE: every comparison, written {@code YYYY-MM-DD}: REDCap compares the ISO text, whose
 *       order is the calendar's.
 *   <li>TIMESTAMP and TIME: values may be stored with or without seconds, and text order puts
 *       {@code 10:00} before {@code 10:00:00}; so a lower bound is written to the minute and an
 *       upper bound with seconds, which keeps both forms in; {@code <>} is not pushed.
 *   <li>BOOLEAN (yes/no, true/false, checkbox options): {@code = '1'} and {@code = '0'}.
 *   <li>Label companions ({@code sex_label = 'Male'}): the coded field equals one of the codes
 *       with that label.
 *   <li>{@code IS NULL} becomes {@code = ''} only on VARCHAR fields in projects where nothing
 *       repeats: on typed columns an unparsable value reads as NULL but is not blank for REDCap,
 *       status columns read {@code 0} for forms never saved, and on repeat rows REDCap may see
 *       the record's base-row values.
 *   <li>Fields of instruments that repeat (or sit in repeating events) are not pushed at all, nor
 *       file fields (logic sees the stored document, exports show the file name).
 *   <li>{@code AND} keeps the parts it can translate; {@code OR} only when every branch
 *       translates; {@code NOT} only where it can be pushed into the comparison.
 * </ul>
 */
final class LogicTranslator {
  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private static final DateTimeFormatter SECOND =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  private static final DateTimeFormatter CLOCK_MINUTE = DateTimeFormatter.ofPattern("HH:mm");
  private static final DateTimeFormatter CLOCK_SECOND = DateTimeFormatter.ofPattern("HH:mm:ss");

  private final TableLayout layout;
  private final ProjectModel model;
  private final FilterValues values;

  LogicTranslator(TableLayout layout, ProjectModel model, FilterValues values) {
    this.layout = layout;
    this.model = model;
    this.values = values;
  }

  /**
   * Logic that is true wherever {@code node} is TRUE (or, when {@code negated}, wherever it is
   * FALSE), or null.
   */
  String translate(RexNode node, boolean negated) {
    switch (node.getKind()) {
      case AND:
        return negated
            ? anyOf(((RexCall) node).getOperands(), true)
            : allOf(((RexCall) node).getOperands(), false);
      case OR:
        return negated
            ? allOf(((RexCall) node).getOperands(), true)
            : anyOf(((RexCall) node).getOperands(), false);
      case NOT:
        return translate(((RexCall) node).getOperands().get(0), !negated);
      case EQUALS:
      case NOT_EQUALS:
      case LESS_THAN:
      case LESS_THAN_OR_EQUAL:
      case GREATER_THAN:
      case GREATER_THAN_OR_EQUAL:
        return comparison((RexCall) node, negated);
      case IS_NULL:
      case IS_NOT_NULL:
        {
          Target t = target(((RexCall) node).getOperands().get(0));
          boolean wantsBlank = (node.getKind() == SqlKind.IS_NULL) != negated;
          return t == null ? null : wantsBlank ? blank(t) : notBlank(t);
        }
      case IS_TRUE:
      case IS_NOT_FALSE:
      case IS_FALSE:
      case IS_NOT_TRUE:
        {
          // IS TRUE and NOT (IS NOT TRUE) hold only for TRUE; IS NOT FALSE also holds for NULL.
          boolean forTrue =
              node.getKind() == SqlKind.IS_TRUE || node.getKind() == SqlKind.IS_NOT_FALSE;
          boolean nullIncluded =
              (node.getKind() == SqlKind.IS_NOT_FALSE || node.getKind() == SqlKind.IS_NOT_TRUE)
                  != negated;
          if (nullIncluded) {
            return null;
          }
          RexNode operand = ((RexCall) node).getOperands().get(0);
          boolean wanted = forTrue != negated;
          // "x IS TRUE" holds where x is TRUE, "x IS FALSE" where NOT x is TRUE.
          return operand instanceof RexInputRef
              ? booleanValue(operand, wanted)
              : translate(operand, !wanted);
        }
      case INPUT_REF:
        return booleanValue(node, !negated);
      case SEARCH:
        return search((RexCall) node, negated);
      case LIKE:
        return negated ? null : like((RexCall) node);
      default:
        return null;
    }
  }

  /** AND: the parts that translate (dropping a conjunct only widens the result). */
  private String allOf(List<RexNode> operands, boolean negated) {
    List<String> parts = new ArrayList<>();
    for (RexNode operand : operands) {
      String part = translate(operand, negated);
      if (part != null) {
        parts.add(part);
      }
    }
    return parts.isEmpty() ? null : LogicText.and(parts);
  }

  /** OR: only when every branch translates. */
  private String anyOf(List<RexNode> operands, boolean negated) {
    List<String> parts = new ArrayList<>();
    for (RexNode operand : operands) {
      String part = translate(operand, negated);
      if (part == null) {
        return null;
      }
      parts.add(part);
    }
    return parts.isEmpty() ? null : LogicText.or(parts);
  }

  // ------------------------------------------------------------------ comparisons

  private String comparison(RexCall call, boolean negated) {
    RexNode left = call.getOperands().get(0);
    RexNode right = call.getOperands().get(1);
    SqlKind op = call.getKind();
    Target t = target(left);
    Object value;
    if (t != null) {
      value = values.valueOf(right);
    } else {
      t = target(right);
      value = values.valueOf(left);
      op = op.reverse();
    }
    if (t == null || value == FilterValues.NOT_CONSTANT || value == null) {
      return null;
    }
    if (negated) {
      op = op.negateNullSafe();
    }
    return compare(t, op, value);
  }

  /** {@code column op value} in logic, or null. */
  private String compare(Target t, SqlKind op, Object value) {
    switch (t.type.getFamily() == null ? SqlTypeFamily.ANY : t.type.getFamily()) {
      case CHARACTER:
        if (op != SqlKind.EQUALS) {
          return null;
        }
        if (t.labelOf != null) {
          return FilterValues.text(value).map(label -> codesLabelled(t, label)).orElse(null);
        }
        return FilterValues.text(value)
            .map(LogicText::quote)
            .map(q -> t.ref + " = " + q)
            .orElse(null);
      case NUMERIC:
        return numeric(t, op, value);
      case DATE:
        return FilterValues.date(value)
            .filter(d -> d.getYear() >= 0 && d.getYear() <= 9999)
            .map(d -> t.ref + " " + symbol(op) + " '" + d + "'")
            .orElse(null);
      case TIMESTAMP:
        return FilterValues.timestamp(value)
            .filter(d -> d.getYear() >= 0 && d.getYear() <= 9999)
            .map(d -> bounded(t, op, d.format(MINUTE), d.withNano(0).format(SECOND)))
            .orElse(null);
      case TIME:
        return FilterValues.time(value)
            .map(d -> bounded(t, op, d.format(CLOCK_MINUTE), d.withNano(0).format(CLOCK_SECOND)))
            .orElse(null);
      case BOOLEAN:
        {
          Optional<Boolean> b = FilterValues.bool(value);
          if (b.isEmpty() || (op != SqlKind.EQUALS && op != SqlKind.NOT_EQUALS)) {
            return null;
          }
          return t.ref + " = '" + ((b.get() == (op == SqlKind.EQUALS)) ? "1" : "0") + "'";
        }
      default:
        return null;
    }
  }

  /**
   * {@code <field>_label = 'Male'}: the coded field equals one of the codes labelled so (labels
   * need not be unique), or null when no code has that label.
   */
  private String codesLabelled(Target t, String label) {
    List<String> parts = new ArrayList<>();
    List<org.redcapjdbc.model.Choice> choices = new ArrayList<>(t.labelOf.choices());
    choices.addAll(model.missingDataCodes());
    for (org.redcapjdbc.model.Choice c : choices) {
      if (c.label().equals(label)) {
        String q = LogicText.quote(c.code());
        if (q == null) {
          return null;
        }
        parts.add(t.ref + " = " + q);
      }
    }
    return parts.isEmpty() ? null : LogicText.or(parts);
  }

  private String numeric(Target t, SqlKind op, Object value) {
    if (t.commaDecimal) {
      return null; // REDCap's reading of "1,54" is not pinned down: compare nothing
    }
    Optional<String> number = FilterValues.number(value).map(LogicText::number);
    if (number.isEmpty()) {
      return null;
    }
    String relaxed;
    switch (op) {
      case EQUALS:
        relaxed = "=";
        break;
      case LESS_THAN:
      case LESS_THAN_OR_EQUAL:
        relaxed = "<=";
        break;
      case GREATER_THAN:
      case GREATER_THAN_OR_EQUAL:
        relaxed = ">=";
        break;
      default:
        return null;
    }
    // Values the SQL side reads as numbers but REDCap as text ("5.", "1.e5") pass through.
    return "("
        + t.ref
        + " "
        + relaxed
        + " "
        + number.get()
        + " or ends_with("
        + t.ref
        + ", '.') or contains("
        + t.ref
        + ", '.e'))";
  }

  /**
   * A date-time or time comparison: lower bounds to the minute, upper bounds to the second, so
   * that a value stored with seconds and one without both stay in (see the class comment).
   */
  private static String bounded(Target t, SqlKind op, String minute, String second) {
    switch (op) {
      case EQUALS:
        return "(" + t.ref + " >= '" + minute + "' and " + t.ref + " <= '" + second + "')";
      case LESS_THAN:
      case LESS_THAN_OR_EQUAL:
        return t.ref + " <= '" + second + "'";
      case GREATER_THAN:
      case GREATER_THAN_OR_EQUAL:
        return t.ref + " >= '" + minute + "'";
      default:
        return null;
    }
  }

  private static String symbol(SqlKind op) {
    switch (op) {
      case EQUALS:
        return "=";
      case NOT_EQUALS:
        return "<>";
      case LESS_THAN:
        return "<";
      case LESS_THAN_OR_EQUAL:
        return "<=";
      case GREATER_THAN:
        return ">";
      case GREATER_THAN_OR_EQUAL:
        return ">=";
      default:
        throw new IllegalArgumentException(op.toString());
    }
  }

  /** A BOOLEAN column used as a condition, or its negation. */
  private String booleanValue(RexNode node, boolean wanted) {
    Target t = target(node);
    if (t == null || t.type != SqlTypeName.BOOLEAN) {
      return null;
    }
    return t.ref + " = '" + (wanted ? "1" : "0") + "'";
  }

  // ------------------------------------------------------------------ blank tests

  private String blank(Target t) {
    return t.blankTestAllowed ? t.ref + " = ''" : null;
  }

  private static String notBlank(Target t) {
    return t.ref + " <> ''";
  }

  // ------------------------------------------------------------------ SEARCH (IN, BETWEEN, ranges)

  @SuppressWarnings({"rawtypes", "unchecked"})
  private String search(RexCall call, boolean negated) {
    Target t = target(call.getOperands().get(0));
    RexNode arg = call.getOperands().get(1);
    if (t == null || !(arg instanceof RexLiteral)) {
      return null;
    }
    Sarg sarg = ((RexLiteral) arg).getValueAs(Sarg.class);
    if (sarg == null) {
      return null;
    }
    if (negated) {
      sarg = sarg.negate();
    }
    if (sarg.isComplementedPoints() && sarg.nullAs != RexUnknownAs.TRUE) {
      return notIn(t, sarg);
    }
    List<String> parts = new ArrayList<>();
    for (Object o : sarg.rangeSet.asRanges()) {
      String part = range(t, (Range) o);
      if (part == null) {
        return null;
      }
      parts.add(part);
    }
    if (sarg.nullAs == RexUnknownAs.TRUE) {
      String blank = blank(t);
      if (blank == null) {
        return null;
      }
      parts.add(blank);
    }
    return parts.isEmpty() ? null : LogicText.or(parts);
  }

  /**
   * {@code NOT IN}: exact on dates ({@code <>} compares their text); elsewhere {@code <>} is not
   * safe, and its relaxed form would let every number through anyway, so only the implied
   * "not blank" is sent.
   */
  @SuppressWarnings({"rawtypes", "unchecked"})
  private String notIn(Target t, Sarg sarg) {
    if (t.type != SqlTypeName.DATE) {
      return notBlank(t);
    }
    List<String> parts = new ArrayList<>();
    for (Object o : sarg.negate().rangeSet.asRanges()) {
      String part = compare(t, SqlKind.NOT_EQUALS, ((Range) o).lowerEndpoint());
      if (part == null) {
        return notBlank(t);
      }
      parts.add(part);
    }
    return parts.isEmpty() ? notBlank(t) : LogicText.and(parts);
  }

  @SuppressWarnings("rawtypes")
  private String range(Target t, Range r) {
    if (r.hasLowerBound()
        && r.hasUpperBound()
        && r.lowerBoundType() == BoundType.CLOSED
        && r.upperBoundType() == BoundType.CLOSED
        && r.lowerEndpoint().equals(r.upperEndpoint())) {
      return compare(t, SqlKind.EQUALS, r.lowerEndpoint());
    }
    List<String> parts = new ArrayList<>();
    if (r.hasLowerBound()) {
      String p =
          compare(
              t,
              r.lowerBoundType() == BoundType.CLOSED
                  ? SqlKind.GREATER_THAN_OR_EQUAL
                  : SqlKind.GREATER_THAN,
              r.lowerEndpoint());
      if (p == null) {
        return null;
      }
      parts.add(p);
    }
    if (r.hasUpperBound()) {
      String p =
          compare(
              t,
              r.upperBoundType() == BoundType.CLOSED
                  ? SqlKind.LESS_THAN_OR_EQUAL
                  : SqlKind.LESS_THAN,
              r.upperEndpoint());
      if (p == null) {
        return null;
      }
      parts.add(p);
    }
    return parts.isEmpty() ? notBlank(t) : LogicText.and(parts);
  }

  // ------------------------------------------------------------------ LIKE

  /**
   * {@code LIKE}: the pattern's literal parts must occur, so {@code starts_with} the leading part,
   * {@code ends_with} the trailing one and {@code contains} each inner one. All three ignore case
   * in REDCap, which only widens the match.
   */
  private String like(RexCall call) {
    String name = call.getOperator().getName();
    if (!name.equals("LIKE") && !name.equals("ILIKE")) {
      return null; // NOT LIKE, SIMILAR TO ...
    }
    Target t = target(call.getOperands().get(0));
    if (t == null || t.type.getFamily() != SqlTypeFamily.CHARACTER || t.labelOf != null) {
      return null; // a label companion's text is not what REDCap stores
    }
    Optional<String> pattern = FilterValues.text(values.valueOf(call.getOperands().get(1)));
    Character escape = null;
    if (call.getOperands().size() > 2) {
      Optional<String> e = FilterValues.text(values.valueOf(call.getOperands().get(2)));
      if (e.isEmpty() || e.get().length() != 1) {
        return null;
      }
      escape = e.get().charAt(0);
    }
    if (pattern.isEmpty()) {
      return null;
    }
    List<String> segments = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean startsWithWildcard = false;
    boolean endsWithWildcard = false;
    String p = pattern.get();
    for (int i = 0; i < p.length(); i++) {
      char c = p.charAt(i);
      if (escape != null && c == escape && i + 1 < p.length()) {
        current.append(p.charAt(++i));
        endsWithWildcard = false;
      } else if (c == '%' || c == '_') {
        if (i == 0) {
          startsWithWildcard = true;
        }
        segments.add(current.toString());
        current.setLength(0);
        endsWithWildcard = true;
      } else {
        current.append(c);
        endsWithWildcard = false;
      }
    }
    segments.add(current.toString());
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < segments.size(); i++) {
      String segment = segments.get(i);
      if (segment.isEmpty()) {
        continue;
      }
      String quoted = LogicText.quote(segment);
      if (quoted == null) {
        continue; // leaving a part out only widens the match
      }
      String function;
      if (i == 0 && !startsWithWildcard) {
        function = segments.size() == 1 ? null : "starts_with";
      } else if (i == segments.size() - 1 && !endsWithWildcard) {
        function = "ends_with";
      } else {
        function = "contains";
      }
      if (function == null && name.equals("ILIKE")) {
        parts.add("contains(" + t.ref + ", " + quoted + ")"); // REDCap's = is case-sensitive
      } else if (function == null) {
        // No wildcard at all: LIKE 'abc' is equality.
        parts.add(t.ref + " = " + quoted);
      } else {
        parts.add(function + "(" + t.ref + ", " + quoted + ")");
      }
    }
    return parts.isEmpty() ? notBlank(t) : LogicText.and(parts);
  }

  // ------------------------------------------------------------------ columns

  /** A column REDCap logic can test, with what that column allows. */
  private record Target(
      Column column,
      String ref,
      SqlTypeName type,
      boolean blankTestAllowed,
      boolean commaDecimal,
      Field labelOf) {}

  /**
   * The column {@code node} refers to, if its values may be tested in logic: a plain reference, or
   * a cast that keeps every value (a widening numeric cast, or a cast to DOUBLE, whose rounding
   * preserves order).
   */
  private Target target(RexNode node) {
    RexNode inner = node;
    SqlTypeName compared = null;
    if (node.getKind() == SqlKind.CAST) {
      inner = ((RexCall) node).getOperands().get(0);
      if (!(inner instanceof RexInputRef)) {
        return null;
      }
      RelDataType from = inner.getType();
      RelDataType to = node.getType();
      boolean widening =
          RexUtil.isLosslessCast(from, to)
              || (SqlTypeFamily.NUMERIC.contains(from)
                  && (to.getSqlTypeName() == SqlTypeName.DOUBLE
                      || to.getSqlTypeName() == SqlTypeName.FLOAT
                      || to.getSqlTypeName() == SqlTypeName.REAL));
      if (!widening) {
        return null;
      }
      compared = to.getSqlTypeName();
    }
    if (!(inner instanceof RexInputRef)) {
      return null;
    }
    int index = ((RexInputRef) inner).getIndex();
    if (index < 0 || index >= layout.columns().size()) {
      return null;
    }
    Column column = layout.columns().get(index);
    // The model names types by JDBC type; Calcite's name for it is the one the scan's row has.
    SqlTypeName type =
        SqlTypeName.getNameForJdbcType(column.type().typeName().getVendorTypeNumber());
    if (compared != null
        && SqlTypeFamily.NUMERIC.getTypeNames().contains(type)
            != SqlTypeFamily.NUMERIC.getTypeNames().contains(compared)) {
      return null;
    }
    Instrument instrument = column.form().flatMap(model::instrument).orElse(null);
    if (instrument == null
        || (model.hasRepeatingInstrumentsOrEvents() && instrument.hasRepeatInstances())) {
      return null;
    }
    String source = column.sourceField().orElse(null);
    if (source == null) {
      return null;
    }
    switch (column.kind()) {
      case FIELD:
        {
          Field field = model.field(source).orElse(null);
          if (field == null || field.type() == FieldType.FILE) {
            return null;
          }
          boolean blankAllowed =
              type == SqlTypeName.VARCHAR && !model.hasRepeatingInstrumentsOrEvents();
          return new Target(
              column,
              LogicText.field(source),
              type,
              blankAllowed,
              field.validation().isCommaDecimal(),
              null);
        }
      case CHECKBOX_OPTION:
        {
          String ref = LogicText.checkbox(source, column.choiceCode().orElse(""));
          return ref == null ? null : new Target(column, ref, type, false, false, null);
        }
      case COMPLETE:
        return new Target(column, LogicText.field(source), type, false, false, null);
      case LABEL:
        {
          // Compared through the codes whose label it is; the coded field must itself qualify.
          Field field = model.field(source).orElse(null);
          return field == null
              ? null
              : new Target(column, LogicText.field(source), type, false, false, field);
        }
      default:
        return null; // record ID (records[]), pseudo-columns, label companions
    }
  }
}
