package org.redcapjdbc.emulator.http;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.http.MultiPartConfig;
import org.eclipse.jetty.http.MultiPartFormData;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.UrlEncoded;
import org.redcapjdbc.emulator.EmulatorStats;
import org.redcapjdbc.emulator.Faults;
import org.redcapjdbc.emulator.api.ApiDispatcher;
import org.redcapjdbc.emulator.api.ApiException;
import org.redcapjdbc.emulator.api.Params;
import org.redcapjdbc.emulator.api.ResponseChannel;
import org.redcapjdbc.emulator.format.ErrorBodies;
import org.redcapjdbc.emulator.format.Format;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The emulator's HTTP front: {@code POST /api/} (form-urlencoded or multipart) goes to the API,
 * with faults applied and counters kept; {@code /api} without the slash is redirected; other paths
 * get an Apache-style 404 page; {@code GET /emulator/stats} reports the counters (and
 * {@code POST /emulator/stats/reset} clears them).
 */
public final class ApiHandler extends Handler.Abstract {
  private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);
  private static final String NOT_FOUND_PAGE =
      "<!DOCTYPE HTML PUBLIC \"-//IETF//DTD HTML 2.0//EN\">\n"
          + "<html><head>\n<title>404 Not Found</title>\n</head><body>\n<h1>Not Found</h1>\n"
          + "<p>The requested URL was not found on this server.</p>\n</body></html>\n";
  private static final long MAX_BODY = 1L << 30;

  private final ApiDispatcher dispatcher;
  private final Faults faults;
  private final StatsRecorder stats;
  private final ObjectMapper json = new ObjectMapper();

  public ApiHandler(ApiDispatcher dispatcher, Faults faults, StatsRecorder stats) {
    this.dispatcher = requireNonNull(dispatcher, "dispatcher");
    this.faults = requireNonNull(faults, "faults");
    this.stats = requireNonNull(stats, "stats");
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    String path = Request.getPathInContext(request);
    switch (path) {
      case "/api/":
        if (!"POST".equals(request.getMethod())) {
          // What a server answers when the POST body was lost (REDCapR #166).
          send(
              response,
              callback,
              501,
              Format.XML.contentType(),
              ErrorBodies.render(Format.XML, "The requested method is not implemented."));
        } else {
          api(request, response, callback);
        }
        return true;
      case "/api":
        Response.sendRedirect(request, response, callback, 301, "/api/", true);
        return true;
      case "/emulator/stats":
        send(
            response,
            callback,
            200,
            Format.JSON.contentType(),
            json.writeValueAsString(statsJson(stats.snapshot())));
        return true;
      case "/emulator/stats/reset":
        stats.reset();
        send(response, callback, 200, Format.JSON.contentType(), "{\"reset\":true}");
        return true;
      default:
        send(response, callback, 404, "text/html; charset=iso-8859-1", NOT_FOUND_PAGE);
        return true;
    }
  }

  private static void send(
      Response response, Callback callback, int status, String contentType, String body) {
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
    response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
  }

  private void api(Request request, Response response, Callback callback) throws Exception {
    long arrival = stats.arrival();
    byte[] body;
    try (InputStream in = Request.asInputStream(request)) {
      body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, MAX_BODY));
    }
    Params params = parse(request, body);
    String method = ApiDispatcher.methodKey(params);
    Format returnFormat = ApiDispatcher.returnFormat(params);

    long latency = faults.latencyMillis();
    if (latency > 0) {
      Thread.sleep(latency);
    }
    Exchange exchange = new Exchange(response, faults.truncateAfterBytes());
    int status;
    switch (faults.nextOutcome()) {
      case RESET:
        stats.record(arrival, method, params.raw(), 0, body.length, 0);
        abort(request, true);
        // A quiet exception: the reset is intended, not a server error worth logging.
        callback.failed(new EofException("Connection reset by the emulator's reset fault"));
        return;
      case STATUS_429:
        response
            .getHeaders()
            .put(HttpHeader.RETRY_AFTER, String.valueOf(faults.retryAfterSeconds()));
        status = plainFault(exchange, 429, "Too Many Requests");
        break;
      case STATUS_500:
        status = plainFault(exchange, 500, "Internal Server Error");
        break;
      case STATUS_503:
        status = plainFault(exchange, 503, "Service Unavailable");
        break;
      default:
        status = run(params, exchange, returnFormat);
        break;
    }
    stats.record(arrival, method, params.raw(), status, body.length, exchange.bytes());
    if (exchange.failed != null) {
      // Truncated or broken mid-body: the client must see an incomplete response, never a short
      // valid one.
      abort(request, false);
      callback.failed(new EofException(exchange.failed));
      return;
    }
    exchange.complete();
    callback.succeeded();
  }

  private int plainFault(Exchange exchange, int status, String reason) {
    String page =
        "<html><head><title>"
            + status
            + " "
            + reason
            + "</title></head><body><h1>"
            + reason
            + "</h1></body></html>\n";
    exchange.writeWhole(status, "text/html; charset=iso-8859-1", page);
    return status;
  }

  private int run(Params params, Exchange exchange, Format returnFormat) {
    try {
      dispatcher.dispatch(params, exchange, faults::dropRecord);
      if (!exchange.isOpen()) {
        exchange.writeWhole(200, Format.PLAIN_TEXT, "");
      }
      return 200;
    } catch (ApiException e) {
      if (exchange.isOpen()) {
        exchange.failed =
            new IOException("REDCap error after the response began: " + e.getMessage());
        return 200;
      }
      exchange.writeWhole(
          e.status(),
          ErrorBodies.contentType(returnFormat),
          ErrorBodies.render(returnFormat, e.getMessage()));
      return e.status();
    } catch (TruncatedResponseException e) {
      exchange.failed = e;
      return exchange.status;
    } catch (Exception | Error e) {
      if (exchange.isOpen()) {
        LOG.warn("Request failed after its response began; cutting the connection", e);
        exchange.failed = e instanceof IOException io ? io : new IOException(e);
        return exchange.status;
      }
      LOG.error("Request failed", e);
      exchange.writeWhole(
          500,
          ErrorBodies.contentType(returnFormat),
          ErrorBodies.render(returnFormat, "The emulator failed to process the request: " + e));
      return 500;
    }
  }

  /** Closes the client connection; with {@code reset}, as an RST rather than an orderly close. */
  private static void abort(Request request, boolean reset) {
    EndPoint endPoint = request.getConnectionMetaData().getConnection().getEndPoint();
    if (reset) {
      Object transport = endPoint.getTransport();
      if (transport instanceof SocketChannel channel) {
        try {
          channel.setOption(StandardSocketOptions.SO_LINGER, 0);
        } catch (IOException e) {
          // An orderly close is the fallback.
        }
      }
    }
    endPoint.close();
  }

  private static Params parse(Request request, byte[] body) throws Exception {
    String contentType = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
    Map<String, List<String>> values = new LinkedHashMap<>();
    Map<String, Params.Upload> uploads = new LinkedHashMap<>();
    if (contentType != null
        && contentType.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data")) {
      MultiPartConfig config =
          new MultiPartConfig.Builder()
              .maxMemoryPartSize(MAX_BODY)
              .maxPartSize(MAX_BODY)
              .maxSize(MAX_BODY)
              .maxParts(100_000)
              .build();
      try (MultiPartFormData.Parts parts =
          MultiPartFormData.getParts(
              Content.Source.from(ByteBuffer.wrap(body)), request, contentType, config)) {
        for (MultiPart.Part part : parts) {
          if (part.getFileName() != null) {
            String type = part.getHeaders().get(HttpHeader.CONTENT_TYPE);
            // Copy exactly the remaining bytes: the buffer's backing array may be larger than the
            // part.
            ByteBuffer buffer = Content.Source.asByteBuffer(part.getContentSource());
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            uploads.put(part.getName(), new Params.Upload(part.getFileName(), type, bytes));
            values.computeIfAbsent(part.getName(), k -> new ArrayList<>()).add(part.getFileName());
          } else {
            values
                .computeIfAbsent(part.getName(), k -> new ArrayList<>())
                .add(part.getContentAsString(StandardCharsets.UTF_8));
          }
        }
      }
    } else {
      UrlEncoded.decodeTo(
          new String(body, StandardCharsets.UTF_8),
          (k, v) -> values.computeIfAbsent(k, x -> new ArrayList<>()).add(v),
          StandardCharsets.UTF_8);
    }
    return new Params(values, uploads);
  }

  /** The response of one API request. */
  private static final class Exchange implements ResponseChannel {
    private final Response response;
    private final long truncateAfter;
    private CountingOutputStream out;
    private int status;
    IOException failed;

    Exchange(Response response, long truncateAfter) {
      this.response = response;
      this.truncateAfter = truncateAfter;
    }

    @Override
    public OutputStream open(int newStatus, String contentType) {
      if (out != null) {
        throw new IllegalStateException("The response was already started");
      }
      status = newStatus;
      response.setStatus(newStatus);
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
      out = new CountingOutputStream(Content.Sink.asOutputStream(response), truncateAfter);
      return out;
    }

    @Override
    public boolean isOpen() {
      return out != null;
    }

    void writeWhole(int newStatus, String contentType, String body) {
      try (OutputStream o = open(newStatus, contentType)) {
        o.write(body.getBytes(StandardCharsets.UTF_8));
      } catch (IOException e) {
        failed = e;
      }
    }

    long bytes() {
      return out == null ? 0 : out.count();
    }

    void complete() throws IOException {
      if (out != null) {
        out.complete();
      }
    }
  }

  private static Map<String, Object> statsJson(EmulatorStats s) {
    Map<String, Object> methods = new LinkedHashMap<>();
    s.methods()
        .forEach(
            (k, m) -> {
              Map<String, Object> counters = new LinkedHashMap<>();
              counters.put("requests", m.requests());
              counters.put("requestBytes", m.requestBytes());
              counters.put("responseBytes", m.responseBytes());
              methods.put(k, counters);
            });
    List<Map<String, Object>> recent = new ArrayList<>();
    for (EmulatorStats.RecordedRequest r : s.recentRequests()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("at", r.at().toString());
      m.put("method", r.method());
      m.put("status", r.status());
      m.put("requestBytes", r.requestBytes());
      m.put("responseBytes", r.responseBytes());
      m.put("params", r.params());
      recent.add(m);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("methods", methods);
    out.put("recentRequests", recent);
    return out;
  }
}
