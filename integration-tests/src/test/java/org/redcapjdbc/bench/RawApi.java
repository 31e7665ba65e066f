package org.redcapjdbc.bench;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The raw floor: a record export sent with OkHttp and walked token by token with Jackson's
 * streaming parser, every value decoded to a {@code String} and counted, nothing kept. This is the
 * least any JSON client of the API must do, so the driver's time over it is its own overhead.
 */
final class RawApi implements AutoCloseable {
  private static final JsonFactory JSON = new JsonFactory();

  private final OkHttpClient http =
      new OkHttpClient.Builder().readTimeout(Duration.ofMinutes(10)).build();
  private final String url;
  private final String token;

  RawApi(String url, String token) {
    this.url = requireNonNull(url, "url");
    this.token = requireNonNull(token, "token");
  }

  /** The whole project in one flat JSON export, as REDCap clients usually ask for it. */
  static Map<String, List<String>> fullExport() {
    Map<String, List<String>> p = new LinkedHashMap<>();
    p.put("content", List.of("record"));
    p.put("action", List.of("export"));
    p.put("format", List.of("json"));
    p.put("type", List.of("flat"));
    p.put("rawOrLabel", List.of("raw"));
    p.put("returnFormat", List.of("json"));
    return p;
  }

  /**
   * Sends {@code params} (names as they go on the wire, e.g. {@code records[0]}; a {@code token}
   * entry is replaced by the real token) and walks the JSON answer.
   */
  Sample.Counted export(Map<String, List<String>> params) throws IOException {
    try (Response response = post(params)) {
      return walk(response);
    }
  }

  /** Posts the parameters; the response must be a 200. */
  private Response post(Map<String, List<String>> params) throws IOException {
    FormBody.Builder form = new FormBody.Builder().add("token", token);
    for (Map.Entry<String, List<String>> e : params.entrySet()) {
      if (e.getKey().equals("token")) {
        continue;
      }
      for (String v : e.getValue()) {
        form.add(e.getKey(), v);
      }
    }
    Request request = new Request.Builder().url(url).post(form.build()).build();
    Response response = http.newCall(request).execute();
    if (response.code() != 200) {
      try (response) {
        throw new IOException(
            "The raw request answered HTTP " + response.code() + ": " + response.body().string());
      }
    }
    return response;
  }

  /**
   * Sends the requests a driver query sent, in the same way: the first alone (the ID pass), then
   * the rest with {@code parallelism} in flight, each answer walked to its end.
   */
  Sample.Counted replay(List<Map<String, List<String>>> requests, int parallelism)
      throws Exception {
    Sample.Counted first = export(requests.get(0));
    ExecutorService pool = Executors.newFixedThreadPool(parallelism);
    try {
      List<Future<Sample.Counted>> parts = new ArrayList<>();
      for (Map<String, List<String>> r : requests.subList(1, requests.size())) {
        parts.add(pool.submit(() -> export(r)));
      }
      long rows = 0;
      long values = 0;
      long nonEmpty = 0;
      for (Future<Sample.Counted> f : parts) {
        Sample.Counted c = f.get();
        rows += c.rows();
        values += c.values();
        nonEmpty += c.nonNull();
      }
      return new Sample.Counted(rows, values, nonEmpty, first.rows());
    } finally {
      pool.shutdownNow();
    }
  }

  /** The answer's text, for callers that parse it themselves. */
  String exportText(Map<String, List<String>> params) throws IOException {
    try (Response response = post(params)) {
      return response.body().string();
    }
  }

  /** One record import of a JSON array of rows ({@code overwriteBehavior=normal}). */
  Sample.Counted importJson(String data) throws IOException {
    Map<String, List<String>> p = new LinkedHashMap<>();
    p.put("content", List.of("record"));
    p.put("action", List.of("import"));
    p.put("format", List.of("json"));
    p.put("type", List.of("flat"));
    p.put("overwriteBehavior", List.of("normal"));
    p.put("returnContent", List.of("count"));
    p.put("returnFormat", List.of("json"));
    p.put("data", List.of(data));
    try (Response response = post(p)) {
      String answer = response.body().string();
      if (!answer.contains("\"count\"")) {
        throw new IOException("The raw import answered: " + answer);
      }
      return new Sample.Counted(0, 0, 0, 0);
    }
  }

  /** Deletes records by ID in one call (untimed clean-up between benchmark repetitions). */
  void deleteRecords(List<String> ids) throws IOException {
    Map<String, List<String>> p = new LinkedHashMap<>();
    p.put("content", List.of("record"));
    p.put("action", List.of("delete"));
    p.put("returnFormat", List.of("json"));
    for (int i = 0; i < ids.size(); i++) {
      p.put("records[" + i + "]", List.of(ids.get(i)));
    }
    try (Response response = post(p)) {
      String answer = response.body().string().trim();
      if (!answer.equals(Integer.toString(ids.size()))) {
        throw new IOException("Deleting " + ids.size() + " records answered: " + answer);
      }
    }
  }

  private static Sample.Counted walk(Response response) throws IOException {
    long rows = 0;
    long values = 0;
    long nonEmpty = 0;
    long check = 0;
    try (JsonParser p = JSON.createParser(response.body().byteStream())) {
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        switch (t) {
          case START_OBJECT:
            rows++;
            break;
          case VALUE_STRING:
          case VALUE_NUMBER_INT:
          case VALUE_NUMBER_FLOAT:
            String v = p.getText();
            values++;
            if (!v.isEmpty()) {
              nonEmpty++;
              check += v.length();
            }
            break;
          default:
            break;
        }
      }
    }
    return new Sample.Counted(rows, values, nonEmpty, check);
  }

  @Override
  public void close() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
