package org.redcapjdbc.it.correctness;

import java.math.BigDecimal;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Random SQL filter predicates over one table, built from the values its columns really hold (so
 * that comparisons hit rows, boundaries and near misses) and some they do not: comparisons, ranges
 * (bounds in either order), IN and NOT IN lists, LIKE patterns with {@code %} and {@code _}, IS
 * [NOT] NULL, the boolean tests, the empty string, expressions REDCap cannot evaluate (UPPER,
 * arithmetic, EXTRACT), all nested under AND, OR and NOT.
 */
final class Predicates {
  /** A column and the distinct non-null values the H2 copy holds for it. */
  record Sampled(ColumnShape column, List<Object> values) {}

  private final List<Sampled> columns;

  Predicates(List<Sampled> columns) {
    this.columns = List.copyOf(columns);
  }

  /** Predicates nested up to three levels deep. */
  Arbitrary<String> predicate() {
    return Arbitraries.integers()
        .between(0, 3)
        .flatMap(
            depth ->
                Arbitraries.recursive(
                    this::atom,
                    inner ->
                        Arbitraries.frequencyOf(
                            net.jqwik.api.Tuple.of(
                                3,
                                Combinators.combine(inner, inner)
                                    .as((a, b) -> "(" + a + ") AND (" + b + ")")),
                            net.jqwik.api.Tuple.of(
                                3,
                                Combinators.combine(inner, inner)
                                    .as((a, b) -> "(" + a + ") OR (" + b + ")")),
                            net.jqwik.api.Tuple.of(1, inner.map(a -> "NOT (" + a + ")"))),
                    depth));
  }

  private Arbitrary<String> atom() {
    return Arbitraries.of(columns).flatMap(this::atomOn);
  }

