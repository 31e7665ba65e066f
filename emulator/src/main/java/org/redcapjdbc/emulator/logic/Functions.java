package org.redcapjdbc.emulator.logic;

import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * REDCap's special functions. Arguments are evaluated lazily (only {@code if} relies on it).
 * Data problems never throw: an argument that is blank, not a number or not a date where one is
 * needed makes the result blank, as a calc with bad input stays empty in REDCap.
 */
final class Functions {
  private static final int UNLIMITED = Integer.MAX_VALUE;

  /** Function name to {min, max} argument count. */
  private static final Map<String, int[]> ARITY = new TreeMap<>();

  static {
    arity(3, 3, "if");
    arity(3, 5, "datediff");
    arity(2, 3, "age_at_date");
    arity(1, 1, "year", "month", "day", "dayoftheweek");
    arity(1, 2, "round", "roundup", "rounddown", "log");
    arity(1, 1, "sqrt", "abs", "exponential");
    arity(2, 2, "mod");
    arity(1, UNLIMITED, "sum", "mean", "median", "stdev", "min", "max");
    arity(1, 1, "isnumber", "isinteger");
    arity(1, 1, "isblankormissingcode", "isblanknotmissingcode", "ismissingcode");
    arity(2, 2, "hasmissingcode");
    arity(2, 2, "contains", "not_contain", "starts_with", "ends_with", "find", "left", "right");
    arity(3, 3, "mid", "replace_text");
    arity(1, 1, "length", "trim", "upper", "lower");
    arity(1, UNLIMITED, "concat");
    arity(2, UNLIMITED, "concat_ws");
  }

  private Functions() {}

  private static void arity(int min, int max, String... names) {
    for (String name : names) {
      ARITY.put(name, new int[] {min, max});
    }
  }

  /** Every supported function name, sorted. */
  static Set<String> names() {
    return Collections.unmodifiableSet(ARITY.keySet());
  }

  static boolean isFunction(String lowerCaseName) {
    return ARITY.containsKey(lowerCaseName);
  }

  /**
   * Rejects a call the evaluator could never answer: a wrong number of arguments, or a literal
   * datediff unit or date format REDCap does not know.
   */
  static void check(String function, List<Node> args, int offset) throws LogicException {
    int[] range = ARITY.get(function);
    if (args.size() < range[0] || args.size() > range[1]) {
      String expected =
          range[0] == range[1]
              ? String.valueOf(range[0])
              : range[1] == UNLIMITED ? "at least " + range[0] : range[0] + " to " + range[1];
      throw LogicException.at(
          function
              + "() takes "
              + expected
              + " argument"
              + (range[1] == 1 ? "" : "s")
              + " but was given "
              + args.size(),
          offset);
    }
    if (function.equals("datediff")) {
      if (args.get(2) instanceof Node.StringLiteral unit && !Dates.isUnit(unit.value())) {
        throw LogicException.at(
            "datediff() unit '"
                + unit.value()
                + "' is not one of y, M, d, h, m, s "
                + "(years, months, days, hours, minutes, seconds; case matters)",
            offset);
      }
      if (args.size() == 4
          && args.get(3) instanceof Node.StringLiteral fourth
          && !Dates.isFormat(fourth.value().toLowerCase(Locale.ROOT))
          && !fourth.value().equalsIgnoreCase("true")
          && !fourth.value().equalsIgnoreCase("false")) {
        throw LogicException.at(
            "datediff() 4th argument '"
                + fourth.value()
                + "' is neither a date format "
                + "(ymd, mdy, dmy) nor true/false",
            offset);
      }
      if (args.size() == 5
          && args.get(3) instanceof Node.StringLiteral format
          && !Dates.isFormat(format.value().toLowerCase(Locale.ROOT))) {
        throw LogicException.at(
            "datediff() date format '" + format.value() + "' is not one of ymd, mdy, dmy", offset);
      }
    }
  }

