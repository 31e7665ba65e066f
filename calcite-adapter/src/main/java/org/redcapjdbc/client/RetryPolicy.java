package org.redcapjdbc.client;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with jitter, honoring {@code Retry-After}. Reads retry 429, 500, 502, 503,
 * 504 and connection failures; what writes may retry is decided by {@link Transport}.
 */
final class RetryPolicy {
  /** A server asking for a longer pause than this is not waited for: the call fails instead. */
  static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(5);

  private static final Duration MAX_BACKOFF = Duration.ofSeconds(60);

  final int maxRetries;
  final Duration baseDelay;

  RetryPolicy(int maxRetries, Duration baseDelay) {
    if (maxRetries < 0) {
      throw new IllegalArgumentException("maxRetries must be >= 0, was " + maxRetries);
    }
    if (baseDelay.isNegative()) {
      throw new IllegalArgumentException("retryBaseDelay must not be negative");
    }
    this.maxRetries = maxRetries;
    this.baseDelay = baseDelay;
  }

  static boolean isRetryableStatus(int code) {
    return code == 429 || code == 500 || code == 502 || code == 503 || code == 504;
  }

  /** The pause before retry number {@code attempt + 1}: base * 2^attempt, jittered to 50–100 %. */
  long backoffMillis(int attempt) {
    long base = baseDelay.toMillis();
    long exp = base << Math.min(attempt, 20);
    long capped = Math.min(exp < 0 ? Long.MAX_VALUE : exp, MAX_BACKOFF.toMillis());
    return capped / 2 + (capped > 1 ? ThreadLocalRandom.current().nextLong(capped / 2 + 1) : 0);
  }

  /**
   * Parses {@code Retry-After}: delta seconds or an HTTP date. Returns -1 when absent or
   * unreadable.
   */
  static long retryAfterMillis(String header, Instant now) {
    if (header == null || header.isBlank()) {
      return -1;
    }
    String value = header.strip();
    try {
      return Math.max(0, Long.parseLong(value)) * 1000L;
    } catch (NumberFormatException notSeconds) {
      try {
        ZonedDateTime when = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
        return Math.max(0, Duration.between(now, when.toInstant()).toMillis());
      } catch (DateTimeParseException notDate) {
        return -1;
      }
    }
  }
}
