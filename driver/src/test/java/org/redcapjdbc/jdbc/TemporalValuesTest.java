package org.redcapjdbc.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.Random;
import java.util.TimeZone;
import org.apache.calcite.avatica.util.DateTimeUtils;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link TemporalValues} gives exactly the dates and timestamps Avatica's own conversion gives:
 * across centuries (the old Julian calendar included), around every offset change of zones with
 * daylight saving (30-minute ones and midnight ones among them), with and without a result set
 * calendar of another zone.
 */
class TemporalValuesTest {
  private static final long DAY = 86_400_000L;

  @ParameterizedTest
  @ValueSource(
      strings = {
        "UTC",
        "America/New_York",
        "Europe/Berlin",
        "America/Sao_Paulo",
        "Australia/Lord_Howe",
        "Asia/Kolkata",
        "Pacific/Apia"
      })
  void sameValuesAsAvatica(String zone) {
    TimeZone saved = TimeZone.getDefault();
    try {
      TimeZone.setDefault(TimeZone.getTimeZone(zone));
      for (Calendar calendar :
          new Calendar[] {
            null,
            Calendar.getInstance(TimeZone.getTimeZone(zone)),
            Calendar.getInstance(TimeZone.getTimeZone("America/Los_Angeles"))
          }) {
        TemporalValues values = new TemporalValues(calendar);
        for (long millis : instants(zone)) {
          int day = (int) Math.floorDiv(millis, DAY);
          assertThat(values.date(day))
              .as("date %d in %s", day, zone)
              .isEqualTo(DateTimeUtils.unixDateToSqlDate(day, calendar));
          Timestamp expected = DateTimeUtils.unixTimestampToSqlTimestamp(millis, calendar);
          Timestamp actual = values.timestamp(millis);
          assertThat(actual).as("timestamp %d in %s", millis, zone).isEqualTo(expected);
          assertThat(actual.getNanos()).isEqualTo(expected.getNanos());
          // Asked again: now from what was remembered.
          assertThat(values.timestamp(millis)).isEqualTo(expected);
          assertThat(values.date(day)).isEqualTo(DateTimeUtils.unixDateToSqlDate(day, calendar));
        }
      }
    } finally {
      TimeZone.setDefault(saved);
    }
  }

  /**
   * Random instants from the year 1000 to 2200, every hour of the days around each offset change
   * of the zone between 1900 and 2040 (and of Los Angeles, the other calendar's zone), and every
   * day of three spans where Avatica's old dates jump.
   */
  private static List<Long> instants(String zone) {
    List<Long> out = new ArrayList<>();
    Random random = new Random(18);
    long from = -30_610_224_000_000L; // 1000-01-01
    long to = 7_258_118_400_000L; // 2200-01-01
    for (int i = 0; i < 3000; i++) {
      out.add(from + (long) (random.nextDouble() * (to - from)));
    }
    for (String z : new String[] {zone, "America/Los_Angeles"}) {
      Instant t = Instant.parse("1900-01-01T00:00:00Z");
      Instant end = Instant.parse("2040-01-01T00:00:00Z");
      int n = 0;
      for (ZoneOffsetTransition next = ZoneId.of(z).getRules().nextTransition(t);
          next != null && next.getInstant().isBefore(end) && n < 200;
          next = ZoneId.of(z).getRules().nextTransition(next.getInstant()), n++) {
        long at = next.getInstant().toEpochMilli();
        for (long m = at - 2 * DAY; m <= at + 2 * DAY; m += 3_600_000L - 7) {
          out.add(m);
        }
      }
    }
    // Every day around Julian leap days that the Gregorian calendar lacks (1300, 1500) and
    // around the 1582 calendar switch, at a time of day that differs from day to day.
    for (String[] range :
        new String[][] {
          {"1299-06-01", "1301-06-01"}, {"1499-06-01", "1501-06-01"}, {"1581-06-01", "1584-01-01"}
        }) {
      long last = java.time.LocalDate.parse(range[1]).toEpochDay();
      for (long d = java.time.LocalDate.parse(range[0]).toEpochDay(); d <= last; d++) {
        out.add(d * DAY + Math.floorMod(d * 7_919_993L, DAY));
      }
    }
    out.add(0L);
    out.add(-1L);
    out.add(DAY - 1);
    return out;
  }
}
