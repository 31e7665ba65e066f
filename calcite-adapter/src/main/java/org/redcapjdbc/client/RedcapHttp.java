package org.redcapjdbc.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.Dispatcher;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the {@link OkHttpClient} the REDCap client runs on, and holds the URL policy: plain
 * {@code http://} is refused unless the host is loopback or the caller allowed it, because the
 * token travels in the request body.
 */
public final class RedcapHttp {
  private static final Logger LOG = LoggerFactory.getLogger(RedcapHttp.class);

  private RedcapHttp() {}

  /**
   * A client configured from {@code options}: trust store or, with {@code sslVerify=false}, no
   * verification at all (logged as a warning); an HTTP proxy; dispatcher threads named
   * {@code redcap-http-N}. Timeouts and redirect handling are set by {@link RedcapClient}.
   *
   * @throws IllegalArgumentException if the trust store cannot be read or the proxy is malformed
   */
  public static OkHttpClient newHttpClient(HttpOptions options) {
    OkHttpClient.Builder b =
        new OkHttpClient.Builder()
            .dispatcher(
                new Dispatcher(
                    new ThreadPoolExecutor(
                        0,
                        Integer.MAX_VALUE,
                        60,
                        TimeUnit.SECONDS,
                        new SynchronousQueue<>(),
                        daemonThreads("redcap-http-"))));
    if (!options.sslVerify()) {
      LOG.warn(
          "TLS certificate and host-name verification is OFF (sslVerify=false): anyone on the"
              + " network path can read the API token and the data. Use a trust store instead.");
      X509TrustManager trustAll = new TrustAllManager();
      b.sslSocketFactory(sslContext(trustAll).getSocketFactory(), trustAll)
          .hostnameVerifier((host, session) -> true);
    } else if (options.trustStore() != null) {
      X509TrustManager tm = trustManager(options);
      b.sslSocketFactory(sslContext(tm).getSocketFactory(), tm);
    }
    if (options.proxy() != null) {
      b.proxy(new Proxy(Proxy.Type.HTTP, parseProxy(options.proxy())));
    }
    return b.build();
  }

  /**
   * Refuses {@code http://} URLs unless the host is loopback or {@code allowHttp} is set.
   *
   * @throws IllegalArgumentException naming the URL and the property that allows it
   */
  public static void checkScheme(HttpUrl url, boolean allowHttp) {
    if (!url.isHttps() && !allowHttp && !isLoopback(url.host())) {
      throw new IllegalArgumentException(
          "Refusing plain http:// to "
              + url.host()
              + ": the API"
              + " token would travel unencrypted. Use the https:// URL, or set allowHttp=true if the"
              + " network is trusted.");
    }
  }

  /** True for {@code localhost} and loopback IP literals; never does a DNS lookup. */
  public static boolean isLoopback(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    return h.equals("localhost")
        || h.endsWith(".localhost")
        || h.equals("::1")
        || h.equals("0:0:0:0:0:0:0:1")
        || h.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
  }

  static InetSocketAddress parseProxy(String hostPort) {
    int colon = hostPort.lastIndexOf(':');
    if (colon <= 0 || colon == hostPort.length() - 1) {
      throw new IllegalArgumentException("proxy must be host:port, was '" + hostPort + "'");
    }
    String host = hostPort.substring(0, colon);
    int port;
    try {
      port = Integer.parseInt(hostPort.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("proxy must be host:port, was '" + hostPort + "'", e);
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("proxy port must be 1-65535, was " + port);
    }
    return InetSocketAddress.createUnresolved(host, port);
  }

  /** Derives the client the REDCap client uses: its timeouts, and redirects left to us. */
  static OkHttpClient forRedcap(OkHttpClient base, Duration connectTimeout, Duration readTimeout) {
    return base.newBuilder()
        .connectTimeout(connectTimeout)
        .readTimeout(readTimeout)
        .writeTimeout(readTimeout)
        // OkHttp follows 301/302 with a GET that drops the body; Transport re-POSTs instead.
        .followRedirects(false)
        .followSslRedirects(false)
        // OkHttp would otherwise re-send a read at once, unlogged and without limit, whenever
        // the server resets the connection (seven requests with maxRetries=0 in tests): exactly
        // the hammering that gets clients banned. Transport retries instead, with backoff,
        // within maxRetries.
        .retryOnConnectionFailure(false)
        .build();
  }

  static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  private static X509TrustManager trustManager(HttpOptions options) {
    String file = options.trustStore().getFileName().toString().toLowerCase(Locale.ROOT);
    String type =
        options.trustStoreType() != null
            ? options.trustStoreType()
            : file.endsWith(".jks") ? "JKS" : "PKCS12";
    try (InputStream in = Files.newInputStream(options.trustStore())) {
      KeyStore ks = KeyStore.getInstance(type);
      ks.load(in, options.trustStorePassword());
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(ks);
      for (TrustManager tm : tmf.getTrustManagers()) {
        if (tm instanceof X509TrustManager) {
          return (X509TrustManager) tm;
        }
      }
      throw new IllegalArgumentException(
          "The trust store " + options.trustStore() + " yields no X.509 trust manager");
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException(
          "Cannot read the trust store "
              + options.trustStore()
              + " as "
              + type
              + ": check the path, the password and the type ("
              + e.getMessage()
              + ")",
          e);
    }
  }

  private static SSLContext sslContext(X509TrustManager tm) {
    try {
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(null, new TrustManager[] {tm}, new SecureRandom());
      return ctx;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("TLS is not available in this JVM", e);
    }
  }

  /** Accepts every certificate: only for {@code sslVerify=false}. */
  private static final class TrustAllManager implements X509TrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
