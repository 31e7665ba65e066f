package org.redcapjdbc.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Wire text to Calcite values and back, for every column type: valid, blank and bad values. */
class ValueConvertersTest {
  private static final Map<String, String> MISSING = Map.of("UNK", "Unknown", "NASK", "Not asked");

  private final List<ValueProblem> problems = new ArrayList<>();

  @BeforeEach
  void clear() {
    problems.clear();
  }

  private static ValueConverter converter(SqlType type, String validation) {
    return ValueConverters.forType("col", type, Validation.of(validation), MISSING);
  }

  private static ValueConverter forValidation(String validation) {
    Validation v = Validation.of(validation);
    return ValueConverters.forType("col", SqlTypeMapping.forValidation(v), v, MISSING);
  }

  /** Reads a valid or blank value: no problem may be reported. */
  private Object read(ValueConverter c, String wire) {
    Object value = c.fromWire(wire, problems::add);
    assertThat(problems).as("problems reading '%s'", wire).isEmpty();
    return value;
  }

  /** Reads a bad value: null, and exactly one problem of the given kind naming column and value. */
  private ValueProblem readBad(ValueConverter c, String wire, ValueProblem.Kind kind) {
    problems.clear();
    assertThat(c.fromWire(wire, problems::add)).as("value of '%s'", wire).isNull();
    assertThat(problems).as("problems reading '%s'", wire).hasSize(1);
    ValueProblem p = problems.get(0);
    assertThat(p.kind()).as("kind for '%s'", wire).isEqualTo(kind);
    assertThat(p.column()).isEqualTo("col");
    assertThat(p.value()).isEqualTo(wire);
    problems.clear();
    return p;
  }

  @Test
  void blankAndNullReadAsNullForEveryType() {
    for (ValueConverter c :
        List.of(
            converter(SqlType.VARCHAR, ""),
            converter(SqlType.BOOLEAN, ""),
            forValidation("integer"),
            forValidation("number"),
            forValidation("number_2dp"),
            forValidation("number_comma_decimal"),
            converter(SqlType.DOUBLE, ""),
            converter(SqlType.INTEGER, ""),
            ValueConverters.formStatus("col"),
            forValidation("date_ymd"),
            forValidation("time"),
            forValidation("datetime_ymd"),
            ValueConverters.label(
                "col",
                Field.fromDictionaryRow(
                    Fixtures.field("f", "form", "radio", "select_choices_or_calculations", "1, A"),
                    0),
                MISSING))) {
      assertThat(read(c, "")).as(c.sqlType().toString()).isNull();
      assertThat(read(c, null)).as(c.sqlType().toString()).isNull();
      assertThat(c.sqlType() == SqlType.VARCHAR || c.toWire(null).isEmpty()).isTrue();
    }
  }

