package org.redcapjdbc.schema;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a connection to one REDCap project needs to know: where the API is, the token,
 * and how to read and write. Immutable; built by the driver from its connection properties.
 *
 * <p>The token and the trust-store password are secrets: {@link #toString()} never shows them,
 * and {@link #equals}/{@link #hashCode} are not overridden, so a config never ends up as a map
 * key printed in a log. Shared caches key on {@link #cacheKey()} instead.
 */
public final class RedcapConfig {
  private final URI url;
  private final String token;
  private final int batchSize;
  private final int batchValues;
  private final int parallelism;
  private final int importBatchSize;
  private final Duration connectTimeout;
  private final Duration readTimeout;
  private final int maxRetries;
  private final Duration metadataTtl;
  private final boolean labelColumns;
  private final boolean typed;
  private final boolean strictTypes;
  private final boolean readOnly;
  private final Path trustStore;
  private final Path projectTokens;
  private final String trustStorePassword;
  private final boolean sslVerify;
  private final String proxy;
  private final boolean allowHttp;
  private final boolean pushdown;
  private final int maxRequestsPerMinute;
  private final CacheMode cache;
  private final Duration cacheMaxAge;
  private final Path cacheDir;
  private final ZoneId serverTimeZone;

  private RedcapConfig(Builder b) {
    this.url = Objects.requireNonNull(b.url, "url");
    this.token = Objects.requireNonNull(b.token, "token");
    this.batchSize = positive(b.batchSize, "batchSize");
    if (b.batchValues < 0) {
      throw new IllegalArgumentException("batchValues must be 0 or more, not " + b.batchValues);
    }
    this.batchValues = b.batchValues;
    this.parallelism = positive(b.parallelism, "parallelism");
    this.importBatchSize = positive(b.importBatchSize, "importBatchSize");
    this.connectTimeout = Objects.requireNonNull(b.connectTimeout, "connectTimeout");
    this.readTimeout = Objects.requireNonNull(b.readTimeout, "readTimeout");
    if (b.maxRetries < 0) {
      throw new IllegalArgumentException("maxRetries must be 0 or more, not " + b.maxRetries);
    }
    this.maxRetries = b.maxRetries;
    this.metadataTtl = Objects.requireNonNull(b.metadataTtl, "metadataTtl");
    this.labelColumns = b.labelColumns;
    this.typed = b.typed;
    this.strictTypes = b.strictTypes;
    this.readOnly = b.readOnly;
    this.trustStore = b.trustStore;
    this.projectTokens = b.projectTokens;
    this.trustStorePassword = b.trustStorePassword;
    this.sslVerify = b.sslVerify;
    this.proxy = b.proxy;
    this.allowHttp = b.allowHttp;
    this.pushdown = b.pushdown;
    if (b.maxRequestsPerMinute < 0) {
      throw new IllegalArgumentException(
          "maxRequestsPerMinute must be 0 (off) or more, not " + b.maxRequestsPerMinute);
    }
    this.maxRequestsPerMinute = b.maxRequestsPerMinute;
    this.cache = Objects.requireNonNull(b.cache, "cache");
    this.cacheMaxAge = Objects.requireNonNull(b.cacheMaxAge, "cacheMaxAge");
    if (cacheMaxAge.isNegative()) {
      throw new IllegalArgumentException("cacheMaxAge must be 0 or more, not " + cacheMaxAge);
    }
    this.cacheDir = b.cacheDir;
    this.serverTimeZone = b.serverTimeZone;
  }

  private static int positive(int value, String name) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be 1 or more, not " + value);
    }
    return value;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.url = url;
    b.token = token;
    b.batchSize = batchSize;
    b.batchValues = batchValues;
    b.parallelism = parallelism;
    b.importBatchSize = importBatchSize;
    b.connectTimeout = connectTimeout;
    b.readTimeout = readTimeout;
    b.maxRetries = maxRetries;
    b.metadataTtl = metadataTtl;
    b.labelColumns = labelColumns;
    b.typed = typed;
    b.strictTypes = strictTypes;
    b.readOnly = readOnly;
    b.trustStore = trustStore;
    b.projectTokens = projectTokens;
    b.trustStorePassword = trustStorePassword;
    b.sslVerify = sslVerify;
    b.proxy = proxy;
    b.allowHttp = allowHttp;
    b.pushdown = pushdown;
    b.maxRequestsPerMinute = maxRequestsPerMinute;
    b.cache = cache;
    b.cacheMaxAge = cacheMaxAge;
    b.cacheDir = cacheDir;
    b.serverTimeZone = serverTimeZone;
    return b;
  }

  /** The REDCap API endpoint, e.g. {@code https://redcap.example.edu/api/}. */
  public URI url() {
    return url;
  }

  /** The project API token. A secret: never log, print or put it in a URL. */
  public String token() {
    return token;
  }

  /**
   * Records per export request at most when a read is split into batches by record ID; with
   * {@link #batchValues()} 0, exactly this many.
   */
  public int batchSize() {
    return batchSize;
  }

  /**
   * Values (records × columns of the answer × rows per record) one batch of a batched read may
   * return; 0 turns the budget off, so that every batch has {@link #batchSize()} records.
   */
  public int batchValues() {
    return batchValues;
  }

  /** Export requests in flight at once for a batched read. */
  public int parallelism() {
    return parallelism;
  }

  /**
   * The batching of a read whose answer has {@code columns} export columns, under these
   * properties: the one place a scan, the snapshot cache's fill and its refresh take it from.
   */
  public org.redcapjdbc.client.BatchOptions batchOptions(int columns) {
    return org.redcapjdbc.client.BatchOptions.defaults()
        .withBatchSize(batchSize)
        .withBatchValues(batchValues)
        .withColumns(columns)
        .withParallelism(parallelism);
  }

  /** Rows per import request for INSERT and UPDATE. */
  public int importBatchSize() {
    return importBatchSize;
  }

  public Duration connectTimeout() {
    return connectTimeout;
  }

  public Duration readTimeout() {
    return readTimeout;
  }

  /** Retries of a read after 429, 5xx or a connection failure; imports are never retried. */
  public int maxRetries() {
    return maxRetries;
  }

  /** How long a fetched project model (dictionary, events, arms ...) is reused. */
  public Duration metadataTtl() {
    return metadataTtl;
  }

  /** Whether coded fields get a {@code <field>_label} companion column. */
  public boolean labelColumns() {
    return labelColumns;
  }

  /** Whether columns carry the SQL type of their field; false reads everything as VARCHAR. */
  public boolean typed() {
    return typed;
  }

  /** Whether a stored value that does not parse as its type fails the query (else NULL + warning). */
  public boolean strictTypes() {
    return strictTypes;
  }

  /** Whether every INSERT, UPDATE and DELETE is refused before any API call. */
  public boolean readOnly() {
    return readOnly;
  }

  public Optional<Path> trustStore() {
    return Optional.ofNullable(trustStore);
  }

  /**
   * A file of {@code name=TOKEN} lines naming further projects on the same server, each attached
   * as schemas {@code <name>} and {@code <name>_meta} ({@link ProjectTokens}).
   */
  public Optional<Path> projectTokens() {
    return Optional.ofNullable(projectTokens);
  }

  /** A secret, like the token. */
  public Optional<String> trustStorePassword() {
    return Optional.ofNullable(trustStorePassword);
  }

  /** Whether HTTPS certificates and host names are verified (default true). */
  public boolean sslVerify() {
    return sslVerify;
  }

  /** An HTTP proxy as {@code host:port}, if any. */
  public Optional<String> proxy() {
    return Optional.ofNullable(proxy);
  }

  /** Whether plain {@code http://} is allowed to hosts other than loopback. */
  public boolean allowHttp() {
    return allowHttp;
  }

  /** Whether filters and projections are pushed to the API (false: read everything, filter locally). */
  public boolean pushdown() {
    return pushdown;
  }

  /**
   * The most requests a minute to the API's host, across every connection of the JVM (the
   * smallest limit applies); 0 means no limit.
   */
  public int maxRequestsPerMinute() {
    return maxRequestsPerMinute;
  }

  /** Whether statements read a local copy of the records ({@link CacheMode}); off by default. */
  public CacheMode cache() {
    return cache;
  }

  /**
   * How old the copy may be before a statement first brings it up to date: zero (the default)
   * checks for changes before every statement.
   */
  public Duration cacheMaxAge() {
    return cacheMaxAge;
  }

  /** Where {@code cache=disk} keeps its files; empty for the per-user default. */
  public Optional<Path> cacheDir() {
    return Optional.ofNullable(cacheDir);
  }

  /**
   * The time zone of the REDCap server's clock, if the user named it: REDCap compares {@code
   * dateRangeBegin} with its log in server local time. Empty: the copy works it out or allows
   * for any zone.
   */
  public Optional<ZoneId> serverTimeZone() {
    return Optional.ofNullable(serverTimeZone);
  }

  /**
   * A key that identifies the project and credentials without revealing the token: equal for two
   * configs with the same URL, token and model-shaping options. Use it for shared caches.
   */
  public String cacheKey() {
    return projectKey() + "|" + labelColumns + "|" + typed;
  }

  /** The project and credentials part of {@link #cacheKey()}, without the layout options. */
  public String projectKey() {
    return url + "|" + TokenDigest.of(token);
  }

  @Override
  public String toString() {
    return "RedcapConfig{url="
        + url
        + ", token=***"
        + ", batchSize="
        + batchSize
        + ", batchValues="
        + batchValues
        + ", parallelism="
        + parallelism
        + ", importBatchSize="
        + importBatchSize
        + ", connectTimeout="
        + connectTimeout
        + ", readTimeout="
        + readTimeout
        + ", maxRetries="
        + maxRetries
        + ", metadataTtl="
        + metadataTtl
        + ", labelColumns="
        + labelColumns
        + ", typed="
        + typed
        + ", strictTypes="
        + strictTypes
        + ", readOnly="
        + readOnly
        + ", trustStore="
        + trustStore
        + ", sslVerify="
        + sslVerify
        + ", proxy="
        + proxy
        + ", allowHttp="
        + allowHttp
        + ", pushdown="
        + pushdown
        + ", maxRequestsPerMinute="
        + maxRequestsPerMinute
        + "}";
  }

  /** Builder with the driver's documented defaults. */
  public static final class Builder {
    private URI url;
    private String token;
    private int batchSize = 10_000;
    private int batchValues = 60_000;
    private int parallelism = 2;
    private int importBatchSize = 500;
    private Duration connectTimeout = Duration.ofSeconds(30);
    private Duration readTimeout = Duration.ofMinutes(10);
    private int maxRetries = 3;
    private Duration metadataTtl = Duration.ofMinutes(5);
    private boolean labelColumns = true;
    private boolean typed = true;
    private boolean strictTypes = false;
    private boolean readOnly = false;
    private Path trustStore;
    private Path projectTokens;
    private String trustStorePassword;
    private boolean sslVerify = true;
    private String proxy;
    private boolean allowHttp = false;
    private boolean pushdown = true;
    private int maxRequestsPerMinute = 300;
    private CacheMode cache = CacheMode.OFF;
    private Duration cacheMaxAge = Duration.ZERO;
    private Path cacheDir;
    private ZoneId serverTimeZone;

    private Builder() {}

    public Builder cache(CacheMode v) {
      this.cache = v;
      return this;
    }

    public Builder cacheMaxAge(Duration v) {
      this.cacheMaxAge = v;
      return this;
    }

    public Builder cacheDir(Path v) {
      this.cacheDir = v;
      return this;
    }

    public Builder serverTimeZone(ZoneId v) {
      this.serverTimeZone = v;
      return this;
    }

    public Builder url(URI url) {
      this.url = url;
      return this;
    }

    public Builder token(String token) {
      this.token = token;
      return this;
    }

    public Builder batchSize(int v) {
      this.batchSize = v;
      return this;
    }

    public Builder batchValues(int v) {
      this.batchValues = v;
      return this;
    }

    public Builder parallelism(int v) {
      this.parallelism = v;
      return this;
    }

    public Builder importBatchSize(int v) {
      this.importBatchSize = v;
      return this;
    }

    public Builder connectTimeout(Duration v) {
      this.connectTimeout = v;
      return this;
    }

    public Builder readTimeout(Duration v) {
      this.readTimeout = v;
      return this;
    }

    public Builder maxRetries(int v) {
      this.maxRetries = v;
      return this;
    }

    public Builder metadataTtl(Duration v) {
      this.metadataTtl = v;
      return this;
    }

    public Builder labelColumns(boolean v) {
      this.labelColumns = v;
      return this;
    }

    public Builder typed(boolean v) {
      this.typed = v;
      return this;
    }

    public Builder strictTypes(boolean v) {
      this.strictTypes = v;
      return this;
    }

    public Builder readOnly(boolean v) {
      this.readOnly = v;
      return this;
    }

    /** A file of {@code name=TOKEN} lines (further projects); null for none. */
    public Builder projectTokens(Path v) {
      this.projectTokens = v;
      return this;
    }

    public Builder trustStore(Path v) {
      this.trustStore = v;
      return this;
    }

    public Builder trustStorePassword(String v) {
      this.trustStorePassword = v;
      return this;
    }

    public Builder sslVerify(boolean v) {
      this.sslVerify = v;
      return this;
    }

    public Builder proxy(String v) {
      this.proxy = v;
      return this;
    }

    public Builder allowHttp(boolean v) {
      this.allowHttp = v;
      return this;
    }

    public Builder pushdown(boolean v) {
      this.pushdown = v;
      return this;
    }

    public Builder maxRequestsPerMinute(int v) {
      this.maxRequestsPerMinute = v;
      return this;
    }

    public RedcapConfig build() {
      return new RedcapConfig(this);
    }
  }
}
