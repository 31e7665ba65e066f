package org.redcapjdbc.jdbc;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.apache.calcite.avatica.BuiltInConnectionProperty;
import org.apache.calcite.avatica.ConnectStringParser;
import org.apache.calcite.config.CalciteConnectionProperty;
import org.redcapjdbc.schema.CacheMode;
import org.redcapjdbc.schema.RedcapConfig;
import org.redcapjdbc.schema.RedcapTypeSystem;

/**
 * Turns a {@code jdbc:redcap:} URL plus connection properties into a {@link RedcapConfig} and the
 * properties Calcite itself reads.
 *
 * <p>Accepted URL forms:
 * <ul>
 *   <li>{@code jdbc:redcap:https://host/api/} (token in the {@code password} or {@code token}
 *       property), optionally followed by {@code ;key=value} pairs;</li>
 *   <li>{@code jdbc:redcap:url=https://host/api/;token=...;batchSize=200};</li>
 *   <li>{@code jdbc:redcap:} with {@code url} given as a property.</li>
 * </ul>
 * Values in the URL win over properties, as in every Avatica driver. The token never reaches
 * Calcite's properties and never appears in {@link #safeUrl()}.
 */
final class ConnectionSettings {
  static final String PREFIX = "jdbc:redcap:";

  private final RedcapConfig config;
  private final Properties calciteProperties;
  private final String safeUrl;
  private final List<String> unknownProperties;

  private ConnectionSettings(
      RedcapConfig config,
      Properties calciteProperties,
      String safeUrl,
      List<String> unknownProperties) {
    this.config = config;
    this.calciteProperties = calciteProperties;
    this.safeUrl = safeUrl;
    this.unknownProperties = List.copyOf(unknownProperties);
  }

  /**
   * The given properties that neither the driver nor Calcite (nor Avatica) knows, as given: most
   * often a misspelling ({@code cahce}), which would otherwise be ignored without a word. The
   * connection reports each as an SQLWarning.
   */
  List<String> unknownProperties() {
    return unknownProperties;
  }

  RedcapConfig config() {
    return config;
  }

  /** Calcite's own properties (lex, conformance, ...), with the driver's defaults filled in. */
  Properties calciteProperties() {
    return calciteProperties;
  }

  /** The JDBC URL as {@code DatabaseMetaData.getURL()} reports it: no token, no properties. */
  String safeUrl() {
    return safeUrl;
  }

