package org.redcapjdbc.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class LifecycleTest {

  @Test
  void closeIsIdempotentAndStopsListening() throws Exception {
    RedcapEmulator emulator = RedcapEmulator.builder().build().start();
    String url = emulator.url();
    emulator.close();
    assertThatCode(emulator::close).as("a second close does nothing").doesNotThrowAnyException();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url))
            .POST(HttpRequest.BodyPublishers.ofString("content=version"))
            .build();
    boolean refused;
    try {
      HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding());
      refused = false;
    } catch (IOException e) {
      refused = true;
    }
    assertThat(refused).as("nothing listens after close").isTrue();
  }
}
