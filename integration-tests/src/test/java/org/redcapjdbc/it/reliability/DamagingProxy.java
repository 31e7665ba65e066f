package org.redcapjdbc.it.reliability;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;

/**
 * A MockWebServer in front of the emulator: every request is forwarded as it came, and the
 * emulator's real answer is handed to a {@link Damage} that may replace it. The driver thus reads
 * a real project (metadata, events, record IDs) and only the answers a test picks are damaged:
 * a batch cut at a chosen byte, records left out, a body streamed slowly, bytes the emulator
 * cannot send. Every request is kept ({@link #requests()}) with its request line and body.
 */
final class DamagingProxy implements AutoCloseable {
  /** Decides the answer to one forwarded request; return {@code exchange.passThrough()} to keep it. */
  @FunctionalInterface
  interface Damage {
    MockResponse answer(Exchange exchange) throws IOException;
  }

  private static final Damage NONE = Exchange::passThrough;

  private final MockWebServer server = new MockWebServer();
  private final String upstream;
  private final OkHttpClient http =
      new OkHttpClient.Builder()
          .readTimeout(Duration.ofSeconds(60))
          .retryOnConnectionFailure(false)
          .build();
  private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
  private final AtomicInteger counter = new AtomicInteger();
  private volatile Damage damage = NONE;

  DamagingProxy(String upstreamUrl) throws IOException {
    this.upstream = upstreamUrl;
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            requests.add(request);
            try {
              return damage.answer(forward(request));
            } catch (IOException e) {
              // The emulator cut the connection (a fault knob): so does the proxy.
              return new MockResponse.Builder()
                  .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
                  .build();
            }
          }
        });
    server.start();
  }

  /** The proxy's API URL, {@code http://127.0.0.1:PORT/api/}. */
  String url() {
    return server.url("/api/").toString();
  }

  void damage(Damage d) {
    this.damage = d == null ? NONE : d;
  }

  void passEverything() {
    damage(null);
  }

  /** Every request received so far, oldest first. */
  List<RecordedRequest> requests() {
    return List.copyOf(requests);
  }

  void clearRequests() {
    requests.clear();
  }

  private Exchange forward(RecordedRequest request) throws IOException {
    byte[] body = request.getBody() == null ? new byte[0] : request.getBody().toByteArray();
    String contentType = request.getHeaders().get("Content-Type");
    Request up =
        new Request.Builder()
            .url(upstream)
            .post(RequestBody.create(body, contentType == null ? null : MediaType.get(contentType)))
            .build();
    try (Response r = http.newCall(up).execute()) {
      byte[] answer = r.body().bytes();
      Map<String, List<String>> params =
          contentType != null && contentType.startsWith("application/x-www-form-urlencoded")
              ? parseForm(new String(body, StandardCharsets.UTF_8))
              : Map.of();
      return new Exchange(
          counter.incrementAndGet(),
          params,
          r.code(),
          r.header("Content-Type", "application/json"),
          r.header("Retry-After"),
          answer);
    }
  }

  static Map<String, List<String>> parseForm(String body) {
    Map<String, List<String>> form = new LinkedHashMap<>();
    if (body.isEmpty()) {
      return form;
    }
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      form.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
    }
    return form;
  }

  @Override
  public void close() throws IOException {
    server.close();
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  /** One request and the emulator's answer to it. */
  record Exchange(
      int index,
      Map<String, List<String>> params,
      int status,
      String contentType,
      String retryAfter,
      byte[] body) {
    String param(String name) {
      List<String> v = params.get(name);
      return v == null || v.isEmpty() ? null : v.get(0);
    }

    /** The values of {@code name[0]}, {@code name[1]} … in order. */
    List<String> array(String name) {
      List<String> out = new ArrayList<>();
      for (int i = 0; params.containsKey(name + "[" + i + "]"); i++) {
        out.add(params.get(name + "[" + i + "]").get(0));
      }
      return Collections.unmodifiableList(out);
    }

    boolean isRecordExport() {
      return "record".equals(param("content"))
          && param("data") == null
          && (param("action") == null || "export".equals(param("action")));
    }

    /** A record export naming its records: a batch (or a re-request of missing records). */
    boolean isBatch() {
      return isRecordExport() && !array("records").isEmpty();
    }

    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    MockResponse passThrough() {
      return withBody(body);
    }

    /** The same status and type with another body, framed correctly (Content-Length). */
    MockResponse withBody(byte[] newBody) {
      MockResponse.Builder b =
          new MockResponse.Builder()
              .code(status)
              .setHeader("Content-Type", contentType)
              .body(new okio.Buffer().write(newBody));
      if (retryAfter != null) {
        b.setHeader("Retry-After", retryAfter);
      }
      return b.build();
    }

    MockResponse withBody(String newBody) {
      return withBody(newBody.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The first {@code n} bytes (n at least 1), then the connection is dropped mid-body: the
     * body claims {@code 2n} bytes, and MockWebServer shuts the connection down halfway.
     */
    MockResponse cutAfter(int n) {
      byte[] prefix = java.util.Arrays.copyOf(body, Math.min(body.length, 2 * n));
      return new MockResponse.Builder()
          .code(status)
          .setHeader("Content-Type", contentType)
          .body(new okio.Buffer().write(prefix))
          .setHeader("Content-Length", 2L * n)
          .onResponseBody(SocketEffect.ShutdownConnection.INSTANCE)
          .build();
    }
  }

  /**
   * A body written in small pieces with a pause between them, like a slow REDCap export, that
   * notes when the client went away (the write fails).
   */
  static final class SlowBody implements MockResponseBody {
    private final byte[] body;
    private final int piece;
    private final long pauseMillis;
    private volatile long abortedAtNanos;
    private volatile long startedAtNanos;
    private volatile boolean finished;

    SlowBody(byte[] body, int piece, long pauseMillis) {
      this.body = body;
      this.piece = piece;
      this.pauseMillis = pauseMillis;
    }

    @Override
    public long getContentLength() {
      return -1; // chunked, as REDCap streams
    }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
      startedAtNanos = System.nanoTime();
      try {
        for (int at = 0; at < body.length; at += piece) {
          sink.write(body, at, Math.min(piece, body.length - at));
          sink.flush();
          Thread.sleep(pauseMillis);
        }
        finished = true;
      } catch (IOException e) {
        abortedAtNanos = System.nanoTime();
        throw e;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException(e);
      }
    }

    /** When the client dropped the connection (System.nanoTime), or 0 if it has not. */
    long abortedAtNanos() {
      return abortedAtNanos;
    }

    long startedAtNanos() {
      return startedAtNanos;
    }

    boolean finished() {
      return finished;
    }
  }
}
