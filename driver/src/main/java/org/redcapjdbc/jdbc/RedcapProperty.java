package org.redcapjdbc.jdbc;

import java.util.Locale;

/**
 * The driver's own connection properties: name, default, and the description DBeaver shows on
 * its "Driver properties" tab. The README's property table is written from this list.
 */
public enum RedcapProperty {
  URL(
      "url",
      null,
      true,
      "The REDCap API endpoint, ending in /api/ (e.g. https://redcap.example.edu/api/). "
          + "May also be given in the JDBC URL itself: jdbc:redcap:https://redcap.example.edu/api/"),
  TOKEN(
      "token",
      null,
      true,
      "The project's API token (32 hex characters). The standard 'password' property is "
          + "accepted too, so a tool's password box can hold it. Never logged."),
  BATCH_SIZE(
      "batchSize",
      "10000",
      false,
      "Records per export request at most when a read is split into batches by record ID "
          + "(batchValues decides below that; with batchValues=0 every batch has batchSize "
          + "records: batchSize=500;batchValues=0 is the behaviour of versions before "
          + "batchValues)."),
  BATCH_VALUES(
      "batchValues",
      "60000",
      false,
      "Values (records x columns asked for x rows per record) per export request of a batched "
          + "read; 0 turns this budget off. The default keeps about 500 records per request "
          + "when 113 columns are read and puts a read of a few columns in one or two requests."),
  PARALLELISM("parallelism", "2", false, "Export requests in flight at once for a batched read."),
  IMPORT_BATCH_SIZE(
      "importBatchSize", "500", false, "Rows per import request for INSERT and UPDATE."),
  CONNECT_TIMEOUT(
      "connectTimeout", "30", false, "Seconds to wait for a TCP/TLS connection to REDCap."),
  READ_TIMEOUT(
      "readTimeout",
      "600",
      false,
      "Seconds to wait for data on an open connection (REDCap exports can run minutes)."),
  MAX_RETRIES(
      "maxRetries",
      "3",
      false,
      "Retries of a read after HTTP 429, 5xx or a connection failure, with exponential backoff "
          + "honoring Retry-After. Imports are never retried once sent."),
  METADATA_TTL(
      "metadataTtl",
      "300",
      false,
      "Seconds a fetched project model (dictionary, events, arms ...) is shared by connections "
          + "to the same URL and token before it is fetched again."),
  LABEL_COLUMNS(
      "labelColumns",
      "true",
      false,
      "Add a <field>_label column holding the choice label next to each radio, dropdown, "
          + "yes/no and true/false field."),
  TYPED(
      "typed",
      "true",
      false,
      "Give columns the SQL type of their field (DATE, DECIMAL, BOOLEAN ...); false reads every "
          + "column as VARCHAR, exactly as REDCap stores it."),
  STRICT_TYPES(
      "strictTypes",
      "false",
      false,
      "Fail a query when a stored value does not parse as its column's type; by default such "
          + "a value reads as NULL and the ResultSet carries an SQLWarning naming it."),
  READ_ONLY(
      "readOnly", "false", false, "Refuse every INSERT, UPDATE and DELETE before any API call."),
  TRUST_STORE(
      "trustStore",
      null,
      false,
      "Path of a trust store (PKCS12 or JKS) holding the CA that signed the server's certificate."),
  TRUST_STORE_PASSWORD(
      "trustStorePassword", null, false, "Password of the trust store, if it has one."),
  SSL_VERIFY(
      "sslVerify",
      "true",
      false,
      "Verify HTTPS certificates and host names. false turns verification off (logged as a "
          + "warning); use trustStore instead wherever you can."),
  PROXY("proxy", null, false, "An HTTP proxy as host:port."),
  ALLOW_HTTP(
      "allowHttp",
      "false",
      false,
      "Allow plain http:// to hosts other than loopback. The token would cross the network "
          + "unencrypted."),
  PUSHDOWN(
      "pushdown",
      "true",
      false,
      "Push projections and filters into the export request (fields, records, events, "
          + "filterLogic). false reads whole records and filters locally; results are the same."),
  MAX_REQUESTS_PER_MINUTE(
      "maxRequestsPerMinute",
      "300",
      false,
      "The most API requests a minute to the REDCap host, counted across every connection of "
          + "this JVM, retries and writes included (REDCap bans an IP above 600 by default); "
          + "where connections set different limits the smallest applies. 0 turns it off."),
  CACHE(
      "cache",
      "off",
      false,
      "off: every statement reads REDCap. memory: statements read a copy of the project's "
          + "records kept in this JVM, shared by connections with the same URL and token, and "
          + "brought up to date by a delta refresh (a structure check, the record-ID list and the "
          + "records changed since the last refresh) before a statement. disk: the same copy, "
          + "also kept encrypted in cacheDir so a new JVM starts from it."),
  CACHE_MAX_AGE(
      "cacheMaxAge",
      "0",
      false,
      "Seconds a cached copy may go unchecked: 0 refreshes it before every statement; a larger "
          + "value serves statements from a copy checked at most that long ago and says so in an "
          + "SQLWarning naming its age."),
  CACHE_DIR(
      "cacheDir",
      null,
      false,
      "Directory of cache=disk's encrypted files (created owner-only); default "
          + "~/.redcap-jdbc/cache."),
  SERVER_TIME_ZONE(
      "serverTimeZone",
      null,
      false,
      "The REDCap server's time zone (e.g. America/Chicago), for the cache's dateRangeBegin, "
          + "which REDCap reads in server local time. Unset: the cache learns it from REDCap's log "
          + "where the token may read it, and otherwise allows for any zone."),
  PROJECT_TOKENS(
      "projectTokens",
      null,
      false,
      "Path of a file of name=TOKEN lines naming further projects on the same server: each "
          + "appears as schemas <name> (data tables) and <name>_meta (system tables), joinable "
          + "with the connection's own. Read once at connect; tokens are never logged.");

  private final String camelName;
  private final String defaultValue;
  private final boolean required;
  private final String description;

  RedcapProperty(String camelName, String defaultValue, boolean required, String description) {
    this.camelName = camelName;
    this.defaultValue = defaultValue;
    this.required = required;
    this.description = description;
  }

  /** The property's name as users write it. */
  public String camelName() {
    return camelName;
  }

  /** The default as text, or null when there is none. */
  public String defaultValue() {
    return defaultValue;
  }

  public boolean required() {
    return required;
  }

  public String description() {
    return description;
  }

  /** Whether this property holds a secret that must never be echoed. */
  public boolean isSecret() {
    return this == TOKEN || this == TRUST_STORE_PASSWORD;
  }

  /** Whether the value is true or false rather than free text. */
  public boolean isBoolean() {
    return "true".equals(defaultValue) || "false".equals(defaultValue);
  }

  /** Finds a property by name, ignoring case; null when the name is not one of ours. */
  public static RedcapProperty byName(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    for (RedcapProperty p : values()) {
      if (p.camelName.toLowerCase(Locale.ROOT).equals(lower)) {
        return p;
      }
    }
    return null;
  }
}
