package org.redcapjdbc.it.correctness;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The REDCap API spoken directly with the JDK's HTTP client and Jackson, never through the
 * driver's client: the path by which the comparison suite's H2 copy receives its data. Values come
 * back as the wire's text (numbers such as {@code arm_num} turned into their text), so that the
 * test, not the driver, decides what each means.
 */
final class RawApi {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final URI endpoint;
  private final String token;

  RawApi(String endpoint, String token) {
    this.endpoint = URI.create(requireNonNull(endpoint, "endpoint"));
    this.token = requireNonNull(token, "token");
  }

  /** A list export ({@code format=json}) as rows of column name to text, in wire order. */
  List<Map<String, String>> rows(String content, String... params) {
    JsonNode tree = call(content, params);
    if (!tree.isArray()) {
      throw new AssertionError("content=" + content + " did not answer a JSON array: " + tree);
    }
    List<Map<String, String>> rows = new ArrayList<>();
    for (JsonNode item : tree) {
      rows.add(textOf(item));
    }
    return rows;
  }

  /**
   * A list export that REDCap refuses in classic projects (arms, events, mappings answer 400
   * there): empty then.
   */
  List<Map<String, String>> rowsOrEmptyWhenRefused(String content, String... params) {
    Response r = post(content, params);
    if (r.status == 400) {
      return List.of();
    }
    return rows(content, params);
  }

  /**
   * A list export, or null when the server does not implement the method (HTTP 501): the
   * emulator may not offer every method a real server has.
   */
  List<Map<String, String>> rowsUnlessNotImplemented(String content, String... params) {
    Response r = post(content, params);
    if (r.status == 501) {
      return null;
    }
    return rows(content, params);
  }

  private JsonNode call(String content, String... params) {
    Response r = post(content, params);
    if (r.status != 200) {
      throw new AssertionError("content=" + content + " answered HTTP " + r.status + ": " + r.body);
    }
    try {
      return JSON.readTree(r.body);
    } catch (IOException e) {
      throw new AssertionError(
          "content=" + content + " answered text that is not JSON: " + r.body, e);
    }
  }

  private Response post(String content, String... params) {
    if (params.length % 2 != 0) {
      throw new IllegalArgumentException("params come as name, value pairs");
    }
    StringJoiner body = new StringJoiner("&");
    add(body, "token", token);
    add(body, "content", content);
    add(body, "format", "json");
    add(body, "returnFormat", "json");
    for (int i = 0; i < params.length; i += 2) {
      add(body, params[i], params[i + 1]);
    }
    HttpRequest request =
        HttpRequest.newBuilder(endpoint)
            .timeout(Duration.ofMinutes(2))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
            .build();
    try {
      HttpResponse<String> response =
          http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Response(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException("content=" + content + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted during content=" + content, e);
    }
  }

  private static void add(StringJoiner body, String name, String value) {
    body.add(
        URLEncoder.encode(name, StandardCharsets.UTF_8)
            + "="
            + URLEncoder.encode(value, StandardCharsets.UTF_8));
  }

  private static Map<String, String> textOf(JsonNode object) {
    Map<String, String> row = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> f = fields.next();
      JsonNode v = f.getValue();
      // REDCap sends "" for a missing value; null would be a server bug worth seeing as NULL.
      row.put(f.getKey(), v.isNull() ? null : v.isValueNode() ? v.asText() : v.toString());
    }
    return row;
  }

  private record Response(int status, String body) {}
}