  @Test
  void varchar() {
    ValueConverter c = converter(SqlType.VARCHAR, "");
    String wire = "14 Rose Cottage St.\nKenning UK, 323232";
    assertThat(read(c, wire)).isSameAs(wire);
    assertThat(read(c, "UNK")).isEqualTo("UNK");
    assertThat(c.toWire("x")).isEqualTo("x");
    assertThat(c.toWire(null)).isEmpty();
    assertThatThrownBy(() -> c.toWire(5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'col'");
  }

  @Test
  void booleans() {
    ValueConverter c = converter(SqlType.BOOLEAN, "");
    assertThat(read(c, "1")).isEqualTo(Boolean.TRUE);
    assertThat(read(c, "0")).isEqualTo(Boolean.FALSE);
    assertThat(readBad(c, "2", ValueProblem.Kind.UNPARSABLE).message())
        .isEqualTo("Column 'col': '2' is not 1 or 0");
    readBad(c, "Yes", ValueProblem.Kind.UNPARSABLE);
    readBad(c, "10", ValueProblem.Kind.UNPARSABLE);
    assertThat(readBad(c, "UNK", ValueProblem.Kind.MISSING_DATA_CODE).message())
        .contains("missing-data code for 'Unknown'");
    assertThat(c.toWire(true)).isEqualTo("1");
    assertThat(c.toWire(false)).isEqualTo("0");
    assertThat(c.toWire("true")).isEqualTo("1");
    assertThat(c.toWire(0)).isEqualTo("0");
    assertThatThrownBy(() -> c.toWire("maybe")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void bigint() {
    ValueConverter c = forValidation("integer");
    assertThat(c.sqlType()).isEqualTo(SqlType.BIGINT);
    assertThat(read(c, "42")).isEqualTo(42L);
    assertThat(read(c, "-7")).isEqualTo(-7L);
    assertThat(read(c, "+5")).isEqualTo(5L);
    assertThat(read(c, "007")).isEqualTo(7L);
    assertThat(read(c, "3.0")).isEqualTo(3L);
    assertThat(read(c, "9223372036854775807")).isEqualTo(Long.MAX_VALUE);
    assertThat(read(c, "-9223372036854775808")).isEqualTo(Long.MIN_VALUE);
    readBad(c, "9223372036854775808", ValueProblem.Kind.OUT_OF_RANGE);
    readBad(c, "-9223372036854775809", ValueProblem.Kind.OUT_OF_RANGE);
    readBad(c, "99999999999999999999999", ValueProblem.Kind.OUT_OF_RANGE);
    readBad(c, "3.5", ValueProblem.Kind.UNPARSABLE);
    readBad(c, "1e3", ValueProblem.Kind.UNPARSABLE);
    readBad(c, "-", ValueProblem.Kind.UNPARSABLE);
    readBad(c, ".0", ValueProblem.Kind.UNPARSABLE);
    readBad(c, " 4", ValueProblem.Kind.UNPARSABLE);
    assertThat(readBad(c, "before validation 1", ValueProblem.Kind.UNPARSABLE).message())
        .isEqualTo("Column 'col': 'before validation 1' is not a whole number");
    readBad(c, "NASK", ValueProblem.Kind.MISSING_DATA_CODE);
    assertThat(c.toWire(12L)).isEqualTo("12");
    assertThat(c.toWire(12)).isEqualTo("12");
    assertThat(c.toWire(new BigDecimal("5.00"))).isEqualTo("5");
    assertThat(c.toWire("-3")).isEqualTo("-3");
    assertThatThrownBy(() -> c.toWire(new BigDecimal("5.5")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("whole number");
    assertThatThrownBy(() -> c.toWire("five"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'five' is not a whole number");
  }

  @Test
  void integerForSlidersAndRepeatInstances() {
    ValueConverter c = converter(SqlType.INTEGER, "");
    assertThat(read(c, "50")).isEqualTo(50);
    assertThat(read(c, "-1")).isEqualTo(-1);
    readBad(c, "2147483648", ValueProblem.Kind.OUT_OF_RANGE);
    readBad(c, "50.5", ValueProblem.Kind.UNPARSABLE);
    assertThat(c.toWire(3)).isEqualTo("3");
    assertThatThrownBy(() -> c.toWire(3_000_000_000L)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void formStatus() {
    ValueConverter c = ValueConverters.formStatus("col");
    assertThat(c.sqlType()).isEqualTo(SqlType.SMALLINT);
    assertThat(read(c, "0")).isEqualTo((short) 0);
    assertThat(read(c, "2")).isEqualTo((short) 2);
    assertThat(readBad(c, "3", ValueProblem.Kind.OUT_OF_RANGE).reason())
        .isEqualTo("is not a form status (0 Incomplete, 1 Unverified, 2 Complete)");
    readBad(c, "Complete", ValueProblem.Kind.UNPARSABLE);
    assertThat(c.toWire((short) 1)).isEqualTo("1");
    assertThat(c.toWire(2)).isEqualTo("2");
    assertThatThrownBy(() -> c.toWire(5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a form status");
  }

  @Test
  void plainNumberIsDecimal38And16() {
    ValueConverter c = forValidation("number");
    assertThat(c.sqlType()).isEqualTo(SqlType.decimal(38, 16));
    BigDecimal v = (BigDecimal) read(c, "12.938129834911");
    assertThat(v).isEqualTo(new BigDecimal("12.9381298349110000"));
    assertThat(v.scale()).isEqualTo(16);
    assertThat(read(c, ".34")).isEqualTo(new BigDecimal("0.3400000000000000"));
    assertThat(read(c, "-1.5")).isEqualTo(new BigDecimal("-1.5000000000000000"));
    assertThat(read(c, "+2")).isEqualTo(new BigDecimal("2.0000000000000000"));
    assertThat(read(c, "1.")).isEqualTo(new BigDecimal("1.0000000000000000"));
    // One value whatever the stored form, so GROUP BY and joins see one value.
    assertThat(read(c, "1.0")).isEqualTo(read(c, "1.00")).isEqualTo(read(c, "1"));
    assertThat(read(c, "0.1234567890123456")).isEqualTo(new BigDecimal("0.1234567890123456"));
    assertThat(read(c, "0.123456789012345600000")).isEqualTo(new BigDecimal("0.1234567890123456"));
    assertThat(read(c, "1234567890123.5"))
        .isEqualTo(new BigDecimal("1234567890123.5000000000000000"));
    assertThat(read(c, "1234567890123456789012"))
        .isEqualTo(new BigDecimal("1234567890123456789012.0000000000000000"));
    assertThat(read(c, "-1234567890123456789012.1234567890123456"))
        .isEqualTo(new BigDecimal("-1234567890123456789012.1234567890123456"));
    assertThat(read(c, "1.5e3")).isEqualTo(new BigDecimal("1500.0000000000000000"));
    assertThat(read(c, "25E-2")).isEqualTo(new BigDecimal("0.2500000000000000"));
    assertThat(readBad(c, "0.12345678901234567", ValueProblem.Kind.OUT_OF_RANGE).reason())
        .isEqualTo(
            "has more than 16 decimal places, the most DECIMAL(38,16) holds; "
                + "it is not rounded");
    assertThat(readBad(c, "12345678901234567890123", ValueProblem.Kind.OUT_OF_RANGE).reason())
        .startsWith("has more than 22 digits before the decimal point");
    readBad(c, "1e40", ValueProblem.Kind.OUT_OF_RANGE);
    readBad(c, "1e-40", ValueProblem.Kind.OUT_OF_RANGE);
    assertThat(readBad(c, "1,54", ValueProblem.Kind.UNPARSABLE).reason()).contains("with a point");
    readBad(c, "1.2.3", ValueProblem.Kind.UNPARSABLE);
    readBad(c, "abc", ValueProblem.Kind.UNPARSABLE);
    readBad(c, ".", ValueProblem.Kind.UNPARSABLE);
    readBad(c, "1e", ValueProblem.Kind.UNPARSABLE);
    readBad(c, "NaN", ValueProblem.Kind.UNPARSABLE);
    readBad(c, "UNK", ValueProblem.Kind.MISSING_DATA_CODE);

    assertThat(c.toWire(new BigDecimal("1.5000000000000000"))).isEqualTo("1.5");
    assertThat(c.toWire(new BigDecimal("100"))).isEqualTo("100");
    assertThat(c.toWire(new BigDecimal("0E-16"))).isEqualTo("0");
    assertThat(c.toWire(-0.5)).isEqualTo("-0.5");
    assertThat(c.toWire(7)).isEqualTo("7");
    assertThat(c.toWire("12.50")).isEqualTo("12.5");
    assertThatThrownBy(() -> c.toWire(new BigDecimal("0.12345678901234567")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("never rounded");
    assertThatThrownBy(() -> c.toWire(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void numberWithDecimalPlacesKnowsItsScale() {
    ValueConverter c = forValidation("number_2dp");
    assertThat(c.sqlType()).isEqualTo(SqlType.decimal(38, 2));
    assertThat(read(c, "3.14")).isEqualTo(new BigDecimal("3.14"));
    assertThat(read(c, "3.1")).isEqualTo(new BigDecimal("3.10"));
    assertThat(read(c, "3.140")).isEqualTo(new BigDecimal("3.14"));
    readBad(c, "3.141", ValueProblem.Kind.OUT_OF_RANGE);
    // REDCap validates the text: number_2dp wants exactly two decimals.
    assertThat(c.toWire(new BigDecimal("3.1"))).isEqualTo("3.10");
    assertThat(c.toWire(22)).isEqualTo("22.00");
    assertThatThrownBy(() -> c.toWire(new BigDecimal("3.141")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void commaDecimals() {
    ValueConverter c = forValidation("number_comma_decimal");
    assertThat(c.sqlType()).isEqualTo(SqlType.decimal(38, 16));
    assertThat(read(c, "1,54")).isEqualTo(new BigDecimal("1.5400000000000000"));
    assertThat(read(c, "-123,4")).isEqualTo(new BigDecimal("-123.4000000000000000"));
    assertThat(read(c, "1.54")).isEqualTo(new BigDecimal("1.5400000000000000"));
    assertThat(read(c, "12345678901234567890,5"))
        .isEqualTo(new BigDecimal("12345678901234567890.5000000000000000"));
    readBad(c, "1,5,4", ValueProblem.Kind.UNPARSABLE);
    assertThat(c.toWire(new BigDecimal("1.5400000000000000"))).isEqualTo("1,54");
    assertThat(c.toWire("52,3")).isEqualTo("52,3");

    ValueConverter oneDp = forValidation("number_1dp_comma_decimal");
    assertThat(oneDp.sqlType()).isEqualTo(SqlType.decimal(38, 1));
    assertThat(read(oneDp, "52,3")).isEqualTo(new BigDecimal("52.3"));
    assertThat(oneDp.toWire(new BigDecimal("52"))).isEqualTo("52,0");
  }

  @Test
  void doublesForCalcs() {
    ValueConverter c = converter(SqlType.DOUBLE, "");
    assertThat(read(c, "22.1")).isEqualTo(22.1);
    assertThat(read(c, "-.5")).isEqualTo(-0.5);
    assertThat(read(c, "1e3")).isEqualTo(1000.0);
    assertThat(read(c, "7")).isEqualTo(7.0);
    readBad(c, "NaN", ValueProblem.Kind.UNPARSABLE);
    readBad(c, "Infinity", ValueProblem.Kind.UNPARSABLE);
    readBad(c, "0x1p3", ValueProblem.Kind.UNPARSABLE);
    readBad(c, "1d", ValueProblem.Kind.UNPARSABLE);
    readBad(c, "22,1", ValueProblem.Kind.UNPARSABLE);
    readBad(c, "1e999", ValueProblem.Kind.OUT_OF_RANGE);
    readBad(c, "NASK", ValueProblem.Kind.MISSING_DATA_CODE);
    assertThat(c.toWire(22.1)).isEqualTo("22.1");
    assertThat(c.toWire(1e10)).isEqualTo("10000000000");
    assertThat(c.toWire(0.0)).isEqualTo("0");
    assertThatThrownBy(() -> c.toWire(Double.POSITIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void dates() {
    ValueConverter c = forValidation("date_mdy");
    assertThat(c.sqlType()).isEqualTo(SqlType.DATE);
    assertThat(read(c, "2020-01-05")).isEqualTo((int) LocalDate.of(2020, 1, 5).toEpochDay());
    assertThat(read(c, "1970-01-01")).isEqualTo(0);
    assertThat(read(c, "1969-12-31")).isEqualTo(-1);
    assertThat(read(c, "2000-02-29")).isEqualTo((int) LocalDate.of(2000, 2, 29).toEpochDay());
    readBad(c, "1900-02-29", ValueProblem.Kind.UNPARSABLE);
    readBad(c, "2020-02-30", ValueProblem.Kind.UNPARSABLE);
    readBad(c, "2020-13-01", ValueProblem.Kind.UNPARSABLE);
    readBad(c, "2020-1-5", ValueProblem.Kind.UNPARSABLE);
    readBad(c, "01/05/2020", ValueProblem.Kind.UNPARSABLE);
    readBad(c, "2020-01-05 10:00", ValueProblem.Kind.UNPARSABLE);
    assertThat(readBad(c, "before validation 1", ValueProblem.Kind.UNPARSABLE).message())
        .isEqualTo("Column 'col': 'before validation 1' is not a date (YYYY-MM-DD)");
    readBad(c, "UNK", ValueProblem.Kind.MISSING_DATA_CODE);

    assertThat(c.toWire(read(c, "2020-01-05"))).isEqualTo("2020-01-05");
    assertThat(c.toWire(LocalDate.of(1899, 12, 31))).isEqualTo("1899-12-31");
    assertThat(c.toWire(java.sql.Date.valueOf("2003-08-30"))).isEqualTo("2003-08-30");
    assertThat(c.toWire("2003-08-30")).isEqualTo("2003-08-30");
    assertThatThrownBy(() -> c.toWire("08/30/2003"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a date");
    assertThatThrownBy(() -> c.toWire(LocalDate.of(12000, 1, 1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void everyCalendarDayReadsAsJavaTimeDoesAndWritesBack() {
    ValueConverter c = forValidation("date_ymd");
    for (LocalDate d = LocalDate.of(1582, 10, 15); d.getYear() < 2401; d = d.plusDays(1)) {
      String wire = d.toString();
      Object days = c.fromWire(wire, problems::add);
      if (!Integer.valueOf((int) d.toEpochDay()).equals(days)) {
        throw new AssertionError(wire + " read as " + days);
      }
      if (!wire.equals(c.toWire(days))) {
        throw new AssertionError(wire + " written as " + c.toWire(days));
      }
    }
    for (String wire : List.of("0001-01-01", "0400-02-29", "9999-12-31")) {
      assertThat(read(c, wire)).isEqualTo((int) LocalDate.parse(wire).toEpochDay());
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void times() {
    ValueConverter hhmm = forValidation("time");
    ValueConverter hhmmss = forValidation("time_hh_mm_ss");
    assertThat(hhmm.sqlType()).isEqualTo(SqlType.TIME);
    assertThat(read(hhmm, "08:30")).isEqualTo(8 * 3_600_000 + 30 * 60_000);
    assertThat(read(hhmm, "23:59")).isEqualTo(86_340_000);
    assertThat(read(hhmmss, "08:30:15")).isEqualTo(8 * 3_600_000 + 30 * 60_000 + 15_000);
    assertThat(read(hhmmss, "00:00:00")).isEqualTo(0);
    readBad(hhmm, "55:02", ValueProblem.Kind.UNPARSABLE);
    readBad(hhmm, "24:00", ValueProblem.Kind.UNPARSABLE);
    readBad(hhmm, "8:30", ValueProblem.Kind.UNPARSABLE);
    readBad(hhmm, "08:60", ValueProblem.Kind.UNPARSABLE);
    readBad(hhmmss, "08:30:60", ValueProblem.Kind.UNPARSABLE);
    readBad(hhmmss, "08-30-15", ValueProblem.Kind.UNPARSABLE);
    readBad(hhmm, "2010-01-02", ValueProblem.Kind.UNPARSABLE);

    assertThat(hhmm.toWire(read(hhmm, "08:30"))).isEqualTo("08:30");
    assertThat(hhmmss.toWire(read(hhmmss, "23:59:59"))).isEqualTo("23:59:59");
    assertThat(hhmmss.toWire(LocalTime.of(7, 5))).isEqualTo("07:05:00");
    assertThat(hhmm.toWire(java.sql.Time.valueOf("07:05:00"))).isEqualTo("07:05");
    assertThat(hhmm.toWire("07:05")).isEqualTo("07:05");
    assertThatThrownBy(() -> hhmm.toWire(LocalTime.of(7, 5, 9)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("HH:MM");
    assertThatThrownBy(() -> hhmmss.toWire(1500))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("whole seconds");
    assertThatThrownBy(() -> hhmm.toWire(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void timestamps() {
    ValueConverter minutes = forValidation("datetime_dmy");
    ValueConverter seconds = forValidation("datetime_seconds_ymd");
    assertThat(minutes.sqlType()).isEqualTo(SqlType.TIMESTAMP);
    long expected = LocalDateTime.of(2020, 1, 5, 8, 30).toInstant(ZoneOffset.UTC).toEpochMilli();
    assertThat(read(minutes, "2020-01-05 08:30")).isEqualTo(expected);
    assertThat(read(seconds, "2020-01-05 08:30:15")).isEqualTo(expected + 15_000);
    assertThat(read(seconds, "1950-06-01 23:59:59"))
        .isEqualTo(
            LocalDateTime.of(1950, 6, 1, 23, 59, 59).toInstant(ZoneOffset.UTC).toEpochMilli());
    readBad(minutes, "2020-01-05T08:30", ValueProblem.Kind.UNPARSABLE);
    readBad(minutes, "2020-01-05", ValueProblem.Kind.UNPARSABLE);
    readBad(minutes, "2020-01-05 8:30", ValueProblem.Kind.UNPARSABLE);
    readBad(minutes, "2020-02-30 08:30", ValueProblem.Kind.UNPARSABLE);
    readBad(seconds, "2020-01-05 08:30:15.5", ValueProblem.Kind.UNPARSABLE);
    readBad(seconds, "UNK", ValueProblem.Kind.MISSING_DATA_CODE);

    for (String wire : List.of("2020-01-05 08:30", "1950-06-01 23:59", "0001-01-01 00:00")) {
      assertThat(minutes.toWire(read(minutes, wire))).isEqualTo(wire);
    }
    for (String wire : List.of("2020-01-05 08:30:15", "1969-12-31 23:59:59")) {
      assertThat(seconds.toWire(read(seconds, wire))).isEqualTo(wire);
    }
    assertThat(seconds.toWire(LocalDateTime.of(2021, 3, 4, 5, 6, 7)))
        .isEqualTo("2021-03-04 05:06:07");
    assertThat(minutes.toWire(java.sql.Timestamp.valueOf("2021-03-04 05:06:00")))
        .isEqualTo("2021-03-04 05:06");
    assertThat(minutes.toWire("2021-03-04 05:06")).isEqualTo("2021-03-04 05:06");
    assertThatThrownBy(() -> minutes.toWire(LocalDateTime.of(2021, 3, 4, 5, 6, 7)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("YYYY-MM-DD HH:MM");
    assertThatThrownBy(() -> seconds.toWire(java.sql.Timestamp.valueOf("2021-03-04 05:06:07.5")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("whole seconds");
    assertThatThrownBy(() -> seconds.toWire(3)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void labelCompanions() {
    Field sex =
        Field.fromDictionaryRow(
            Fixtures.field(
                "sex",
                "demographics",
                "radio",
                "select_choices_or_calculations",
                "0, <b>Female</b> | 1, Male"),
            1);
    ValueConverter c = ValueConverters.label("sex_label", sex, MISSING);
    assertThat(c.sqlType()).isEqualTo(SqlType.VARCHAR);
    assertThat(read(c, "0")).isEqualTo("<b>Female</b>");
    assertThat(read(c, "1")).isEqualTo("Male");
    assertThat(read(c, "UNK")).isEqualTo("Unknown");
    problems.clear();
    assertThat(c.fromWire("7", problems::add)).isNull();
    assertThat(problems)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.kind()).isEqualTo(ValueProblem.Kind.UNKNOWN_CHOICE);
              assertThat(p.message())
                  .isEqualTo(
                      "Column 'sex_label': '7' is not a choice of field 'sex', so it has no label");
            });
    assertThatThrownBy(() -> c.toWire("Male"))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("write the code to 'sex'");
    problems.clear();

    Field yesNo = Field.fromDictionaryRow(Fixtures.field("ok", "f", "yesno"), 1);
    ValueConverter yn = ValueConverters.label("ok_label", yesNo, Map.of());
    assertThat(read(yn, "1")).isEqualTo("Yes");
    assertThat(read(yn, "0")).isEqualTo("No");
  }

  @Test
  void longValuesAreCutInMessagesButKeptWhole() {
    String wire = "x".repeat(500);
    ValueProblem p = readBad(forValidation("date_ymd"), wire, ValueProblem.Kind.UNPARSABLE);
    assertThat(p.value()).hasSize(500);
    assertThat(p.message()).contains("(500 characters)").hasSizeLessThan(200);
  }
}