  static ConnectionSettings parse(String jdbcUrl, Properties info) throws SQLException {
    if (jdbcUrl == null || !jdbcUrl.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
      throw new SQLException("Not a redcap-jdbc URL; it must start with " + PREFIX, "08001");
    }
    Properties merged =
        merge(jdbcUrl.substring(PREFIX.length()), info == null ? new Properties() : info);

    String endpoint = value(merged, RedcapProperty.URL);
    if (endpoint == null || endpoint.isBlank()) {
      throw new SQLException(
          "No REDCap API URL. Give it in the JDBC URL "
              + "(jdbc:redcap:https://redcap.example.edu/api/) or as the property 'url'.",
          "08001");
    }
    URI uri = parseEndpoint(endpoint.trim());

    String token = value(merged, RedcapProperty.TOKEN);
    if (token == null || token.isBlank()) {
      token = merged.getProperty("password");
    }
    if (token == null || token.isBlank()) {
      throw new SQLException(
          "No REDCap API token. Set the connection property 'password' "
              + "(the password box in DBeaver) or 'token' to the project's API token.",
          "28000");
    }

    RedcapConfig.Builder b = RedcapConfig.builder().url(uri).token(token.trim());
    b.batchSize(intValue(merged, RedcapProperty.BATCH_SIZE, 1));
    b.batchValues(intValue(merged, RedcapProperty.BATCH_VALUES, 0));
    b.parallelism(intValue(merged, RedcapProperty.PARALLELISM, 1));
    b.importBatchSize(intValue(merged, RedcapProperty.IMPORT_BATCH_SIZE, 1));
    b.connectTimeout(Duration.ofSeconds(intValue(merged, RedcapProperty.CONNECT_TIMEOUT, 1)));
    b.readTimeout(Duration.ofSeconds(intValue(merged, RedcapProperty.READ_TIMEOUT, 1)));
    b.maxRetries(intValue(merged, RedcapProperty.MAX_RETRIES, 0));
    b.metadataTtl(Duration.ofSeconds(intValue(merged, RedcapProperty.METADATA_TTL, 0)));
    b.labelColumns(boolValue(merged, RedcapProperty.LABEL_COLUMNS));
    b.typed(boolValue(merged, RedcapProperty.TYPED));
    b.strictTypes(boolValue(merged, RedcapProperty.STRICT_TYPES));
    b.readOnly(boolValue(merged, RedcapProperty.READ_ONLY));
    b.sslVerify(boolValue(merged, RedcapProperty.SSL_VERIFY));
    b.allowHttp(boolValue(merged, RedcapProperty.ALLOW_HTTP));
    b.pushdown(boolValue(merged, RedcapProperty.PUSHDOWN));
    b.maxRequestsPerMinute(intValue(merged, RedcapProperty.MAX_REQUESTS_PER_MINUTE, 0));
    String cache = value(merged, RedcapProperty.CACHE);
    CacheMode mode = CacheMode.byName(cache);
    if (mode == null) {
      throw new SQLException(
          "Property cache must be off, memory or disk, not '" + cache + "'", "08001");
    }
    b.cache(mode);
    b.cacheMaxAge(Duration.ofSeconds(intValue(merged, RedcapProperty.CACHE_MAX_AGE, 0)));
    String cacheDir = value(merged, RedcapProperty.CACHE_DIR);
    if (cacheDir != null && !cacheDir.isBlank()) {
      b.cacheDir(Path.of(cacheDir.trim()));
    }
    String zone = value(merged, RedcapProperty.SERVER_TIME_ZONE);
    if (zone != null && !zone.isBlank()) {
      try {
        b.serverTimeZone(java.time.ZoneId.of(zone.trim()));
      } catch (java.time.DateTimeException e) {
        throw new SQLException(
            "Property serverTimeZone must be a time zone such as America/Chicago or +01:00, not '"
                + zone
                + "'",
            "08001");
      }
    }
    String trustStore = value(merged, RedcapProperty.TRUST_STORE);
    if (trustStore != null && !trustStore.isBlank()) {
      b.trustStore(Path.of(trustStore.trim()));
    }
    String projectTokens = value(merged, RedcapProperty.PROJECT_TOKENS);
    if (projectTokens != null && !projectTokens.isBlank()) {
      b.projectTokens(Path.of(projectTokens.trim()));
    }
    String trustStorePassword = value(merged, RedcapProperty.TRUST_STORE_PASSWORD);
    if (trustStorePassword != null) {
      b.trustStorePassword(trustStorePassword);
    }
    String proxy = value(merged, RedcapProperty.PROXY);
    if (proxy != null && !proxy.isBlank()) {
      b.proxy(checkProxy(proxy.trim()));
    }

    return new ConnectionSettings(
        b.build(), calciteProperties(merged), PREFIX + uri, unknown(merged));
  }

  /** URL values override the caller's properties, as Avatica's ConnectStringParser does. */
  private static Properties merge(String suffix, Properties info) throws SQLException {
    Properties merged = new Properties();
    merged.putAll(info);
    String rest = suffix;
    if (startsWithScheme(suffix)) {
      int semicolon = suffix.indexOf(';');
      String endpoint = semicolon < 0 ? suffix : suffix.substring(0, semicolon);
      rest = semicolon < 0 ? "" : suffix.substring(semicolon + 1);
      merged.setProperty(RedcapProperty.URL.camelName(), endpoint);
    }
    if (!rest.isBlank()) {
      try {
        Properties fromUrl = ConnectStringParser.parse(rest);
        for (String key : fromUrl.stringPropertyNames()) {
          // A property named in another case must replace the caller's, not sit beside it.
          removeIgnoringCase(merged, key);
          merged.setProperty(key, fromUrl.getProperty(key));
        }
      } catch (SQLException e) {
        // The parser's message can quote the URL, and the URL can hold the token.
        throw new SQLException(
            "Cannot read the properties in the JDBC URL: write them as "
                + "key=value pairs separated by ';'",
            "08001");
      }
    }
    return merged;
  }

  /** Whether the URL suffix starts with an address (any scheme, so a wrong one gets a clear error). */
  private static boolean startsWithScheme(String s) {
    return s.matches("^[A-Za-z][A-Za-z0-9+.-]*://.*");
  }

  private static void removeIgnoringCase(Properties props, String key) {
    for (String existing : props.stringPropertyNames()) {
      if (existing.equalsIgnoreCase(key)) {
        props.remove(existing);
      }
    }
  }

