package org.redcapjdbc.client;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * How to reach the server: TLS trust and proxy. Immutable; build with {@link #builder()}, turn into
 * an {@code OkHttpClient} with {@link RedcapHttp#newHttpClient(HttpOptions)}. The driver fills it
 * from its {@code trustStore}, {@code trustStorePassword}, {@code sslVerify} and {@code proxy}
 * properties. {@link #toString()} never shows the trust-store password.
 */
public final class HttpOptions {
  private static final HttpOptions DEFAULTS = builder().build();

  private final Path trustStore;
  private final char[] trustStorePassword;
  private final String trustStoreType;
  private final boolean sslVerify;
  private final String proxy;

  private HttpOptions(Builder b) {
    this.trustStore = b.trustStore;
    this.trustStorePassword = b.trustStorePassword == null ? null : b.trustStorePassword.clone();
    this.trustStoreType = b.trustStoreType;
    this.sslVerify = b.sslVerify;
    this.proxy = b.proxy;
  }

  /** Verified TLS against the JVM's default CAs, no proxy. */
  public static HttpOptions defaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A trust store replacing the JVM's default CAs, or null. */
  public Path trustStore() {
    return trustStore;
  }

  char[] trustStorePassword() {
    return trustStorePassword == null ? null : trustStorePassword.clone();
  }

  /** {@code PKCS12} or {@code JKS}; null means "from the file extension". */
  public String trustStoreType() {
    return trustStoreType;
  }

  public boolean sslVerify() {
    return sslVerify;
  }

  /** An HTTP proxy as {@code host:port}, or null. */
  public String proxy() {
    return proxy;
  }

  @Override
  public String toString() {
    return "HttpOptions{trustStore="
        + trustStore
        + ", sslVerify="
        + sslVerify
        + ", proxy="
        + proxy
        + "}";
  }

  /** Builder for {@link HttpOptions}. */
  public static final class Builder {
    private Path trustStore;
    private char[] trustStorePassword;
    private String trustStoreType;
    private boolean sslVerify = true;
    private String proxy;

    private Builder() {}

    /** A PKCS12 or JKS file of trusted certificates (e.g. a private CA), with its password. */
    public Builder trustStore(Path path, char[] password) {
      this.trustStore = Objects.requireNonNull(path, "path");
      this.trustStorePassword = password == null ? null : Arrays.copyOf(password, password.length);
      return this;
    }

    public Builder trustStoreType(String type) {
      this.trustStoreType = type;
      return this;
    }

    /** {@code false} accepts any certificate and host name: insecure, logged as a warning. */
    public Builder sslVerify(boolean verify) {
      this.sslVerify = verify;
      return this;
    }

    /** An HTTP proxy {@code host:port}; null or blank for none. */
    public Builder proxy(String hostPort) {
      this.proxy = hostPort == null || hostPort.isBlank() ? null : hostPort.strip();
      return this;
    }

    public HttpOptions build() {
      if (proxy != null) {
        RedcapHttp.parseProxy(proxy); // fail now, with the property name, not at first use
      }
      return new HttpOptions(this);
    }
  }
}
