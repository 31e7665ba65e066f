package org.redcapjdbc.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redcapjdbc.client.RedcapException.Kind;

/**
 * The request governor as calls meet it, in real time against a MockWebServer (a fresh port per
 * test, so a fresh governor): a call waiting for a slot is cancelled at once, and a Retry-After
 * answer to one client holds another client's calls to the same host.
 */
class GovernedTransportTest {
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

  @Test
  void aCallWaitingForASlotStopsPromptlyWhenCancelled() throws Exception {
    RedcapClient client = mock.clientBuilder().maxRequestsPerMinute(1).build();
    mock.server.enqueue(MockRedcap.text(200, "15.0.0"));
    mock.json("[]");
    assertThat(client.project().exportVersion()).isEqualTo("15.0.0");

    RowCursor cursor = client.records().export(RecordExportRequest.all());
    CompletableFuture<Boolean> next = CompletableFuture.supplyAsync(cursor::next);
    Thread.sleep(300);
    assertThat(next).as("the second request of the minute waits").isNotDone();
    long cancelledAt = System.nanoTime();
    cursor.cancel();
    try {
      next.get(5, TimeUnit.SECONDS);
      throw new AssertionError("next() returned after cancel()");
    } catch (ExecutionException e) {
      assertThat(e.getCause()).isInstanceOf(RedcapException.class);
      assertThat(((RedcapException) e.getCause()).kind()).isEqualTo(Kind.CANCELLED);
    }
    assertThat(Duration.ofNanos(System.nanoTime() - cancelledAt)).isLessThan(Duration.ofSeconds(1));
    assertThat(mock.server.getRequestCount()).as("the waiting call sent nothing").isEqualTo(1);
    assertThat(mock.allLogText())
        .contains("before the next request to http://" + mock.server.getHostName());
  }

  @Test
  void aRetryAfterAnswerHoldsOtherClientsOfTheHost() throws Exception {
    RedcapClient first = mock.clientBuilder().maxRetries(0).build();
    RedcapClient second = mock.clientBuilder().build();
    mock.enqueue(
        new MockResponse.Builder()
            .code(429)
            .setHeader("Retry-After", "2")
            .body("{\"error\":\"too many requests\"}")
            .build());
    mock.server.enqueue(MockRedcap.text(200, "15.0.0"));

    RedcapException refused = null;
    try {
      first.project().exportVersion();
    } catch (RedcapException e) {
      refused = e;
    }
    assertThat(refused).isNotNull();
    assertThat(refused.httpStatus()).isEqualTo(429);
    long after429 = System.nanoTime();
    assertThat(second.project().exportVersion()).isEqualTo("15.0.0");
    assertThat(Duration.ofNanos(System.nanoTime() - after429))
        .as("the other client waited for the Retry-After")
        .isGreaterThan(Duration.ofMillis(1_800));
  }

  @Test
  void zeroTurnsTheGovernorOff() throws Exception {
    RedcapClient first = mock.clientBuilder().maxRetries(0).maxRequestsPerMinute(0).build();
    RedcapClient second = mock.clientBuilder().maxRequestsPerMinute(0).build();
    mock.enqueue(
        new MockResponse.Builder().code(429).setHeader("Retry-After", "2").body("{}").build());
    for (int i = 0; i < 5; i++) {
      mock.server.enqueue(MockRedcap.text(200, "15.0.0"));
    }
    try {
      first.project().exportVersion();
    } catch (RedcapException expected) {
      // refused with 429: not waited for by the other client
    }
    long start = System.nanoTime();
    for (int i = 0; i < 5; i++) {
      second.project().exportVersion();
    }
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1_500));
  }
}
