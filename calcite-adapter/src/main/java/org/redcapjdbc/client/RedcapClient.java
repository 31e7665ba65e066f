package org.redcapjdbc.client;

import java.time.Duration;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client for one REDCap project's API: immutable and thread-safe, built with {@link #builder()}.
 * The calls are grouped by area: {@link #records()}, {@link #project()} (dictionary, events, arms,
 * project info, logging, …), {@link #users()} (users, roles, DAGs), {@link #files()} and
 * {@link #surveys()}.
 *
 * <p>Every call is a POST to the API URL with the token in the form body, never in the URL;
 * {@link #toString()} shows the URL only. Reads are retried on 429/5xx and connection failures with
 * exponential backoff honoring {@code Retry-After}; writes only when nothing can have been sent.
 *
 * <pre>{@code
 * RedcapClient client = RedcapClient.builder()
 *     .url("https://redcap.example.edu/api/")
 *     .token(token)
 *     .build();
 * try (RowCursor rows = client.records().export(RecordExportRequest.all())
 *     .bind(List.of("record_id", "age"))) {
 *   while (rows.next()) {
 *     use(rows.value(0), rows.value(1));
 *   }
 * }
 * }</pre>
 */
public final class RedcapClient {
  private static final Logger LOG = LoggerFactory.getLogger(RedcapClient.class);

  private final Transport transport;
  private final RecordsApi records;
  private final ProjectApi project;
  private final UsersApi users;
  private final FilesApi files;
  private final SurveysApi surveys;

  private RedcapClient(Transport transport) {
    this.transport = transport;
    Api api = new Api(transport);
    this.project = new ProjectApi(api);
    this.records = new RecordsApi(api, project);
    this.users = new UsersApi(api);
    this.files = new FilesApi(api);
    this.surveys = new SurveysApi(api);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The API URL requests go to. */
  public HttpUrl url() {
    return transport.url;
  }

  /** Records: export (streaming, batched, CSV, EAV), reports, import, delete, rename. */
  public RecordsApi records() {
    return records;
  }

  /** Dictionary, field names, instruments, events, arms, mappings, repeating setup, project. */
  public ProjectApi project() {
    return project;
  }

  /** Users, user roles, role mappings, data access groups, DAG mappings. */
  public UsersApi users() {
    return users;
  }

  /** Files on records and the file repository. */
  public FilesApi files() {
    return files;
  }

  /** Survey links, codes and participant lists. */
  public SurveysApi surveys() {
    return surveys;
  }

  @Override
  public String toString() {
    return "RedcapClient{url=" + transport.url + "}";
  }

  /**
   * Builder for {@link RedcapClient}. Required: {@link #url} and {@link #token}. Defaults:
   * connect timeout 30 s, read timeout 10 min (exports of big projects run for minutes),
   * 3 retries with a 1 s base delay, at most 300 requests a minute to the host,
   * {@link HttpOptions#defaults()}, {@code http://} only to loopback.
   */
  public static final class Builder {
    private String url;
    private ApiToken token;
    private Duration connectTimeout = Duration.ofSeconds(30);
    private Duration readTimeout = Duration.ofMinutes(10);
    private int maxRetries = 3;
    private Duration retryBaseDelay = Duration.ofSeconds(1);
    private OkHttpClient httpClient;
    private HttpOptions httpOptions;
    private boolean allowHttp;
    private int maxRequestsPerMinute = 300;

    private Builder() {}

    /**
     * The API URL, e.g. {@code https://redcap.example.edu/api/}. A URL ending in {@code /api} gets
     * its trailing slash (the server would answer with a redirect); any other path is accepted
     * with a warning, since a proxy may publish the API elsewhere: a wrong path then fails with a
     * clear "not a REDCap API endpoint" error on the first call.
     */
    public Builder url(String url) {
      this.url = Objects.requireNonNull(url, "url");
      return this;
    }

    /** The API token; trimmed; a non-hex format is only warned about. */
    public Builder token(String token) {
      this.token = ApiToken.of(token);
      return this;
    }

    public Builder token(ApiToken token) {
      this.token = Objects.requireNonNull(token, "token");
      return this;
    }

    public Builder connectTimeout(Duration d) {
      this.connectTimeout = positive(d, "connectTimeout");
      return this;
    }

    /** Longest silence while reading a response; zero means no limit. */
    public Builder readTimeout(Duration d) {
      Objects.requireNonNull(d, "readTimeout");
      if (d.isNegative()) {
        throw new IllegalArgumentException("readTimeout must not be negative");
      }
      this.readTimeout = d;
      return this;
    }

    /** Retries after the first attempt for reads (0 disables retrying). */
    public Builder maxRetries(int n) {
      if (n < 0) {
        throw new IllegalArgumentException("maxRetries must be >= 0, was " + n);
      }
      this.maxRetries = n;
      return this;
    }

    /** The first backoff pause; it doubles per retry, with jitter. */
    public Builder retryBaseDelay(Duration d) {
      Objects.requireNonNull(d, "retryBaseDelay");
      if (d.isNegative()) {
        throw new IllegalArgumentException("retryBaseDelay must not be negative");
      }
      this.retryBaseDelay = d;
      return this;
    }

    /**
     * An OkHttpClient to derive from (its connection pool, TLS and proxy settings are kept; the
     * timeouts above are applied and redirects are handled by this client). Takes precedence
     * over {@link #httpOptions}.
     */
    public Builder httpClient(OkHttpClient client) {
      this.httpClient = Objects.requireNonNull(client, "httpClient");
      return this;
    }

    /** TLS trust and proxy, used when no {@link #httpClient} is given. */
    public Builder httpOptions(HttpOptions options) {
      this.httpOptions = Objects.requireNonNull(options, "httpOptions");
      return this;
    }

    /**
     * The most requests per minute to the URL's host (scheme, host and port), counted across
     * every client in this JVM, retries and writes included; where clients set different limits
     * the smallest applies. A 429 or 503 with {@code Retry-After} then holds every request to the
     * host, not only the retried one. 0 turns this off for this client: its requests neither wait
     * nor count. REDCap bans an IP that exceeds {@code page_hit_threshold_per_minute} (600 by
     * default).
     */
    public Builder maxRequestsPerMinute(int n) {
      if (n < 0) {
        throw new IllegalArgumentException("maxRequestsPerMinute must be >= 0, was " + n);
      }
      this.maxRequestsPerMinute = n;
      return this;
    }

    /** Permit plain {@code http://} to hosts other than loopback. */
    public Builder allowHttp(boolean allow) {
      this.allowHttp = allow;
      return this;
    }

    /**
     * @throws IllegalArgumentException for a missing or malformed URL, a query string in it,
     *     plain http to a non-loopback host without {@code allowHttp}, or a missing token
     */
    public RedcapClient build() {
      if (url == null) {
        throw new IllegalArgumentException("The REDCap API URL is not set");
      }
      if (token == null) {
        throw new IllegalArgumentException("The REDCap API token is not set");
      }
      HttpUrl parsed = normalise(url);
      RedcapHttp.checkScheme(parsed, allowHttp);
      if (!parsed.isHttps() && !RedcapHttp.isLoopback(parsed.host())) {
        // Allowed (allowHttp), but the token now crosses the network readable by anyone on it.
        LOG.warn(
            "Plain http:// to {} (allowHttp=true): the API token and the data travel"
                + " unencrypted. Use the https:// URL unless the network is trusted.",
            parsed.host());
      }
      OkHttpClient base =
          httpClient != null
              ? httpClient
              : RedcapHttp.newHttpClient(
                  httpOptions != null ? httpOptions : HttpOptions.defaults());
      OkHttpClient http = RedcapHttp.forRedcap(base, connectTimeout, readTimeout);
      return new RedcapClient(
          new Transport(
              parsed,
              token,
              http,
              new RetryPolicy(maxRetries, retryBaseDelay),
              allowHttp,
              maxRequestsPerMinute));
    }

    static HttpUrl normalise(String raw) {
      HttpUrl parsed = HttpUrl.parse(raw.strip());
      if (parsed == null) {
        throw new IllegalArgumentException(
            "The REDCap API URL is not an http(s) URL: '"
                + raw.strip()
                + "'; it looks like https://redcap.example.edu/api/");
      }
      if (parsed.query() != null || parsed.fragment() != null) {
        throw new IllegalArgumentException(
            "The REDCap API URL must not carry a query string or"
                + " fragment (the token belongs in the token property, never in the URL): "
                + parsed.newBuilder().query(null).fragment(null).build());
      }
      String path = parsed.encodedPath();
      if (path.endsWith("/api")) {
        parsed = parsed.newBuilder().encodedPath(path + "/").build();
        LOG.info("Added the trailing slash to the REDCap API URL: {}", parsed);
      } else if (!path.endsWith("/api/")) {
        LOG.warn(
            "The REDCap API URL {} does not end in /api/; REDCap's API lives at"
                + " https://<host>/[redcap/]api/",
            parsed);
      }
      return parsed;
    }

    private static Duration positive(Duration d, String name) {
      Objects.requireNonNull(d, name);
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be positive");
      }
      return d;
    }
  }
}