  static Value call(String function, List<Node> args, LogicContext ctx) {
    switch (function) {
      case "if":
        return args.get(0).eval(ctx).truthy() ? args.get(1).eval(ctx) : args.get(2).eval(ctx);
      case "datediff":
        return datediff(args, ctx);
      case "age_at_date":
        return ageAtDate(args, ctx);
      case "year":
      case "month":
      case "day":
      case "dayoftheweek":
        return datePart(function, args.get(0).eval(ctx), ctx);
      case "round":
        return round(args, ctx, RoundingMode.HALF_UP);
      case "roundup":
        return round(args, ctx, RoundingMode.UP);
      case "rounddown":
        return round(args, ctx, RoundingMode.DOWN);
      case "sqrt":
        return unary(args, ctx, Math::sqrt);
      case "abs":
        return unary(args, ctx, Math::abs);
      case "exponential":
        return unary(args, ctx, Math::exp);
      case "log":
        return log(args, ctx);
      case "mod":
        return mod(args, ctx);
      case "sum":
      case "mean":
      case "median":
      case "stdev":
      case "min":
      case "max":
        return aggregate(function, args, ctx);
      case "isnumber":
        return Value.bool(args.get(0).eval(ctx).asNumber() != null);
      case "isinteger":
        return Value.bool(isInteger(args.get(0).eval(ctx)));
      case "isblankormissingcode":
        {
          Value v = args.get(0).eval(ctx);
          return Value.bool(v.isBlank() || ctx.missingDataCodes().contains(v.asText()));
        }
      case "isblanknotmissingcode":
        return Value.bool(args.get(0).eval(ctx).isBlank());
      case "ismissingcode":
        {
          Value v = args.get(0).eval(ctx);
          return Value.bool(!v.isBlank() && ctx.missingDataCodes().contains(v.asText()));
        }
      case "hasmissingcode":
        return hasMissingCode(args, ctx);
      case "contains":
      case "not_contain":
      case "starts_with":
      case "ends_with":
        return search(function, args, ctx);
      case "find":
        return find(args, ctx);
      case "left":
      case "right":
        return leftOrRight(function.equals("left"), args, ctx);
      case "mid":
        return mid(args, ctx);
      case "length":
        return Value.number(text(args.get(0), ctx).length());
      case "trim":
        return Value.text(text(args.get(0), ctx).trim());
      case "upper":
        return Value.text(text(args.get(0), ctx).toUpperCase(Locale.ROOT));
      case "lower":
        return Value.text(text(args.get(0), ctx).toLowerCase(Locale.ROOT));
      case "replace_text":
        return replaceText(args, ctx);
      case "concat":
        return concat(args, ctx);
      case "concat_ws":
        return concatWs(args, ctx);
      default:
        throw new AssertionError("function without an implementation: " + function);
    }
  }

  private static String text(Node node, LogicContext ctx) {
    return node.eval(ctx).asText();
  }

  /** An argument meant as true/false: booleans, 1/0, and the texts "true"/"false". */
  private static boolean flag(Value v) {
    String s = v.asText().trim().toLowerCase(Locale.ROOT);
    if (s.equals("true")) {
      return true;
    }
    if (s.equals("false")) {
      return false;
    }
    return v.truthy();
  }

  private static Value datediff(List<Node> args, LogicContext ctx) {
    String format = "ymd";
    boolean signed = false;
    if (args.size() == 4) {
      Value fourth = args.get(3).eval(ctx);
      String asFormat = fourth.asText().toLowerCase(Locale.ROOT);
      if (Dates.isFormat(asFormat)) {
        format = asFormat; // legacy form datediff(a, b, unit, "mdy")
      } else {
        signed = flag(fourth);
      }
    } else if (args.size() == 5) {
      format = args.get(3).eval(ctx).asText().toLowerCase(Locale.ROOT);
      signed = flag(args.get(4).eval(ctx));
    }
    LocalDateTime now = ctx.now();
    LocalDateTime from = Dates.parse(args.get(0).eval(ctx), format, now);
    LocalDateTime to = Dates.parse(args.get(1).eval(ctx), format, now);
    if (from == null || to == null) {
      return Value.BLANK;
    }
    Double difference = Dates.difference(from, to, args.get(2).eval(ctx).asText());
    if (difference == null) {
      return Value.BLANK;
    }
    return Value.number(signed ? difference : Math.abs(difference));
  }

