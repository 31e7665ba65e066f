package org.redcapjdbc.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.schema.SchemaPlus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link RedcapSchemas#attach(SchemaPlus, RedcapConfig, RedcapSchemas.WhileLoading)}: the
 * project's structure loads on another thread while the caller's work runs on its own, the work
 * is told when the load has finished, a failed load is reported as before, and the work cannot
 * break the connection.
 */
class RedcapSchemasWhileLoadingTest {
  private static final String TOKEN = "0123456789ABCDEF0123456789ABCDEF";

  private final MockWebServer server = new MockWebServer();

  /**
   * Opened by the test's work; the DAG export (a structural call the load waits for; connecting
   * sends no record export) waits for it.
   */
  private final CountDownLatch workStarted = new CountDownLatch(1);

  private final AtomicBoolean structuralCallSawWork = new AtomicBoolean();
  private volatile boolean refuse;

  @BeforeEach
  void start() throws Exception {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
            if (refuse) {
              return json(403, "{\"error\":\"You do not have permissions to use the API\"}");
            }
            String body = URLDecoder.decode(request.getBody().utf8(), StandardCharsets.UTF_8);
            String content = body.replaceAll("^.*(?:^|&)content=([a-zA-Z]+).*$", "$1");
            switch (content) {
              case "version":
                return new MockResponse.Builder().code(200).body("15.2.1").build();
              case "project":
                return json(
                    200,
                    "{\"project_id\":1,\"project_title\":\"Warm\",\"is_longitudinal\":0,"
                        + "\"has_repeating_instruments_or_events\":0,\"record_autonumbering_enabled\":0}");
              case "metadata":
                return json(
                    200,
                    "[{\"field_name\":\"record_id\",\"form_name\":\"intake\","
                        + "\"field_type\":\"text\",\"field_label\":\"ID\"},"
                        + "{\"field_name\":\"age\",\"form_name\":\"intake\",\"field_type\":\"text\","
                        + "\"field_label\":\"Age\",\"text_validation_type_or_show_slider_number\":"
                        + "\"integer\"}]");
              case "instrument":
                return json(
                    200, "[{\"instrument_name\":\"intake\",\"instrument_label\":\"Intake\"}]");
              case "dag":
                structuralCallSawWork.set(workStarted.await(10, TimeUnit.SECONDS));
                return json(200, "[]");
              case "record":
                return json(200, "[{\"record_id\":\"1\"},{\"record_id\":\"2\"}]");
              default:
                return json(400, "{\"error\":\"unexpected content " + content + "\"}");
            }
          }
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder()
        .code(code)
        .setHeader("Content-Type", "application/json; charset=utf-8")
        .body(body)
        .build();
  }

  private RedcapConfig config() {
    return RedcapConfig.builder()
        .url(URI.create(server.url("/api/").toString()))
        .token(TOKEN)
        .build();
  }

  private static SchemaPlus root() {
    return CalciteSchema.createRootSchema(false).plus();
  }

  @Test
  void theWorkRunsOnTheCallingThreadWhileTheProjectLoads() throws Exception {
    Thread caller = Thread.currentThread();
    AtomicReference<Thread> ranOn = new AtomicReference<>();
    SchemaPlus root = root();
    try (RedcapSession session =
        RedcapSchemas.attach(
            root,
            config(),
            loadFinished -> {
              ranOn.set(Thread.currentThread());
              workStarted.countDown();
            })) {
      assertThat(ranOn.get()).isSameAs(caller);
      // The DAG export was answered only once the work had started: the two overlapped.
      assertThat(structuralCallSawWork).isTrue();
      assertThat(session.serverVersion()).isEqualTo("15.2.1");
      assertThat(root.getSubSchema(RedcapSchemas.DATA_SCHEMA).getTableNames())
          .contains("records", "intake");
    }
  }

  @Test
  void workThatFailsDoesNotStopTheConnection() throws Exception {
    SchemaPlus root = root();
    try (RedcapSession session =
        RedcapSchemas.attach(
            root,
            config(),
            loadFinished -> {
              workStarted.countDown();
              throw new IllegalStateException("warm-up broke");
            })) {
      assertThat(root.getSubSchema(RedcapSchemas.DATA_SCHEMA).getTableNames()).contains("records");
    }
  }

  @Test
  void theWorkIsToldWhenTheLoadHasFinished() throws Exception {
    AtomicBoolean finishedAtStart = new AtomicBoolean(true);
    AtomicBoolean sawFinish = new AtomicBoolean();
    try (RedcapSession session =
        RedcapSchemas.attach(
            root(),
            config(),
            loadFinished -> {
              finishedAtStart.set(loadFinished.getAsBoolean());
              workStarted.countDown();
              sawFinish.set(waitFor(loadFinished));
            })) {
      assertThat(finishedAtStart).isFalse();
      assertThat(sawFinish).isTrue();
    }
  }

  @Test
  void aFailedLoadEndsTheWorkAndIsReportedAsBefore() throws Exception {
    refuse = true;
    AtomicBoolean sawFinish = new AtomicBoolean();
    assertThatThrownBy(
            () ->
                RedcapSchemas.attach(
                    root(), config(), loadFinished -> sawFinish.set(waitFor(loadFinished))))
        .isInstanceOf(SQLInvalidAuthorizationSpecException.class)
        .hasMessageContaining("You do not have permissions to use the API")
        .hasMessageNotContaining(TOKEN);
    assertThat(sawFinish).isTrue();
  }

  private static boolean waitFor(java.util.function.BooleanSupplier condition) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    return condition.getAsBoolean();
  }
}
