package org.redcapjdbc.schema;

import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import org.apache.calcite.schema.SchemaPlus;

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
    // The schema layer (issue [C]) replaces this body; until it lands the driver cannot reach a
    // project and says so rather than pretending.
    throw new SQLFeatureNotSupportedException(
        "The REDCap schema layer is not built in this version of redcap-jdbc");
  }
}