  private Arbitrary<String> atomOn(Sampled s) {
    String c = "\"" + s.column().name() + "\"";
    Arbitrary<String> nullTest = Arbitraries.of(c + " IS NULL", c + " IS NOT NULL");
    if (s.values().isEmpty()) {
      return nullTest;
    }
    Arbitrary<String> typed =
        switch (s.column().dataType()) {
          case Types.BOOLEAN, Types.BIT ->
              Arbitraries.of(
                  c,
                  "NOT " + c,
                  c + " = TRUE",
                  c + " = FALSE",
                  c + " <> TRUE",
                  c + " IS TRUE",
                  c + " IS FALSE",
                  c + " IS NOT TRUE",
                  c + " IS NOT FALSE",
                  c + " IS UNKNOWN");
          case Types.VARCHAR, Types.CHAR -> text(c, s);
          case Types.DATE, Types.TIMESTAMP, Types.TIME -> temporal(c, s);
          default -> numeric(c, s);
        };
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(1, nullTest), net.jqwik.api.Tuple.of(8, typed));
  }

  private static Arbitrary<String> comparisons(String c, Arbitrary<String> literal) {
    Arbitrary<String> op = Arbitraries.of("=", "<>", "<", "<=", ">", ">=");
    Arbitrary<String> compare =
        Combinators.combine(op, literal).as((o, v) -> c + " " + o + " " + v);
    Arbitrary<String> flipped =
        Combinators.combine(op, literal).as((o, v) -> v + " " + o + " " + c);
    Arbitrary<String> between =
        Combinators.combine(literal, literal, Arbitraries.of("", "NOT "))
            .as((a, b, not) -> c + " " + not + "BETWEEN " + a + " AND " + b);
    Arbitrary<String> in =
        Combinators.combine(literal.list().ofMinSize(1).ofMaxSize(4), Arbitraries.of("", "NOT "))
            .as((vs, not) -> c + " " + not + "IN (" + String.join(", ", vs) + ")");
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(5, compare),
        net.jqwik.api.Tuple.of(1, flipped),
        net.jqwik.api.Tuple.of(2, between),
        net.jqwik.api.Tuple.of(2, in));
  }

  private static Arbitrary<String> numeric(String c, Sampled s) {
    List<String> literals = new ArrayList<>();
    for (Object v : s.values()) {
      BigDecimal d = new BigDecimal(v.toString());
      literals.add(d.toPlainString());
    }
    Arbitrary<String> sampled = Arbitraries.of(literals);
    Arbitrary<String> near =
        Combinators.combine(sampled, Arbitraries.of("1", "0.5", "0.01", "-1", "-0.5"))
            .as((v, delta) -> new BigDecimal(v).add(new BigDecimal(delta)).toPlainString());
    Arbitrary<String> odd = Arbitraries.of("0", "-0", "1e2", "-7", "1000000", "0.0001", "2.5E1");
    Arbitrary<String> literal =
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(6, sampled),
            net.jqwik.api.Tuple.of(3, near),
            net.jqwik.api.Tuple.of(1, odd));
    Arbitrary<String> arithmetic =
        Combinators.combine(literal, Arbitraries.of(">", "<=", "="))
            .as((v, o) -> c + " + 1 " + o + " " + v);
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(9, comparisons(c, literal)), net.jqwik.api.Tuple.of(1, arithmetic));
  }

  private static Arbitrary<String> text(String c, Sampled s) {
    List<String> values = new ArrayList<>();
    for (Object v : s.values()) {
      values.add(v.toString());
    }
    Arbitrary<String> sampled = Arbitraries.of(values);
    Arbitrary<String> other =
        Arbitraries.of(
            "",
            "a",
            "Zz",
            "1",
            "10",
            "O'Brien",
            "say \"hi\"",
            "%",
            "_",
            "visit_1_arm_1",
            "instrument_2");
    Arbitrary<String> raw =
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(7, sampled), net.jqwik.api.Tuple.of(2, other));
    Arbitrary<String> literal = raw.map(Predicates::quote);
    Arbitrary<String> pattern =
        Combinators.combine(sampled, Arbitraries.integers().between(0, 5)).as(Predicates::pattern);
    Arbitrary<String> like =
        Combinators.combine(pattern, Arbitraries.of("", "NOT "))
            .as((p, not) -> c + " " + not + "LIKE " + quote(p));
    Arbitrary<String> functions =
        Combinators.combine(raw, Arbitraries.of("UPPER", "LOWER", "TRIM"))
            .as((v, f) -> f + "(" + c + ") = " + quote(v.toUpperCase()));
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(6, comparisons(c, literal)),
        net.jqwik.api.Tuple.of(3, like),
        net.jqwik.api.Tuple.of(1, functions));
  }

  /** A LIKE pattern made from a value: prefix, suffix, infix, with an underscore, or exact. */
  private static String pattern(String v, int shape) {
    int cut = Math.max(1, v.length() / 2);
    String head = v.substring(0, Math.min(cut, v.length()));
    String tail = v.substring(Math.min(cut, v.length()));
    return switch (shape) {
      case 0 -> head + "%";
      case 1 -> "%" + tail;
      case 2 -> "%" + head.substring(head.length() > 1 ? 1 : 0) + "%";
      case 3 -> "_" + v.substring(Math.min(1, v.length()));
      case 4 -> head + "_%";
      default -> v;
    };
  }

  private static Arbitrary<String> temporal(String c, Sampled s) {
    List<String> literals = new ArrayList<>();
    for (Object v : s.values()) {
      literals.add(literal(v));
    }
    Arbitrary<String> literal = Arbitraries.of(literals);
    if (s.column().dataType() == Types.TIME) {
      return comparisons(c, literal);
    }
    Arbitrary<String> year =
        Combinators.combine(
                Arbitraries.integers().between(1940, 2025), Arbitraries.of("=", "<", ">="))
            .as((y, o) -> "EXTRACT(YEAR FROM " + c + ") " + o + " " + y);
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(8, comparisons(c, literal)), net.jqwik.api.Tuple.of(1, year));
  }

  /** A value as an SQL literal that Calcite and H2 read alike. */
  static String literal(Object v) {
    if (v instanceof java.sql.Date d) {
      return "DATE '" + d.toLocalDate() + "'";
    }
    if (v instanceof java.sql.Timestamp t) {
      return "TIMESTAMP '"
          + t.toLocalDateTime().toString().replace('T', ' ')
          + (t.toLocalDateTime().getSecond() == 0 ? ":00" : "")
          + "'";
    }
    if (v instanceof java.sql.Time t) {
      return "TIME '" + t.toLocalTime() + (t.toLocalTime().getSecond() == 0 ? ":00" : "") + "'";
    }
    if (v instanceof String s) {
      return quote(s);
    }
    return new BigDecimal(v.toString()).toPlainString();
  }

  static String quote(String s) {
    return "'" + s.replace("'", "''") + "'";
  }
}
