package org.redcapjdbc.emulator.store;

import static java.util.Objects.requireNonNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The H2 database behind the emulator: in memory by default, or files in a directory so that
 * data survive a restart. Tables follow REDCap's own layout (see {@link Schema}).
 */
public final class Database implements AutoCloseable {
  // Plain connections, not H2's JdbcConnectionPool: a pooled connection takes a lock on every
  // JDBC call (checkClosed), which cost about a third of an export's CPU, while opening an H2
  // session on a database that is already open costs microseconds.
  private final JdbcDataSource source;
  private final boolean persistent;

  private Database(String url, boolean persistent) {
    this.source = new JdbcDataSource();
    this.source.setURL(url);
    this.source.setUser("sa");
    this.source.setPassword("");
    this.persistent = persistent;
    try (Connection c = source.getConnection()) {
      Schema.create(c);
    } catch (SQLException e) {
      throw new StoreException("Could not create the emulator's tables in " + url, e);
    }
  }

  /**
   * A database held in memory, in H2's object store: the fastest to load and export (about 350 MB
   * of heap per million stored values; use {@link #inDirectory(Path)} for very large projects).
   */
  public static Database inMemory() {
    String name = "mem:redcap-emulator-" + UUID.randomUUID();
    return new Database("jdbc:h2:" + name + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=60000", false);
  }

  /** A database in {@code dir} (created if missing); reopening the same directory keeps the data. */
  public static Database inDirectory(Path dir) {
    requireNonNull(dir, "dir");
    try {
      Files.createDirectories(dir);
    } catch (java.io.IOException e) {
      throw new StoreException("Could not create the data directory " + dir, e);
    }
    String file = dir.toAbsolutePath().resolve("redcap-emulator").toString();
    return new Database(
        "jdbc:h2:file:" + file + ";DB_CLOSE_ON_EXIT=FALSE;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=60000",
        true);
  }

  public boolean isPersistent() {
    return persistent;
  }

  public Connection connection() throws SQLException {
    return source.getConnection();
  }

  /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
  public <T> T inTransaction(SqlWork<T> work) {
    try (Connection c = source.getConnection()) {
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new StoreException("Database operation failed: " + e.getMessage(), e);
    }
  }

  /** Runs a read-only unit of work on one connection. */
  public <T> T read(SqlWork<T> work) {
    try (Connection c = source.getConnection()) {
      return work.run(c);
    } catch (SQLException e) {
      throw new StoreException("Database read failed: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    try (Connection c = source.getConnection();
        Statement s = c.createStatement()) {
      s.execute("SHUTDOWN");
    } catch (SQLException e) {
      // Already closed.
    }
  }

  /** A unit of JDBC work. */
  @FunctionalInterface
  public interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
  }
}
