package org.redcapjdbc.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.DriverVersion;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.jdbc.Driver;
import org.apache.calcite.jdbc.RedcapJdbcFactory;
import org.apache.calcite.jdbc.RedcapJdbcFactory.RedcapConnection;
import org.apache.calcite.jdbc.RedcapMetaImpl;
import org.apache.calcite.schema.SchemaPlus;
import org.redcapjdbc.schema.RedcapConfig;
import org.redcapjdbc.schema.RedcapSchemas;
import org.redcapjdbc.schema.RedcapSession;

/**
 * The {@code jdbc:redcap:} JDBC driver: Calcite's driver with its own URL prefix, defaults
 * (case-insensitive identifiers kept as written, lenient conformance, UTF-8 literals), metadata
 * plumbing and a REDCap project attached as schemas {@code redcap} and {@code meta}.
 *
 * <p>Public with a no-argument constructor, because DBeaver and {@code ServiceLoader} create
 * driver classes reflectively.
 */
public class RedcapDriver extends Driver {
  static {
    // Calcite encodes string literals in ISO-8859-1 unless told otherwise, which turns a
    // Cyrillic or Chinese literal into an error. saffron.properties says so too, but Calcite
    // reads it through the context class loader, which in DBeaver is not ours.
    if (System.getProperty("calcite.default.charset") == null) {
      System.setProperty("calcite.default.charset", "UTF-8");
    }
    new RedcapDriver().register();
  }

  public RedcapDriver() {
    super(null);
  }

  @Override
  protected String getConnectStringPrefix() {
    return ConnectionSettings.PREFIX;
  }

  @Override
  protected String getFactoryClassName(JdbcVersion jdbcVersion) {
    return RedcapJdbcFactory.class.getName();
  }

  @Override
  protected DriverVersion createDriverVersion() {
    String version = driverVersion();
    return new DriverVersion(
        "redcap-jdbc",
        version,
        "REDCap",
        "unknown",
        false,
        versionPart(version, 0),
        versionPart(version, 1),
        0,
        0);
  }

  @Override
  public CalcitePrepare createPrepare() {
    return new RedcapPrepare();
  }

  @Override
  public Meta createMeta(AvaticaConnection connection) {
    return RedcapMetaImpl.create(
        connection, RedcapMetaTableFactory.INSTANCE, RedcapMetaColumnFactory.INSTANCE);
  }

  @Override
  public Connection connect(String url, Properties info) throws SQLException {
    if (!acceptsURL(url)) {
      return null;
    }
    ConnectionSettings settings = ConnectionSettings.parse(url, info);
    RedcapConnection connection =
        (RedcapConnection)
            factory.newConnection(this, factory, settings.safeUrl(), settings.calciteProperties());
    try {
      handler.onConnectionInit(connection);
      SchemaPlus root = connection.getRootSchema();
      // Calcite's own "metadata" schema would sit next to ours in every tool's navigator,
      // looking like part of the project.
      CalciteSchema.from(root).removeSubSchema("metadata");
      connection.attachSession(openSession(root, settings.config()));
      connection.setSchema(RedcapSchemas.DATA_SCHEMA);
      for (String name : settings.unknownProperties()) {
        connection.addWarning(unknownProperty(name));
      }
      return connection;
    } catch (SQLException | RuntimeException | Error e) {
      connection.close();
      if (e instanceof SQLException) {
        throw (SQLException) e;
      }
      throw new SQLException(
          "Cannot open the REDCap project at " + settings.config().url() + ": " + e.getMessage(),
          "08001",
          e);
    }
  }

  /**
   * Attaches the project's schemas under the connection's root schema. Tests override it to serve
   * a schema of their own. The first connection in a JVM warms Calcite up while the project's
   * structure loads ({@link ColdStartWarmUp}), so that its first query does not pay for that.
   */
  protected RedcapSession openSession(SchemaPlus root, RedcapConfig config) throws SQLException {
    ColdStartWarmUp warmUp = ColdStartWarmUp.claim();
    RedcapSession main =
        warmUp == null
            ? RedcapSchemas.attach(root, config)
            : RedcapSchemas.attach(root, config, warmUp);
    List<RedcapSession> others;
    try {
      others = RedcapSchemas.attachProjects(root, config);
    } catch (SQLException | RuntimeException e) {
      main.close();
      throw e;
    }
    return others.isEmpty() ? main : new WithOtherProjects(main, others);
  }

