package org.redcapjdbc.schema;

import java.time.Duration;
import org.redcapjdbc.client.HttpOptions;
import org.redcapjdbc.client.RedcapClient;
import org.redcapjdbc.client.SharedHttpClients;

/**
 * Builds the {@link RedcapClient} of a connection from its {@link RedcapConfig}: the mapping of
 * connection settings onto the client's builder. The OkHttp clients themselves are the client
 * package's ({@link SharedHttpClients}): connections with the same TLS and proxy settings share
 * one base client, and each derives its own timeouts and retry policy from it.
 */
final class RedcapClients {

  private RedcapClients() {}

  /**
   * @throws IllegalArgumentException for a URL the client refuses (plain http to another host
   *     without allowHttp, a query string), an unreadable trust store or a malformed proxy
   */
  static RedcapClient forConfig(RedcapConfig config) {
    return builder(config)
        .connectTimeout(config.connectTimeout())
        .readTimeout(config.readTimeout())
        .maxRetries(config.maxRetries())
        .build();
  }

  /** A client for a liveness probe: no retries, and both timeouts at {@code timeout}. */
  static RedcapClient forProbe(RedcapConfig config, Duration timeout) {
    return builder(config).connectTimeout(timeout).readTimeout(timeout).maxRetries(0).build();
  }

  private static RedcapClient.Builder builder(RedcapConfig config) {
    return RedcapClient.builder()
        .url(config.url().toString())
        .token(config.token())
        .allowHttp(config.allowHttp())
        .maxRequestsPerMinute(config.maxRequestsPerMinute())
        .httpClient(SharedHttpClients.forOptions(httpOptions(config)));
  }

  private static HttpOptions httpOptions(RedcapConfig config) {
    HttpOptions.Builder options =
        HttpOptions.builder().sslVerify(config.sslVerify()).proxy(config.proxy().orElse(null));
    config
        .trustStore()
        .ifPresent(
            path ->
                options.trustStore(
                    path, config.trustStorePassword().map(String::toCharArray).orElse(null)));
    return options.build();
  }
}
