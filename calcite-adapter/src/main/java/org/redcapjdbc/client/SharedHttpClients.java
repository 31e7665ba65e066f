package org.redcapjdbc.client;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.OkHttpClient;

/**
 * One OkHttp base client per TLS and proxy setting, kept for the life of the class loader, so that
 * every {@link RedcapClient} built with the same {@link HttpOptions} shares its connection pool
 * and threads (each client derives its own timeouts from it; see
 * {@link RedcapClient.Builder#httpClient}). The key holds a one-way digest of the trust store
 * password, never the password.
 */
public final class SharedHttpClients {
  private static final Map<String, OkHttpClient> BASES = new ConcurrentHashMap<>();

  private SharedHttpClients() {}

  /**
   * The shared base client for {@code options}, built on first use.
   *
   * @throws IllegalArgumentException for an unreadable trust store; such a client is not kept, so
   *     the failure is this call's only
   */
  public static OkHttpClient forOptions(HttpOptions options) {
    char[] password = options.trustStorePassword();
    String key =
        (options.trustStore() == null ? "" : options.trustStore().toString())
            + "|"
            + (password == null ? "" : digest(new String(password)))
            + "|"
            + options.sslVerify()
            + "|"
            + (options.proxy() == null ? "" : options.proxy());
    OkHttpClient existing = BASES.get(key);
    if (existing != null) {
      return existing;
    }
    // Built outside computeIfAbsent: reading a trust store may fail, and must fail this call only.
    OkHttpClient built = RedcapHttp.newHttpClient(options);
    OkHttpClient raced = BASES.putIfAbsent(key, built);
    return raced != null ? raced : built;
  }

  private static String digest(String secret) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }
}
