package org.redcapjdbc.client;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Iterator;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import okhttp3.HttpUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the requests of every client in this JVM to one REDCap host (scheme, host and port) under
 * a per-minute limit, and holds them all while the server has asked for a pause
 * ({@code Retry-After}). REDCap bans an IP that exceeds {@code page_hit_threshold_per_minute}
 * (600 by default, docs/redcap-api.md §1.7), and a batched scan, several threads or several
 * connections can each stay under a limit that together they exceed: hence one governor per host,
 * not per client.
 *
 * <p>The rule is a sliding window: a request may start only while fewer than the limit started in
 * the last 60 seconds. Each client takes a {@link Lease} carrying its limit; the host's limit is
 * the smallest of the leases still reachable, so a strict connection also slows its laxer
 * siblings (a ban hits them all), and stops doing so once it is gone.
 *
 * <p>Callers wait in {@link Lease#acquire} on their own thread, before the OkHttp call exists,
 * through {@link Cancellation#sleep}: a cancel wakes that wait at once. (Waiting inside an OkHttp
 * interceptor instead would not be woken: {@code Call.cancel()} closes sockets, it does not
 * interrupt a thread.)
 */
final class RequestGovernor {
  private static final Logger LOG = LoggerFactory.getLogger(RequestGovernor.class);
  private static final long WINDOW_NANOS = TimeUnit.MINUTES.toNanos(1);
  private static final ConcurrentMap<String, RequestGovernor> BY_HOST = new ConcurrentHashMap<>();

  /** How a caller waits: returns true if it was cancelled meanwhile. Virtual in tests. */
  interface Sleeper {
    boolean sleep(Cancellation cancellation, long nanos);
  }

  private final String host;
  private final long windowNanos;
  private final LongSupplier clock;
  private final Sleeper sleeper;

  // Guarded by this. Start times in the window, oldest first, never decreasing.
  private final ArrayDeque<Long> starts = new ArrayDeque<>();
  private final Set<Lease> leases = Collections.newSetFromMap(new WeakHashMap<>());
  private long heldUntil;

  RequestGovernor(String host, long windowNanos, LongSupplier clock, Sleeper sleeper) {
    this.host = host;
    this.windowNanos = windowNanos;
    this.clock = clock;
    this.sleeper = sleeper;
    this.heldUntil = clock.getAsLong();
  }

  /**
   * A lease on the governor of {@code url}'s host with {@code maxPerMinute}, or null when that is
   * 0 (no limit, and no host-wide Retry-After: this client's requests neither wait nor count).
   */
  static Lease forHost(HttpUrl url, int maxPerMinute) {
    if (maxPerMinute < 0) {
      throw new IllegalArgumentException(
          "maxRequestsPerMinute must be 0 (off) or more, was " + maxPerMinute);
    }
    if (maxPerMinute == 0) {
      return null;
    }
    String key = url.scheme() + "://" + url.host() + ":" + url.port();
    return BY_HOST
        .computeIfAbsent(
            key,
            k -> new RequestGovernor(k, WINDOW_NANOS, System::nanoTime, RequestGovernor::sleep))
        .lease(maxPerMinute);
  }

  private static boolean sleep(Cancellation cancellation, long nanos) {
    // Rounded up: waking a millisecond early would only mean another round of waiting.
    return cancellation.sleep(Math.max(1, (nanos + 999_999) / 1_000_000));
  }

  synchronized Lease lease(int maxPerMinute) {
    Lease lease = new Lease(maxPerMinute);
    leases.add(lease);
    return lease;
  }

  /**
   * Waits until a request may start and counts it as started. Returns false, without counting,
   * if {@code cancellation} was cancelled before or while waiting.
   */
  boolean acquire(Cancellation cancellation) {
    while (!cancellation.isCancelled()) {
      long wait;
      int limit;
      synchronized (this) {
        long now = clock.getAsLong();
        limit = limit();
        wait = waitNanos(now, limit);
        if (wait <= 0) {
          starts.addLast(now);
          return true;
        }
      }
      if (LOG.isDebugEnabled()) {
        LOG.debug(
            "Waiting {} ms before the next request to {} (at most {} a minute, or Retry-After)",
            TimeUnit.NANOSECONDS.toMillis(wait),
            host,
            limit);
      }
      if (sleeper.sleep(cancellation, wait)) {
        return false;
      }
    }
    return false;
  }

  /** Holds every request to the host for {@code millis}, e.g. as a Retry-After asked. */
  void hold(long millis) {
    synchronized (this) {
      long until = clock.getAsLong() + TimeUnit.MILLISECONDS.toNanos(millis);
      if (until - heldUntil > 0) {
        heldUntil = until;
      }
    }
    LOG.debug("REDCap at {} asked for a pause of {} ms: holding every request to it", host, millis);
  }

  /** The smallest limit of the live leases. */
  private int limit() {
    int min = Integer.MAX_VALUE;
    for (Lease l : leases) {
      min = Math.min(min, l.maxPerMinute);
    }
    return min;
  }

  /** Nanoseconds until a request may start at {@code now}; 0 or less means at once. */
  private long waitNanos(long now, int limit) {
    while (!starts.isEmpty() && now - starts.peekFirst() >= windowNanos) {
      starts.removeFirst();
    }
    long wait = heldUntil - now;
    if (starts.size() >= limit) {
      // The limit-th most recent start must leave the window before another may begin.
      Iterator<Long> newestFirst = starts.descendingIterator();
      for (int i = 1; i < limit; i++) {
        newestFirst.next();
      }
      wait = Math.max(wait, newestFirst.next() + windowNanos - now);
    }
    return wait;
  }

  /**
   * One client's share of a host's governor. While it is reachable its limit counts towards the
   * host's; the client keeps it for as long as it lives.
   */
  final class Lease {
    private final int maxPerMinute;

    private Lease(int maxPerMinute) {
      this.maxPerMinute = maxPerMinute;
    }

    /** See {@link RequestGovernor#acquire}. */
    boolean acquire(Cancellation cancellation) {
      return RequestGovernor.this.acquire(cancellation);
    }

    /** See {@link RequestGovernor#hold}. */
    void hold(long millis) {
      RequestGovernor.this.hold(millis);
    }

    @Override
    public String toString() {
      return "RequestGovernor.Lease{" + host + ", " + maxPerMinute + "/min}";
    }
  }
}
