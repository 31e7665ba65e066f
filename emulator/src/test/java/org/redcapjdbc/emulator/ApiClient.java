package org.redcapjdbc.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** A bare HTTP client for the tests: form posts to the emulator, answers as status + text. */
final class ApiClient {
  private final HttpClient http;
  private final String url;
  private final String token;

  ApiClient(String url, String token) {
    this(url, token, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build());
  }

  ApiClient(String url, String token, HttpClient http) {
    this.url = url;
    this.token = token;
    this.http = http;
  }

  /** A response: status, content type and body text. */
  record Answer(int status, String contentType, String body) {
    List<List<String>> csv() {
      return parseCsv(body);
    }
  }

  /** Posts {@code token} plus key/value pairs (repeat a key for several values). */
  Answer post(String... keyValues) {
    List<String[]> pairs = new ArrayList<>();
    if (token != null) {
      pairs.add(new String[] {"token", token});
    }
    for (int i = 0; i < keyValues.length; i += 2) {
      pairs.add(new String[] {keyValues[i], keyValues[i + 1]});
    }
    return postPairs(pairs);
  }

  Answer postPairs(List<String[]> pairs) {
    StringBuilder body = new StringBuilder();
    for (String[] p : pairs) {
      if (body.length() > 0) {
        body.append('&');
      }
      body.append(URLEncoder.encode(p[0], StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(p[1], StandardCharsets.UTF_8));
    }
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
            .build();
    try {
      HttpResponse<String> r =
          http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Answer(
          r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static List<List<String>> parseCsv(String text) {
    try (CSVParser p = CSVParser.parse(text, CSVFormat.RFC4180)) {
      List<List<String>> rows = new ArrayList<>();
      for (CSVRecord r : p) {
        List<String> cells = new ArrayList<>();
        r.forEach(cells::add);
        rows.add(cells);
      }
      return rows;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static Map<String, String> map(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The JSON of a 200 answer; any other status fails the test with the body. */
  static JsonNode json(Answer a) throws Exception {
    assertThat(a.status()).as(a.body()).isEqualTo(200);
    return JSON.readTree(a.body());
  }

  /** One key's values over an array of objects, as text. */
  static List<String> column(JsonNode rows, String key) {
    List<String> out = new ArrayList<>();
    rows.forEach(r -> out.add(r.get(key).asText()));
    return out;
  }
}
