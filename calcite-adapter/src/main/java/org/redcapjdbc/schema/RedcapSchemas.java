package org.redcapjdbc.schema;

import static java.util.Objects.requireNonNull;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.time.Clock;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.BooleanSupplier;
import org.apache.calcite.schema.SchemaPlus;
import org.redcapjdbc.client.RedcapClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

  private static final Logger LOG = LoggerFactory.getLogger(RedcapSchemas.class);

  /**
   * Work the connecting thread does while the project's structure is fetched on another thread
   * (see {@link #attach(SchemaPlus, RedcapConfig, WhileLoading)}).
   */
  @FunctionalInterface
  public interface WhileLoading {
    /**
     * @param loadFinished turns true once the fetch has finished, successfully or not: the
     *     connection is waiting from then on, so nothing further should be started
     */
    void run(BooleanSupplier loadFinished);
  }

  private RedcapSchemas() {}

  /**
   * Drops this JVM's in-memory snapshot-cache copies ({@code cache=memory|disk}); the encrypted
   * files of {@code cache=disk} stay, and the next statement starts from them. For applications
   * that want the memory back, and for tests that stand in for a new JVM.
   */
  public static void forgetSnapshotCopies() {
    RecordCopies.SHARED.clear();
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
    try {
      RedcapClient client = RedcapClients.forConfig(config);
      return attach(root, config, client, snapshot(client, config));
    } catch (RuntimeException e) {
      throw SqlErrors.connectFailure(config.url(), e);
    }
  }

  /**
   * As {@link #attach(SchemaPlus, RedcapConfig)}, but the project's structure is fetched on
   * another thread while this one runs {@code whileLoading}. Fetching is mostly waiting for the
   * server, so the driver uses that time on its first connection to warm Calcite up (loading and
   * running its parser, planner and code generator once), which the first query would otherwise
   * pay for. The work is told when the fetch has finished, so that it starts nothing more once
   * the connection waits for it. Whatever it throws is logged and ignored: it must not stop the
   * connection.
   *
   * @throws SQLException as {@link #attach(SchemaPlus, RedcapConfig)} does
   */
  public static RedcapSession attach(
      SchemaPlus root, RedcapConfig config, WhileLoading whileLoading) throws SQLException {
    requireNonNull(root, "root");
    requireNonNull(config, "config");
    requireNonNull(whileLoading, "whileLoading");
    RedcapClient client;
    try {
      client = RedcapClients.forConfig(config);
    } catch (RuntimeException e) {
      throw SqlErrors.connectFailure(config.url(), e);
    }
    FutureTask<ProjectSnapshot> load = new FutureTask<>(() -> snapshot(client, config));
    Thread loader = new Thread(load, "redcap-project-load");
    loader.setDaemon(true);
    loader.start();
    try {
      whileLoading.run(load::isDone);
    } catch (RuntimeException | LinkageError e) {
      LOG.debug("Work done while the project loaded failed; the connection is not affected", e);
    }
    ProjectSnapshot snapshot;
    try {
      snapshot = load.get();
    } catch (InterruptedException e) {
      load.cancel(true);
      Thread.currentThread().interrupt();
      throw new SQLNonTransientConnectionException(
          "Interrupted while reading the REDCap"
              + " project at "
              + config.url()
              + "; connect again.",
          "08001",
          e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw SqlErrors.connectFailure(config.url(), r);
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new SQLNonTransientConnectionException(
          "Cannot open the REDCap project at " + config.url() + ": " + cause, "08001", cause);
    }
    try {
      return attach(root, config, client, snapshot);
    } catch (RuntimeException e) {
      throw SqlErrors.connectFailure(config.url(), e);
    }
  }

  /**
   * Attaches the further projects {@link RedcapConfig#projectTokens()} names (none when it is
   * absent), each as schemas {@code <name>} (data tables) and {@code <name>_meta} (system tables),
   * with its own structure cache, rights and batching: the connection's settings with that
   * project's token. The file is read once, here.
   *
   * @return the sessions, in file order (the connection closes them with its own)
   * @throws SQLException when the file cannot be read or a project cannot be opened
   */
  public static java.util.List<RedcapSession> attachProjects(SchemaPlus root, RedcapConfig config)
      throws SQLException {
    java.util.List<RedcapSession> sessions = new java.util.ArrayList<>();
    if (config.projectTokens().isEmpty()) {
      return sessions;
    }
    for (java.util.Map.Entry<String, String> e :
        ProjectTokens.read(config.projectTokens().get()).entrySet()) {
      RedcapConfig project = config.toBuilder().token(e.getValue()).projectTokens(null).build();
      try {
        RedcapClient client = RedcapClients.forConfig(project);
        ProjectSession session =
            new ProjectSession(project, client, snapshot(client, project), e.getKey());
        RedcapDataSchema data = new RedcapDataSchema(session);
        root.add(e.getKey(), data);
        root.add(
            e.getKey() + "_" + META_SCHEMA,
            new RedcapMetaSchema(session, data.tableOfForm(), false));
        sessions.add(session);
      } catch (RuntimeException failure) {
        SQLException s = SqlErrors.connectFailure(project.url(), failure);
        throw new SQLNonTransientConnectionException(
            "Cannot open the project '"
                + e.getKey()
                + "' of the projectTokens file: "
                + s.getMessage(),
            s.getSQLState(),
            s);
      }
    }
    return sessions;
  }

  /** The project's structure, from the shared cache or fetched. */
  private static ProjectSnapshot snapshot(RedcapClient client, RedcapConfig config) {
    return ProjectCache.SHARED.get(
        config.cacheKey(),
        config.metadataTtl(),
        () -> new ProjectLoader(client, Clock.systemUTC()).load());
  }

  private static RedcapSession attach(
      SchemaPlus root, RedcapConfig config, RedcapClient client, ProjectSnapshot snapshot) {
    ProjectSession session = new ProjectSession(config, client, snapshot);
    RedcapDataSchema data = new RedcapDataSchema(session);
    root.add(DATA_SCHEMA, data);
    root.add(META_SCHEMA, new RedcapMetaSchema(session, data.tableOfForm(), true));
    return session;
  }
}