  private static Value ageAtDate(List<Node> args, LogicContext ctx) {
    LocalDateTime now = ctx.now();
    LocalDateTime birth = Dates.parse(args.get(0).eval(ctx), "ymd", now);
    LocalDateTime at = Dates.parse(args.get(1).eval(ctx), "ymd", now);
    if (birth == null || at == null || at.toLocalDate().isBefore(birth.toLocalDate())) {
      return Value.BLANK;
    }
    boolean decimal = args.size() == 3 && flag(args.get(2).eval(ctx));
    LocalDate b = birth.toLocalDate();
    LocalDate a = at.toLocalDate();
    return Value.number(decimal ? Dates.ageWithFraction(b, a) : Dates.ageInYears(b, a));
  }

  private static Value datePart(String function, Value date, LogicContext ctx) {
    LocalDateTime d = Dates.parse(date, "ymd", ctx.now());
    if (d == null) {
      return Value.BLANK;
    }
    switch (function) {
      case "year":
        return Value.number(d.getYear());
      case "month":
        return Value.number(d.getMonthValue());
      case "day":
        return Value.number(d.getDayOfMonth());
      default:
        return Value.number(d.getDayOfWeek().getValue()); // 1 = Monday ... 7 = Sunday
    }
  }

  private static Value round(List<Node> args, LogicContext ctx, RoundingMode mode) {
    Double x = args.get(0).eval(ctx).asNumber();
    if (x == null) {
      return Value.BLANK;
    }
    int places = 0;
    if (args.size() == 2) {
      Double p = args.get(1).eval(ctx).asNumber();
      if (p == null || Math.abs(p) > 100) {
        return Value.BLANK;
      }
      places = (int) (double) p;
    }
    return Value.number(Numbers.round(x, places, mode));
  }

  private interface DoubleFunction {
    double apply(double d);
  }

  private static Value unary(List<Node> args, LogicContext ctx, DoubleFunction f) {
    Double x = args.get(0).eval(ctx).asNumber();
    return x == null ? Value.BLANK : Value.number(f.apply(x));
  }

  private static Value log(List<Node> args, LogicContext ctx) {
    Double x = args.get(0).eval(ctx).asNumber();
    if (x == null || x <= 0) {
      return Value.BLANK;
    }
    // An omitted or non-numeric base means the natural logarithm.
    Double base = args.size() == 2 ? args.get(1).eval(ctx).asNumber() : null;
    if (base == null) {
      return Value.number(Math.log(x));
    }
    if (base <= 0 || base == 1) {
      return Value.BLANK;
    }
    return Value.number(Math.log(x) / Math.log(base));
  }

  private static Value mod(List<Node> args, LogicContext ctx) {
    Double a = args.get(0).eval(ctx).asNumber();
    Double b = args.get(1).eval(ctx).asNumber();
    if (a == null || b == null || b == 0) {
      return Value.BLANK;
    }
    return Value.number(a % b); // the sign follows the dividend: mod(-7, 3) is -1
  }

  /** Blank arguments are skipped; any other non-numeric argument makes the result blank. */
  private static Value aggregate(String function, List<Node> args, LogicContext ctx) {
    List<Double> values = new ArrayList<>(args.size());
    for (Node arg : args) {
      Value v = arg.eval(ctx);
      if (v.isBlank()) {
        continue;
      }
      Double d = v.asNumber();
      if (d == null) {
        return Value.BLANK;
      }
      values.add(d);
    }
    if (function.equals("sum")) {
      double sum = 0;
      for (double d : values) {
        sum += d;
      }
      return Value.number(sum); // sum of nothing is 0, unlike the other aggregates
    }
    if (values.isEmpty()) {
      return Value.BLANK;
    }
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    double mean = Arrays.stream(sorted).sum() / sorted.length;
    switch (function) {
      case "min":
        return Value.number(sorted[0]);
      case "max":
        return Value.number(sorted[sorted.length - 1]);
      case "mean":
        return Value.number(mean);
      case "median":
        int mid = sorted.length / 2;
        return Value.number(
            sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2);
      case "stdev":
        if (sorted.length < 2) {
          return Value.BLANK;
        }
        double squares = 0;
        for (double d : sorted) {
          squares += (d - mean) * (d - mean);
        }
        return Value.number(Math.sqrt(squares / (sorted.length - 1))); // sample deviation
      default:
        throw new AssertionError(function);
    }
  }