  /** The connection's project, closing the projectTokens projects' sessions with its own. */
  private record WithOtherProjects(RedcapSession main, List<RedcapSession> others)
      implements RedcapSession {
    @Override
    public RedcapConfig config() {
      return main.config();
    }

    @Override
    public String serverVersion() {
      return main.serverVersion();
    }

    @Override
    public boolean isReachable(java.time.Duration timeout) {
      return main.isReachable(timeout);
    }

    @Override
    public void close() {
      others.forEach(RedcapSession::close);
      main.close();
    }
  }

  /**
   * The warning for a property nobody reads, naming the closest driver property when the name is
   * one or two typing mistakes away from it. Only the name is quoted: the value may be a secret.
   */
  static SQLWarning unknownProperty(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    String closest = null;
    int best = 3;
    for (RedcapProperty p : RedcapProperty.values()) {
      int d = editDistance(lower, p.camelName().toLowerCase(Locale.ROOT));
      if (d < best) {
        best = d;
        closest = p.camelName();
      }
    }
    return new SQLWarning(
        "Unknown connection property '"
            + name
            + "' was ignored: neither redcap-jdbc nor Calcite reads it"
            + (closest == null ? "" : " (did you mean '" + closest + "'?)")
            + ". The driver's properties are listed by Driver.getPropertyInfo and in the README.",
        "01000");
  }

  /** Levenshtein distance (names are short). */
  private static int editDistance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] t = previous;
      previous = current;
      current = t;
    }
    return previous[b.length()];
  }

  /** The driver's properties first, with descriptions; then the Calcite ones worth knowing. */
  @Override
  public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
    Properties given = info == null ? new Properties() : info;
    List<DriverPropertyInfo> list = new ArrayList<>();
    for (RedcapProperty p : RedcapProperty.values()) {
      DriverPropertyInfo i =
          new DriverPropertyInfo(
              p.camelName(),
              p.isSecret() ? null : given.getProperty(p.camelName(), p.defaultValue()));
      i.description = p.description();
      i.required = p.required();
      if (p.isBoolean()) {
        i.choices = new String[] {"true", "false"};
      }
      list.add(i);
    }
    list.add(
        calciteProperty(
            "lex",
            "MYSQL_ANSI",
            "Calcite lexical policy. MYSQL_ANSI: identifiers match case-insensitively and are "
                + "quoted with double quotes.",
            given));
    list.add(
        calciteProperty(
            "conformance",
            "LENIENT",
            "Calcite SQL conformance. LENIENT accepts !=, LIMIT a,b, % and GROUP BY alias.",
            given));
    list.add(
        calciteProperty(
            "timeZone",
            null,
            "Time zone for CURRENT_TIMESTAMP and the like; default: the JVM's.",
            given));
    list.add(
        calciteProperty(
            "fun", null, "Extra SQL function libraries, e.g. mysql,postgresql,oracle.", given));
    return list.toArray(new DriverPropertyInfo[0]);
  }

  private static DriverPropertyInfo calciteProperty(
      String name, String dflt, String description, Properties given) {
    DriverPropertyInfo i = new DriverPropertyInfo(name, given.getProperty(name, dflt));
    i.description = description;
    return i;
  }

  /** The driver's version, from the build. */
  static String driverVersion() {
    Properties p = new Properties();
    try (InputStream in = RedcapDriver.class.getResourceAsStream("redcap-jdbc.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      // Fall through to "unknown": a missing version must not stop the driver loading.
    }
    return p.getProperty("version", "unknown");
  }

  private static int versionPart(String version, int index) {
    String[] parts = version.toLowerCase(Locale.ROOT).split("[.-]");
    try {
      return index < parts.length ? Integer.parseInt(parts[index]) : 0;
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