  private static URI parseEndpoint(String endpoint) throws SQLException {
    try {
      URI uri = new URI(endpoint);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
        throw new SQLException(
            "The REDCap API URL must be an http(s) address such as "
                + "https://redcap.example.edu/api/, not '"
                + endpoint
                + "'",
            "08001");
      }
      if (uri.getRawQuery() != null
          || uri.getRawFragment() != null
          || uri.getRawUserInfo() != null) {
        // A token pasted into the URL would travel in request lines and logs: refuse it.
        throw new SQLException(
            "The REDCap API URL must not carry a query, fragment or user "
                + "info; give the token as the 'password' or 'token' property",
            "08001");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new SQLException(
          "The REDCap API URL is not a valid address: " + e.getReason(), "08001");
    }
  }

  private static String checkProxy(String proxy) throws SQLException {
    int colon = proxy.lastIndexOf(':');
    if (colon <= 0 || colon == proxy.length() - 1) {
      throw new SQLException("Property proxy must be host:port, not '" + proxy + "'", "08001");
    }
    try {
      int port = Integer.parseInt(proxy.substring(colon + 1));
      if (port < 1 || port > 65535) {
        throw new NumberFormatException();
      }
    } catch (NumberFormatException e) {
      throw new SQLException(
          "Property proxy must be host:port with a port from 1 to 65535, not '" + proxy + "'",
          "08001");
    }
    return proxy;
  }

  /** Finds a property by its name in any case. */
  private static String value(Properties props, RedcapProperty p) {
    String direct = props.getProperty(p.camelName());
    if (direct != null) {
      return direct;
    }
    for (String key : props.stringPropertyNames()) {
      if (key.equalsIgnoreCase(p.camelName())) {
        return props.getProperty(key);
      }
    }
    return p.defaultValue();
  }

  private static int intValue(Properties props, RedcapProperty p, int min) throws SQLException {
    String text = value(props, p);
    try {
      int v = Integer.parseInt(text.trim());
      if (v < min) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      throw new SQLException(
          "Property "
              + p.camelName()
              + " must be a whole number of at least "
              + min
              + ", not '"
              + text
              + "'",
          "08001");
    }
  }

  private static boolean boolValue(Properties props, RedcapProperty p) throws SQLException {
    String text = value(props, p).trim();
    if (text.equalsIgnoreCase("true") || text.equals("1") || text.equalsIgnoreCase("yes")) {
      return true;
    }
    if (text.equalsIgnoreCase("false") || text.equals("0") || text.equalsIgnoreCase("no")) {
      return false;
    }
    throw new SQLException(
        "Property " + p.camelName() + " must be true or false, not '" + text + "'", "08001");
  }

  /** The property names nobody reads: not the driver's, not a credential, not Calcite's. */
  private static List<String> unknown(Properties merged) {
    Set<String> known = new HashSet<>();
    for (CalciteConnectionProperty p : CalciteConnectionProperty.values()) {
      known.add(p.camelName().toLowerCase(Locale.ROOT));
    }
    for (BuiltInConnectionProperty p : BuiltInConnectionProperty.values()) {
      known.add(p.camelName().toLowerCase(Locale.ROOT));
    }
    known.add("password");
    known.add("user");
    List<String> unknown = new ArrayList<>();
    for (String key : new TreeSet<>(merged.stringPropertyNames())) {
      if (RedcapProperty.byName(key) == null && !known.contains(key.toLowerCase(Locale.ROOT))) {
        unknown.add(key);
      }
    }
    return unknown;
  }

  /** Everything that is not ours or a credential goes to Calcite, over the driver's defaults. */
  private static Properties calciteProperties(Properties merged) {
    Properties calcite = new Properties();
    calcite.setProperty("lex", "MYSQL_ANSI");
    calcite.setProperty("conformance", "LENIENT");
    calcite.setProperty("metaTableFactory", RedcapMetaTableFactory.class.getName() + "#INSTANCE");
    calcite.setProperty("metaColumnFactory", RedcapMetaColumnFactory.class.getName() + "#INSTANCE");
    // DECIMAL(38,16) for REDCap's number fields; Calcite's default type system stops at 19 digits.
    calcite.setProperty("typeSystem", RedcapTypeSystem.class.getName() + "#INSTANCE");
    for (String key : merged.stringPropertyNames()) {
      if (RedcapProperty.byName(key) != null
          || key.equalsIgnoreCase("password")
          || key.equalsIgnoreCase("user")) {
        continue;
      }
      calcite.setProperty(key, merged.getProperty(key));
    }
    return calcite;
  }
}
