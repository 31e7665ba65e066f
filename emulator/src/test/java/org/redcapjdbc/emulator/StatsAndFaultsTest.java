package org.redcapjdbc.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Per-method counters, the recent-request log, and every fault knob. */
class StatsAndFaultsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static RedcapEmulator emulator;
  private static EmulatedProject simple;
  private static EmulatedProject generated;

  @BeforeAll
  static void start() {
    emulator = RedcapEmulator.builder().build().start();
    simple = emulator.loadProject(Fixtures.path("redcapr/simple/project.xml"), null);
    generated = emulator.generate("records=120,fields=12,seed=7", null);
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  @AfterEach
  void clear() {
    emulator.faults().reset();
    emulator.resetStats();
  }

  private static HttpRequest post(String token, String body) {
    return HttpRequest.newBuilder(URI.create(emulator.url()))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(
            HttpRequest.BodyPublishers.ofString(
                "token=" + URLEncoder.encode(token, StandardCharsets.UTF_8) + "&" + body))
        .build();
  }

  @Test
  void countersAndTheRequestLog() throws Exception {
    ApiClient c = new ApiClient(emulator.url(), simple.token());
    ApiClient.Answer a1 =
        c.post(
            "content",
            "record",
            "format",
            "csv",
            "fields[0]",
            "record_id",
            "fields[1]",
            "sex",
            "records[0]",
            "2",
            "filterLogic",
            "[sex] = '1'");
    ApiClient.Answer a2 = c.post("content", "record", "format", "json");
    c.post("content", "record", "format", "json", "data", "[{\"record_id\":\"9\"}]");
    c.post("content", "metadata", "format", "json");
    EmulatorStats s = emulator.stats();
    EmulatorStats.MethodStats export = s.method("record/export");
    assertThat(export.requests()).isEqualTo(2);
    assertThat(export.responseBytes())
        .isEqualTo(
            a1.body().getBytes(StandardCharsets.UTF_8).length
                + a2.body().getBytes(StandardCharsets.UTF_8).length);
    assertThat(export.requestBytes()).isPositive();
    assertThat(s.method("record/import").requests()).isEqualTo(1);
    assertThat(s.method("metadata/export").requests()).isEqualTo(1);
    assertThat(s.method("arm/export").requests()).isZero();
    assertThat(s.totalRequests()).isEqualTo(4);
    EmulatorStats.RecordedRequest first = s.requests("record/export").get(0);
    assertThat(first.values("fields")).containsExactly("record_id", "sex");
    assertThat(first.values("records")).containsExactly("2");
    assertThat(first.param("filterLogic")).isEqualTo("[sex] = '1'");
    assertThat(first.param("token")).isEqualTo("***");
    assertThat(first.status()).isEqualTo(200);
    EmulatorStats.RecordedRequest imported = s.requests("record/import").get(0);
    assertThat(imported.param("data")).isEqualTo("<19 characters>");
    assertThat(s.recentRequests().toString()).doesNotContain(simple.token());

    String base = emulator.url().replace("/api/", "");
    JsonNode json =
        JSON.readTree(
            HTTP.send(
                    HttpRequest.newBuilder(URI.create(base + "/emulator/stats")).build(),
                    HttpResponse.BodyHandlers.ofString())
                .body());
    assertThat(json.at("/methods/record~1export/requests").asInt()).isEqualTo(2);
    assertThat(json.at("/recentRequests/0/params/token/0").asText()).isEqualTo("***");
    HTTP.send(
        HttpRequest.newBuilder(URI.create(base + "/emulator/stats/reset"))
            .POST(HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(emulator.stats().totalRequests()).isZero();
    c.post("content", "version");
    emulator.resetStats();
    assertThat(emulator.stats().recentRequests()).isEmpty();
  }

  @Test
  void aRequestThatArrivedBeforeAResetIsNotCountedAfterIt() throws Exception {
    // The request is answered after the reset (the latency holds it), as when a client abandons a
    // response, resets the counters and sends its next request while the server is still writing.
    emulator.faults().latencyMillis(600);
    java.util.concurrent.CompletableFuture<String> slow =
        java.util.concurrent.CompletableFuture.supplyAsync(
            () -> new ApiClient(emulator.url(), simple.token()).post("content", "version").body());
    Thread.sleep(250);
    emulator.resetStats();
    emulator.faults().latencyMillis(0);
    new ApiClient(emulator.url(), simple.token()).post("content", "arm", "format", "json");
    assertThat(slow.get()).isEqualTo("15.2.1");
    assertThat(emulator.stats().recentRequests())
        .extracting(r -> r.param("content"))
        .containsExactly("arm");
    assertThat(emulator.stats().totalRequests()).isEqualTo(1);
  }

  @Test
  void latencyIsAdded() {
    emulator.faults().latencyMillis(300);
    long start = System.nanoTime();
    assertThat(new ApiClient(emulator.url(), simple.token()).post("content", "version").body())
        .isEqualTo("15.2.1");
    assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(300);
  }

  @Test
  void statusFaultsAnswer429WithRetryAfter500And503() throws Exception {
    emulator.faults().rate429(1).retryAfterSeconds(7);
    HttpResponse<String> r =
        HTTP.send(post(simple.token(), "content=version"), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(429);
    assertThat(r.headers().firstValue("Retry-After")).hasValue("7");
    emulator.faults().reset().rate500(1);
    assertThat(
            HTTP.send(post(simple.token(), "content=version"), HttpResponse.BodyHandlers.ofString())
                .statusCode())
        .isEqualTo(500);
    emulator.faults().reset().rate503(1);
    assertThat(
            HTTP.send(post(simple.token(), "content=version"), HttpResponse.BodyHandlers.ofString())
                .statusCode())
        .isEqualTo(503);
    assertThat(emulator.stats().method("version/export").requests()).isEqualTo(3);
    // Faults apply to /api/ only.
    HttpResponse<String> stats =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(emulator.url().replace("/api/", "/emulator/stats")))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(stats.statusCode()).isEqualTo(200);
    // Shares below 1 follow the seed: the same sequence twice.
    List<Integer> first = statuses(0.5);
    List<Integer> second = statuses(0.5);
    assertThat(first).isEqualTo(second).contains(200, 503);
  }

  private static List<Integer> statuses(double rate) throws Exception {
    emulator.faults().reset().seed(11).rate503(rate);
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      out.add(
          HTTP.send(post(simple.token(), "content=version"), HttpResponse.BodyHandlers.ofString())
              .statusCode());
    }
    return out;
  }

  @Test
  void truncationCutsTheBodyAndTheConnection() throws Exception {
    emulator.faults().truncateAfterBytes(100);
    HttpResponse<InputStream> r =
        HTTP.send(
            post(generated.token(), "content=record&format=json"),
            HttpResponse.BodyHandlers.ofInputStream());
    assertThat(r.statusCode()).isEqualTo(200);
    long read = 0;
    IOException failure = null;
    try (InputStream in = r.body()) {
      byte[] buffer = new byte[4096];
      for (int n; (n = in.read(buffer)) > 0; ) {
        read += n;
      }
    } catch (IOException e) {
      failure = e;
    }
    assertThat(read).isEqualTo(100);
    assertThat(failure)
        .as("the client must see an incomplete body, not a short complete one")
        .isNotNull();
    assertThat(emulator.stats().method("record/export").responseBytes()).isEqualTo(100);
    // Small bodies pass.
    emulator.faults().truncateAfterBytes(1000);
    assertThat(
            HTTP.send(post(simple.token(), "content=version"), HttpResponse.BodyHandlers.ofString())
                .body())
        .isEqualTo("15.2.1");
  }

  @Test
  void resetClosesTheConnectionWithoutAnAnswer() {
    emulator.faults().resetRate(1);
    assertThatThrownBy(
            () ->
                HTTP.send(
                    post(simple.token(), "content=version"), HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(IOException.class);
    assertThat(emulator.stats().requests("version/export"))
        .singleElement()
        .satisfies(r -> assertThat(r.status()).isZero());
  }

  @Test
  void recordsAreSilentlyDroppedFromLargeExportsOnly() throws Exception {
    emulator.faults().seed(3).dropRecordsRate(0.3).dropRecordsMinRecords(50);
    List<String> ids = exportedIds();
    assertThat(ids.size()).isBetween(50, 110);
    emulator.faults().seed(3).dropRecordsRate(0.3).dropRecordsMinRecords(50);
    assertThat(exportedIds()).isEqualTo(ids);
    // An export of fewer records than the minimum is complete.
    ApiClient c = new ApiClient(emulator.url(), generated.token());
    JsonNode few =
        JSON.readTree(
            c.post(
                    "content",
                    "record",
                    "format",
                    "json",
                    "fields",
                    "record_id",
                    "records",
                    "1,2,3,4,5")
                .body());
    assertThat(few).hasSize(5);
    emulator.faults().reset();
    assertThat(exportedIds()).hasSize(120);
  }

  private static List<String> exportedIds() throws Exception {
    ApiClient c = new ApiClient(emulator.url(), generated.token());
    JsonNode rows =
        JSON.readTree(c.post("content", "record", "format", "json", "fields", "record_id").body());
    List<String> ids = new ArrayList<>();
    rows.forEach(r -> ids.add(r.get("record_id").asText()));
    return ids;
  }

  @Test
  void knobsRejectNonsense() {
    assertThatThrownBy(() -> emulator.faults().rate500(1.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("rate500");
    assertThatThrownBy(() -> emulator.faults().latencyMillis(-1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
