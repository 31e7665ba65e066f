package org.redcapjdbc.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import okio.BufferedSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redcapjdbc.client.RedcapException.Kind;

/**
 * Streaming: runs in its own surefire execution with {@code -Xmx64m} (see the module pom), so a
 * cursor that buffered the response would run out of memory. The mock server writes the body row
 * by row as the client reads it; it never holds the response either.
 */
class StreamingSmallHeapTest {
  private static final int ROWS = 200_000;

  private MockRedcap mock;

  @BeforeEach
  void start() throws Exception {
    mock = new MockRedcap();
    // Logging every row at TRACE is not the point here; keep the capture for token checks only.
    ((ch.qos.logback.classic.Logger)
            org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
        .setLevel(ch.qos.logback.classic.Level.INFO);
  }

  @AfterEach
  void stop() throws Exception {
    mock.assertTokenNeverLogged();
    mock.close();
  }

  /** Writes {@code rows} record rows (about 330 bytes each), then optionally stalls or ends. */
  static final class StreamedRows implements MockResponseBody {
    final long rows;
    final CountDownLatch stall;
    final CountDownLatch clientGone = new CountDownLatch(1);
    final AtomicLong written = new AtomicLong();

    StreamedRows(long rows, CountDownLatch stall) {
      this.rows = rows;
      this.stall = stall;
    }

    @Override
    public long getContentLength() {
      return -1; // chunked: nothing is built up front
    }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
      try {
        sink.writeUtf8("[");
        for (long i = 1; i <= rows; i++) {
          sink.writeUtf8(i == 1 ? "" : ",")
              .writeUtf8("{\"record_id\":\"")
              .writeUtf8(Long.toString(i))
              .writeUtf8(
                  "\",\"redcap_event_name\":\"baseline_arm_1\","
                      + "\"redcap_repeat_instrument\":\"\",\"redcap_repeat_instance\":")
              .writeUtf8(i % 3 == 0 ? "2" : "\"\"")
              .writeUtf8(
                  ",\"name_first\":\"Nutmeg\",\"name_last\":\"Nutmouse\",\"address\":"
                      + "\"14 Rose Cottage St.\\nKenning UK, 323232\",\"dob\":\"2003-08-30\","
                      + "\"age\":\"11\",\"sex\":\"0\",\"race___1\":\"0\",\"race___2\":\"1\","
                      + "\"demographics_complete\":\"2\"}");
          written.incrementAndGet();
          if (i % 1000 == 0) {
            sink.flush();
          }
          if (stall != null && i == 5) {
            sink.flush();
            stall.await(20, TimeUnit.SECONDS);
          }
        }
        sink.writeUtf8("]");
        sink.flush();
      } catch (IOException e) {
        clientGone.countDown();
        throw e;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException(e);
      }
    }
  }

  @Test
  void twoHundredThousandRowsIterateInASmallHeap() {
    assertThat(Runtime.getRuntime().maxMemory())
        .as("this class runs with -Xmx64m")
        .isLessThan(100L * 1024 * 1024);
    StreamedRows body = new StreamedRows(ROWS, null);
    // No Content-Length and no chunking: the body ends when the server closes the connection.
    mock.enqueue(
        new MockResponse.Builder()
            .body(body)
            .onResponseEnd(mockwebserver3.SocketEffect.ShutdownConnection.INSTANCE)
            .build());
    long t0 = System.nanoTime();
    long sum = 0;
    int instances = 0;
    try (RecordCursor c = mock.client().records().export(RecordExportRequest.all())) {
      c.bind(List.of("record_id", "redcap_repeat_instance", "address", "race___2"));
      while (c.next()) {
        sum += Long.parseLong(c.value(0));
        if ("2".equals(c.value(1))) {
          instances++;
        }
      }
      assertThat(c.rowCount()).isEqualTo(ROWS);
      assertThat(c.unboundColumns()).hasSize(9).contains("name_first", "dob");
    }
    long ms = (System.nanoTime() - t0) / 1_000_000;
    assertThat(sum).isEqualTo((long) ROWS * (ROWS + 1) / 2);
    assertThat(instances).isEqualTo(ROWS / 3);
    System.out.printf(
        "streamed %d rows (~%d MB) in %d ms with max heap %d MB%n",
        ROWS, ROWS * 330L / 1_000_000, ms, Runtime.getRuntime().maxMemory() / (1024 * 1024));
  }

  @Test
  void closingAfterTenRowsAbortsTheCallPromptly() throws Exception {
    StreamedRows body = new StreamedRows(10_000_000, null); // ~3 GB if anyone drained it
    mock.enqueue(new MockResponse.Builder().body(body).build());
    RecordCursor c =
        mock.client().records().export(RecordExportRequest.all()).bind(List.of("record_id"));
    for (int i = 0; i < 10; i++) {
      assertThat(c.next()).isTrue();
    }
    long t0 = System.nanoTime();
    c.close();
    long closeMs = (System.nanoTime() - t0) / 1_000_000;
    assertThat(closeMs).as("close() returns promptly").isLessThan(500);
    assertThat(body.clientGone.await(5, TimeUnit.SECONDS))
        .as("the server saw the connection closed")
        .isTrue();
    assertThat(body.written.get()).as("the body was not drained").isLessThan(1_000_000);
  }

  @Test
  void cancelFromAnotherThreadEndsABlockedNext() throws Exception {
    CountDownLatch stall = new CountDownLatch(1);
    StreamedRows body = new StreamedRows(10_000_000, stall);
    mock.enqueue(new MockResponse.Builder().body(body).build());
    try {
      RecordCursor c =
          mock.client().records().export(RecordExportRequest.all()).bind(List.of("record_id"));
      for (int i = 0; i < 5; i++) {
        assertThat(c.next()).isTrue();
      }
      Thread canceller =
          new Thread(
              () -> {
                try {
                  Thread.sleep(300);
                } catch (InterruptedException e) {
                  return;
                }
                c.cancel();
              },
              "test-canceller");
      canceller.start();
      long t0 = System.nanoTime();
      RedcapException e =
          org.junit.jupiter.api.Assertions.assertThrows(RedcapException.class, c::next);
      long ms = (System.nanoTime() - t0) / 1_000_000;
      assertThat(e.kind()).isEqualTo(Kind.CANCELLED);
      assertThat(e.getMessage()).contains("cancelled");
      assertThat(ms).isBetween(200L, 3000L);
      canceller.join();
      c.close();
      stall.countDown(); // the server writes again and finds the connection gone
      assertThat(body.clientGone.await(5, TimeUnit.SECONDS)).isTrue();
    } finally {
      stall.countDown();
    }
  }
}
