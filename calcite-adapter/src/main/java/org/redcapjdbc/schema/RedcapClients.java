package org.redcapjdbc.schema;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.OkHttpClient;
import org.redcapjdbc.client.HttpOptions;
import org.redcapjdbc.client.RedcapClient;
import org.redcapjdbc.client.RedcapHttp;

/**
 * Builds the {@link RedcapClient} of a connection from its {@link RedcapConfig}. Connections with
 * the same TLS and proxy settings share one OkHttp base client, so they share its connection pool
 * and threads; each connection derives its own timeouts and retry policy from it.
 */
final class RedcapClients {
  private static final Map<String, OkHttpClient> BASES = new ConcurrentHashMap<>();

  private RedcapClients() {
  }

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
        .httpClient(base(config));
  }

  private static OkHttpClient base(RedcapConfig config) {
    String key = config.trustStore().map(Object::toString).orElse("") + "|"
        + config.trustStorePassword().map(TokenDigest::of).orElse("") + "|"
        + config.sslVerify() + "|" + config.proxy().orElse("");
    OkHttpClient existing = BASES.get(key);
    if (existing != null) {
      return existing;
    }
    // Built outside computeIfAbsent: reading a trust store may fail, and must fail this call only.
    HttpOptions.Builder options = HttpOptions.builder().sslVerify(config.sslVerify())
        .proxy(config.proxy().orElse(null));
    config.trustStore().ifPresent(path -> options.trustStore(path,
        config.trustStorePassword().map(String::toCharArray).orElse(null)));
    OkHttpClient built = RedcapHttp.newHttpClient(options.build());
    OkHttpClient raced = BASES.putIfAbsent(key, built);
    return raced != null ? raced : built;
  }
}
