package org.redcapjdbc.client;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.slf4j.LoggerFactory;

/** A MockWebServer standing in for REDCap, plus helpers to read what the client sent. */
final class MockRedcap implements AutoCloseable {
  static final String TOKEN = "0123456789ABCDEF0123456789ABCDEF";

  final MockWebServer server = new MockWebServer();
  final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  private final Level previousLevel = root.getLevel();

  MockRedcap() throws Exception {
    server.start();
    logs.start();
    root.addAppender(logs);
    root.setLevel(Level.TRACE);
  }

  String url() {
    return server.url("/api/").toString();
  }

  RedcapClient client() {
    return clientBuilder().build();
  }

  RedcapClient.Builder clientBuilder() {
    return RedcapClient.builder()
        .url(url())
        .token(TOKEN)
        .retryBaseDelay(Duration.ofMillis(5))
        .maxRetries(2)
        .readTimeout(Duration.ofSeconds(20));
  }

  void enqueue(MockResponse response) {
    server.enqueue(response);
  }

  void json(String body) {
    server.enqueue(json(200, body));
  }

  static MockResponse json(int code, String body) {
    return new MockResponse.Builder()
        .code(code)
        .setHeader("Content-Type", "application/json; charset=utf-8")
        .body(body)
        .build();
  }

  static MockResponse text(int code, String body) {
    return new MockResponse.Builder()
        .code(code)
        .setHeader("Content-Type", "text/html; charset=utf-8")
        .body(body)
        .build();
  }

  RecordedRequest take() throws InterruptedException {
    RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(r).as("a request reached the server").isNotNull();
    return r;
  }

  /** Takes a request, checks it is a form POST with the token in the body only, returns params. */
  Map<String, List<String>> takeForm() throws InterruptedException {
    RecordedRequest r = take();
    assertThat(r.getMethod()).isEqualTo("POST");
    assertThat(r.getHeaders().get("Content-Type")).startsWith("application/x-www-form-urlencoded");
    assertThat(r.getUrl().toString()).doesNotContain(TOKEN).doesNotContain("token");
    Map<String, List<String>> form = parseForm(r.getBody().utf8());
    assertThat(form.get("token")).containsExactly(TOKEN);
    return form;
  }

  static Map<String, List<String>> parseForm(String body) {
    Map<String, List<String>> form = new LinkedHashMap<>();
    if (body.isEmpty()) {
      return form;
    }
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      String k = URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8);
      String v = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      form.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
    }
    return form;
  }

  /** The values of an indexed array parameter name[0], name[1], … in order. */
  static List<String> array(Map<String, List<String>> form, String name) {
    List<String> out = new ArrayList<>();
    for (int i = 0; form.containsKey(name + "[" + i + "]"); i++) {
      out.add(form.get(name + "[" + i + "]").get(0));
    }
    return out;
  }

  static String one(Map<String, List<String>> form, String name) {
    List<String> v = form.get(name);
    return v == null ? null : v.get(0);
  }

  String allLogText() {
    return logs.list.stream()
        .map(
            e ->
                e.getFormattedMessage()
                    + (e.getThrowableProxy() == null
                        ? ""
                        : " " + e.getThrowableProxy().getMessage()))
        .collect(Collectors.joining("\n"));
  }

  /** The token must appear in no log line, and no thread name. */
  void assertTokenNeverLogged() {
    assertThat(allLogText()).doesNotContain(TOKEN).doesNotContain(TOKEN.toLowerCase());
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      assertThat(t.getName()).doesNotContain(TOKEN);
    }
  }

  static void assertNoToken(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      assertThat(String.valueOf(t.getMessage())).doesNotContain(TOKEN);
      assertThat(t.toString()).doesNotContain(TOKEN);
    }
  }

  @Override
  public void close() throws Exception {
    root.detachAppender(logs);
    root.setLevel(previousLevel);
    server.close();
  }
}
