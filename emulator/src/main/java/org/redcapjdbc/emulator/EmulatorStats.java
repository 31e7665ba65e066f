package org.redcapjdbc.emulator;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.redcapjdbc.emulator.api.Params;

/**
 * A snapshot of the emulator's counters: per API method ({@code content/action}, e.g.
 * {@code record/export}) the number of requests and bytes in and out, and the most recent requests
 * with their parameters (the token shown as {@code ***}, {@code data} payloads summarized).
 */
public record EmulatorStats(
    Map<String, MethodStats> methods, List<RecordedRequest> recentRequests) {
  public EmulatorStats {
    methods = Map.copyOf(methods);
    recentRequests = List.copyOf(recentRequests);
  }

  /** Counters of one method; zero when it was never called. */
  public MethodStats method(String key) {
    return methods.getOrDefault(key, new MethodStats(0, 0, 0));
  }

  /** Requests of every method. */
  public long totalRequests() {
    long n = 0;
    for (MethodStats m : methods.values()) {
      n += m.requests();
    }
    return n;
  }

  /** Recorded requests of one method, oldest first. */
  public List<RecordedRequest> requests(String methodKey) {
    return recentRequests.stream().filter(r -> r.method().equals(methodKey)).toList();
  }

  /** Counters of one method. */
  public record MethodStats(long requests, long requestBytes, long responseBytes) {}

  /**
   * One request as the emulator saw it.
   *
   * @param method {@code content/action}
   * @param params parameters as sent, in arrival order, token replaced by {@code ***} and
   *     {@code data} by a summary such as {@code <412 characters>}
   * @param status the HTTP status answered (0 when the connection was reset without an answer)
   */
  public record RecordedRequest(
      Instant at,
      String method,
      Map<String, List<String>> params,
      int status,
      long requestBytes,
      long responseBytes) {
    public RecordedRequest {
      requireNonNull(at, "at");
      requireNonNull(method, "method");
      params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** The first value of a parameter, or null. */
    public String param(String name) {
      List<String> v = params.get(name);
      return v == null || v.isEmpty() ? null : v.get(0);
    }

    /**
     * An array parameter read the way the emulator reads it ({@code x[0]}, {@code x[]},
     * {@code x[1]}, comma-separated {@code x}), e.g. {@code values("fields")}.
     */
    public List<String> values(String arrayName) {
      return new Params(params).list(arrayName);
    }
  }
}
