package org.redcapjdbc.schema;

import static java.util.Objects.requireNonNull;

import java.sql.SQLException;
import java.time.Clock;
import org.apache.calcite.schema.SchemaPlus;
import org.redcapjdbc.client.RedcapClient;

/**
 * Entry point from the driver: attaches a REDCap project's schemas to a connection's root schema.
 * The data tables live in {@link #DATA_SCHEMA}, the system tables in {@link #META_SCHEMA}, so an
 * instrument named {@code users} can never collide with a system table.
 */
public final class RedcapSchemas {
  /** The default schema: {@code records} and one table per instrument. */
  public static final String DATA_SCHEMA = "redcap";
  /** The system tables: data dictionary, events, arms, users, DAGs, files ... */
  public static final String META_SCHEMA = "meta";

  private RedcapSchemas() {
  }

  /**
   * Adds {@link #DATA_SCHEMA} and {@link #META_SCHEMA} for the project {@code config} names under
   * {@code root}. Fetches the project model, or reuses the cached one (shared by every connection
   * with the same URL and token until {@link RedcapConfig#metadataTtl()}).
   *
   * @throws SQLException when the project cannot be reached or read, with REDCap's message
   */
  public static RedcapSession attach(SchemaPlus root, RedcapConfig config) throws SQLException {
    requireNonNull(root, "root");
    requireNonNull(config, "config");
    RedcapClient client;
    ProjectSession session;
    try {
      client = RedcapClients.forConfig(config);
      ProjectSnapshot snapshot = ProjectCache.SHARED.get(config.cacheKey(), config.metadataTtl(),
          () -> new ProjectLoader(client, Clock.systemUTC()).load());
      session = new ProjectSession(config, client, snapshot);
      RedcapDataSchema data = new RedcapDataSchema(session);
      root.add(DATA_SCHEMA, data);
      root.add(META_SCHEMA, new RedcapMetaSchema(session, data.tableOfForm()));
    } catch (RuntimeException e) {
      throw SqlErrors.connectFailure(config.url(), e);
    }
    return session;
  }
}
