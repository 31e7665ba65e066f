package org.redcapjdbc.emulator;

import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * The emulated server's wall clock. REDCap writes its log, record times and {@code
 * dateRangeBegin}/{@code dateRangeEnd} comparisons in the server's local time, without a zone
 * (docs/redcap-api.md §4.15); an emulator built with {@link RedcapEmulator.Builder#timeZone} runs
 * that clock in another zone than the JVM's, so that clients can be tested against a server whose
 * local time is not theirs. The zone applies to the thread handling a request.
 */
public final class ServerTime {
  private static final ThreadLocal<ZoneId> ZONE = new ThreadLocal<>();

  private ServerTime() {}

  /** The server's local time now, to the nanosecond (callers cut it to the second). */
  public static LocalDateTime now() {
    ZoneId zone = ZONE.get();
    return zone == null ? LocalDateTime.now() : LocalDateTime.now(zone);
  }

  /** Runs the current thread's requests in {@code zone} until {@link #clear()}; null: the JVM's. */
  public static void use(ZoneId zone) {
    if (zone == null) {
      ZONE.remove();
    } else {
      ZONE.set(zone);
    }
  }

  public static void clear() {
    ZONE.remove();
  }
}
