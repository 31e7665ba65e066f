package org.redcapjdbc.emulator.http;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.redcapjdbc.emulator.EmulatorStats;

/**
 * Collects per-method counters and a bounded log of recent requests. Thread-safe.
 *
 * <p>A request is counted in the period in which it arrived: {@link #arrival()} is taken when it
 * comes in and {@link #record} drops it if {@link #reset()} ran since. A request is recorded only
 * once its response is written, and a client that stops reading early (a statement that fails on
 * its first row) can send its next request before that; without the ticket, a test that resets
 * the counters in between would see the abandoned request as its own.
 */
public final class StatsRecorder {
  /** How many recent requests are kept. */
  public static final int RECENT = 1000;

  private final Map<String, long[]> counters = new ConcurrentHashMap<>();
  private final Deque<EmulatorStats.RecordedRequest> recent = new ArrayDeque<>();
  private final AtomicLong period = new AtomicLong();

  /** The ticket of a request arriving now, to hand to {@link #record}. */
  public long arrival() {
    return period.get();
  }

  public void record(
      long arrival,
      String method,
      Map<String, List<String>> params,
      int status,
      long requestBytes,
      long responseBytes) {
    if (arrival != period.get()) {
      return;
    }
    long[] c = counters.computeIfAbsent(method, k -> new long[3]);
    synchronized (c) {
      c[0]++;
      c[1] += requestBytes;
      c[2] += responseBytes;
    }
    EmulatorStats.RecordedRequest r =
        new EmulatorStats.RecordedRequest(
            Instant.now(), method, sanitize(params), status, requestBytes, responseBytes);
    synchronized (recent) {
      recent.addLast(r);
      while (recent.size() > RECENT) {
        recent.removeFirst();
      }
    }
  }

  /** The token never leaves the server; payloads are summarized. */
  static Map<String, List<String>> sanitize(Map<String, List<String>> params) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    params.forEach(
        (k, v) -> {
          if (k.equals("token")) {
            out.put(k, List.of("***"));
          } else if (k.equals("data") || k.equals("odm") || k.equals("file")) {
            List<String> summary = new ArrayList<>();
            for (String s : v) {
              summary.add("<" + s.length() + " characters>");
            }
            out.put(k, summary);
          } else {
            out.put(k, List.copyOf(v));
          }
        });
    return out;
  }

  public EmulatorStats snapshot() {
    Map<String, EmulatorStats.MethodStats> methods = new LinkedHashMap<>();
    counters.forEach(
        (k, c) -> {
          synchronized (c) {
            methods.put(k, new EmulatorStats.MethodStats(c[0], c[1], c[2]));
          }
        });
    List<EmulatorStats.RecordedRequest> list;
    synchronized (recent) {
      list = new ArrayList<>(recent);
    }
    return new EmulatorStats(methods, list);
  }

  public void reset() {
    period.incrementAndGet();
    counters.clear();
    synchronized (recent) {
      recent.clear();
    }
  }
}
