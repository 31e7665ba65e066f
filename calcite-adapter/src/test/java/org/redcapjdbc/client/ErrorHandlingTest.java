package org.redcapjdbc.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redcapjdbc.client.RedcapException.Kind;

/** Error shapes and statuses of docs/redcap-api.md §1.6, retries, and token hygiene throughout. */
class ErrorHandlingTest {
  private MockRedcap mock;

  @BeforeEach
  void start() throws Exception {
    mock = new MockRedcap();
  }

  @AfterEach
  void stop() throws Exception {
    mock.assertTokenNeverLogged();
    mock.close();
  }

  private RedcapException fail(Runnable call) {
    RedcapException e =
        org.junit.jupiter.api.Assertions.assertThrows(RedcapException.class, call::run);
    MockRedcap.assertNoToken(e);
    return e;
  }

  @Test
  void jsonErrorShapeWith400IsValidationWithMessageVerbatim() {
    mock.enqueue(
        MockRedcap.json(
            400,
            "{\"error\":\"The following values in the parameter"
                + " \\\"fields\\\" are not valid: 'redcap_event_name'\"}"));
    RedcapException e = fail(() -> mock.client().project().exportMetadata());
    assertThat(e.kind()).isEqualTo(Kind.VALIDATION);
    assertThat(e.httpStatus()).isEqualTo(400);
    assertThat(e.apiMethod()).isEqualTo("content=metadata");
    assertThat(e.redcapMessage())
        .isEqualTo(
            "The following values in the parameter \"fields\" are not valid: 'redcap_event_name'");
    assertThat(e.getMessage()).contains(e.redcapMessage()).contains("HTTP 400");
  }

  @Test
  void plainTextErrorShapeWith403IsAuth() {
    mock.enqueue(MockRedcap.text(403, "ERROR: You do not have permissions to use the API"));
    RedcapException e = fail(() -> mock.client().project().exportArms(List.of()));
    assertThat(e.kind()).isEqualTo(Kind.AUTH);
    assertThat(e.httpStatus()).isEqualTo(403);
    assertThat(e.redcapMessage()).isEqualTo("You do not have permissions to use the API");
    assertThat(e.getMessage()).contains("API token").contains("API rights");
  }

  @Test
  void xmlErrorShapeWith501NamesTheMethod() {
    mock.enqueue(
        new MockResponse.Builder()
            .code(501)
            .setHeader("Content-Type", "text/xml")
            .body(
                "<?xml version=\"1.0\" encoding=\"UTF-8\" ?><hash><error>The requested method is"
                    + " not implemented.</error></hash>")
            .build());
    RedcapException e = fail(() -> mock.client().project().exportRepeatingFormsEvents());
    assertThat(e.kind()).isEqualTo(Kind.SERVER);
    assertThat(e.redcapMessage()).isEqualTo("The requested method is not implemented.");
    assertThat(e.getMessage()).contains("content=repeatingFormsEvents").contains("/api/");
  }

  @Test
  void html404SaysTheUrlIsNotAnApiEndpoint() {
    mock.enqueue(
        MockRedcap.text(
            404,
            "<!DOCTYPE HTML PUBLIC \"-//IETF//DTD HTML 2.0//EN\">"
                + "<html><head><title>404 Not Found</title></head><body><h1>Not Found</h1><p>The requested"
                + " URL was not found on this server.</p></body></html>"));
    RedcapException e = fail(() -> mock.client().project().exportInstruments());
    assertThat(e.kind()).isEqualTo(Kind.PROTOCOL);
    assertThat(e.httpStatus()).isEqualTo(404);
    assertThat(e.redcapMessage()).isNull();
    assertThat(e.getMessage())
        .contains("not a REDCap API endpoint")
        .contains("/api/")
        .contains("404 Not Found");
  }