  private static boolean isInteger(Value v) {
    if (v instanceof Value.Text t) {
      return Numbers.isIntegerText(t.value());
    }
    Double d = v.asNumber();
    return d != null && d == Math.rint(d);
  }

  private static Value hasMissingCode(List<Node> args, LogicContext ctx) {
    Value v = args.get(0).eval(ctx);
    if (v.isBlank() || !ctx.missingDataCodes().contains(v.asText())) {
      return Value.FALSE;
    }
    for (String code : text(args.get(1), ctx).split(",")) {
      if (code.trim().equals(v.asText())) {
        return Value.TRUE;
      }
    }
    return Value.FALSE;
  }

  /** contains, not_contain, starts_with, ends_with: case-insensitive. */
  private static Value search(String function, List<Node> args, LogicContext ctx) {
    String haystack = text(args.get(0), ctx).toLowerCase(Locale.ROOT);
    String needle = text(args.get(1), ctx).toLowerCase(Locale.ROOT);
    switch (function) {
      case "contains":
        return Value.bool(haystack.contains(needle));
      case "not_contain":
        return Value.bool(!haystack.contains(needle));
      case "starts_with":
        return Value.bool(haystack.startsWith(needle));
      default:
        return Value.bool(haystack.endsWith(needle));
    }
  }

  /** find(needle, haystack): 1-based position, case-insensitive, 0 when absent or blank. */
  private static Value find(List<Node> args, LogicContext ctx) {
    String needle = text(args.get(0), ctx).toLowerCase(Locale.ROOT);
    String haystack = text(args.get(1), ctx).toLowerCase(Locale.ROOT);
    return Value.number(needle.isEmpty() ? 0 : haystack.indexOf(needle) + 1);
  }

  private static Integer count(Node node, LogicContext ctx) {
    Double d = node.eval(ctx).asNumber();
    return d == null || d < 0 ? null : (int) Math.min(d, Integer.MAX_VALUE);
  }

  private static Value leftOrRight(boolean left, List<Node> args, LogicContext ctx) {
    String s = text(args.get(0), ctx);
    Integer n = count(args.get(1), ctx);
    if (n == null) {
      return Value.BLANK;
    }
    int k = Math.min(n, s.length());
    return Value.text(left ? s.substring(0, k) : s.substring(s.length() - k));
  }

  /** mid(text, start, count) with a 1-based start. */
  private static Value mid(List<Node> args, LogicContext ctx) {
    String s = text(args.get(0), ctx);
    Integer start = count(args.get(1), ctx);
    Integer n = count(args.get(2), ctx);
    if (start == null || start < 1 || n == null) {
      return Value.BLANK;
    }
    int from = Math.min(start - 1, s.length());
    return Value.text(s.substring(from, (int) Math.min((long) from + n, s.length())));
  }

  private static Value replaceText(List<Node> args, LogicContext ctx) {
    String haystack = text(args.get(0), ctx);
    String search = text(args.get(1), ctx);
    String replacement = text(args.get(2), ctx);
    return Value.text(search.isEmpty() ? haystack : haystack.replace(search, replacement));
  }

  private static Value concat(List<Node> args, LogicContext ctx) {
    StringBuilder out = new StringBuilder();
    for (Node arg : args) {
      out.append(text(arg, ctx));
    }
    return Value.text(out.toString());
  }

  /** concat_ws(separator, ...): blank items are skipped. */
  private static Value concatWs(List<Node> args, LogicContext ctx) {
    String separator = text(args.get(0), ctx);
    List<String> parts = new ArrayList<>();
    for (Node arg : args.subList(1, args.size())) {
      String s = text(arg, ctx);
      if (!s.isEmpty()) {
        parts.add(s);
      }
    }
    return Value.text(String.join(separator, parts));
  }
}