  @Test
  void readRetries500ThenReportsTheLastErrorAndTheAttempts() throws Exception {
    for (int i = 0; i < 3; i++) {
      mock.enqueue(MockRedcap.json(500, "{\"error\":\"REDCap ran out of server memory\"}"));
    }
    RedcapException e = fail(() -> mock.client().project().exportInstruments());
    assertThat(e.kind()).isEqualTo(Kind.SERVER);
    assertThat(e.redcapMessage()).isEqualTo("REDCap ran out of server memory");
    assertThat(e.getMessage()).contains("Gave up after 3 attempts");
    assertThat(mock.server.getRequestCount()).isEqualTo(3);
    assertThat(mock.allLogText()).contains("retry 1 of 2").contains("retry 2 of 2");
  }

  @Test
  void status429WithRetryAfterIsHonouredThenSucceeds() throws Exception {
    mock.enqueue(
        new MockResponse.Builder()
            .code(429)
            .setHeader("Retry-After", "1")
            .body("Too many requests")
            .build());
    mock.json("[{\"instrument_name\":\"demographics\",\"instrument_label\":\"Demographics\"}]");
    long t0 = System.nanoTime();
    List<Map<String, String>> rows = mock.client().project().exportInstruments();
    long elapsedMs = (System.nanoTime() - t0) / 1_000_000;
    assertThat(rows)
        .containsExactly(
            Map.of("instrument_name", "demographics", "instrument_label", "Demographics"));
    assertThat(elapsedMs).as("waited for Retry-After: 1").isGreaterThanOrEqualTo(950);
    assertThat(mock.server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void retryAfterAcceptsSecondsAndHttpDates() {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    assertThat(RetryPolicy.retryAfterMillis("7", now)).isEqualTo(7000);
    String date =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(now.plusSeconds(30).atOffset(ZoneOffset.UTC));
    assertThat(RetryPolicy.retryAfterMillis(date, now)).isEqualTo(30_000);
    assertThat(RetryPolicy.retryAfterMillis("soon", now)).isEqualTo(-1);
    assertThat(RetryPolicy.retryAfterMillis(null, now)).isEqualTo(-1);
  }

  @Test
  void backoffGrowsExponentiallyWithJitterWithinBounds() {
    RetryPolicy p = new RetryPolicy(5, Duration.ofMillis(100));
    for (int i = 0; i < 50; i++) {
      assertThat(p.backoffMillis(0)).isBetween(50L, 100L);
      assertThat(p.backoffMillis(3)).isBetween(400L, 800L);
    }
  }

  @Test
  void importIsNotRetriedAfterA500AndSaysWhy() throws Exception {
    mock.enqueue(MockRedcap.json(500, "{\"error\":\"Internal error\"}"));
    mock.json("{\"count\":1}"); // must never be fetched
    RedcapException e =
        fail(
            () ->
                mock.client()
                    .records()
                    .importRecords(
                        RecordImportRequest.builder()
                            .rows(List.of(Map.of("record_id", "1")))
                            .build()));
    assertThat(e.kind()).isEqualTo(Kind.SERVER);
    assertThat(e.getMessage()).contains("Not retried");
    assertThat(mock.server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void deleteIsNotRetriedAfterA503() {
    mock.enqueue(MockRedcap.json(503, "{\"error\":\"busy\"}"));
    RedcapException e = fail(() -> mock.client().records().deleteRecords(List.of("1")));
    assertThat(e.getMessage()).contains("Not retried");
    assertThat(mock.server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void connectionRefusedIsRetriedEvenForWritesThenReportedAsTransport() throws Exception {
    int port = mock.server.getPort();
    mock.server.close();
    RedcapClient client =
        RedcapClient.builder()
            .url("http://127.0.0.1:" + port + "/api/")
            .token(MockRedcap.TOKEN)
            .maxRetries(2)
            .retryBaseDelay(Duration.ofMillis(1))
            .build();
    RedcapException e = fail(() -> client.records().deleteRecords(List.of("1")));
    assertThat(e.kind()).isEqualTo(Kind.TRANSPORT);
    assertThat(e.httpStatus()).isZero();
    assertThat(e.getMessage()).contains("could not connect").contains("Gave up after 3");
    assertThat(mock.allLogText()).contains("retry 2 of 2");
  }

  @Test
  void unknownHostIsATransportError() {
    RedcapClient client =
        RedcapClient.builder()
            .url("https://redcap.invalid/api/")
            .token(MockRedcap.TOKEN)
            .maxRetries(0)
            .build();
    RedcapException e = fail(() -> client.project().exportVersion());
    assertThat(e.kind()).isEqualTo(Kind.TRANSPORT);
    assertThat(e.getMessage()).contains("redcap.invalid").contains("could not be resolved");
  }

  @Test
  void readTimeoutIsATransportErrorThatSuggestsRaisingTheTimeout() {
    mock.enqueue(
        new MockResponse.Builder()
            .headersDelay(2, java.util.concurrent.TimeUnit.SECONDS)
            .body("[]")
            .build());
    RedcapClient client =
        mock.clientBuilder().readTimeout(Duration.ofMillis(300)).maxRetries(0).build();
    RedcapException e = fail(() -> client.project().exportInstruments());
    assertThat(e.kind()).isEqualTo(Kind.TRANSPORT);
    assertThat(e.getMessage()).contains("timed out").contains("readTimeout");
  }

  @Test
  void errorBodyWithHttp200IsAServerError() {
    mock.json("{\"error\":\"You cannot export arms for classic projects\"}");
    RedcapException e = fail(() -> mock.client().project().exportArms(List.of()));
    assertThat(e.kind()).isEqualTo(Kind.SERVER);
    assertThat(e.redcapMessage()).isEqualTo("You cannot export arms for classic projects");
  }

  @Test
  void oldServerErrorWithExtraKeysKeepsThem() {
    mock.enqueue(
        MockRedcap.json(
            400,
            "{\"error\":\"The following fields were not found in the"
                + " project\",\"fields\":[\"foo\",\"bar\"]}"));
    RedcapException e = fail(() -> mock.client().project().exportMetadata());
    assertThat(e.redcapMessage())
        .startsWith("The following fields were not found in the project")
        .contains("foo, bar");
  }

  @Test
  void validationLinesOfAnImportArriveVerbatim() {
    String lines =
        "\"1\",\"weight_kg\",\"22\",\"The value you provided could not be validated"
            + " because it does not follow the expected format. Please try again.\"\n"
            + "\"2\",\"dob\",\"x\",\"bad date\"";
    mock.enqueue(MockRedcap.json(400, "{\"error\":" + jsonString(lines) + "}"));
    RedcapException e =
        fail(
            () ->
                mock.client()
                    .records()
                    .importRecords(
                        RecordImportRequest.builder()
                            .rows(List.of(Map.of("record_id", "1")))
                            .build()));
    assertThat(e.kind()).isEqualTo(Kind.VALIDATION);
    assertThat(e.redcapMessage()).isEqualTo(lines);
  }

  @Test
  void aServerEchoingTheTokenHasItRedacted() {
    mock.enqueue(MockRedcap.text(403, "ERROR: token " + MockRedcap.TOKEN + " is not valid"));
    RedcapException e = fail(() -> mock.client().project().exportInstruments());
    assertThat(e.redcapMessage()).contains("[token]");
  }

  @Test
  void tokenAppearsNowhereInToStringOrClientDescription() {
    RedcapClient client = mock.client();
    assertThat(client.toString()).contains("/api/").doesNotContain(MockRedcap.TOKEN);
    assertThat(ApiToken.of(MockRedcap.TOKEN).toString()).doesNotContain(MockRedcap.TOKEN);
    assertThat(RecordExportRequest.all().toString()).doesNotContain(MockRedcap.TOKEN);
  }

  private static String jsonString(String s) {
    try {
      return Jsons.MAPPER.writeValueAsString(s);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
