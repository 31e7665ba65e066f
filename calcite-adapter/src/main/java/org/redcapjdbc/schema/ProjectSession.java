package org.redcapjdbc.schema;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.redcapjdbc.client.RedcapClient;
import org.redcapjdbc.client.RedcapException;
import org.redcapjdbc.model.ExportFieldName;
import org.redcapjdbc.model.LayoutOptions;
import org.redcapjdbc.model.ProjectModel;
import org.redcapjdbc.model.PseudoColumns;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection's hold on its project: settings, API client and the project snapshot its tables
 * were built from. The snapshot is fixed for the connection's lifetime, so a statement is always
 * planned and run against one table layout; a connection opened after {@code metadataTtl} sees
 * dictionary changes.
 */
final class ProjectSession implements RedcapSession {
  private static final Logger LOG = LoggerFactory.getLogger(ProjectSession.class);
  private static final Duration MAX_PROBE = Duration.ofSeconds(15);

  private final RedcapConfig config;
  private final RedcapClient client;
  private final ProjectSnapshot snapshot;
  private final RecordImporter importer;
  private volatile boolean closed;
  private volatile Set<String> exportColumns;
  private final String projectName;

  /** The connection's own project, in schemas {@code redcap} and {@code meta}. */
  ProjectSession(RedcapConfig config, RedcapClient client, ProjectSnapshot snapshot) {
    this(config, client, snapshot, null);
  }

  /**
   * @param projectName the name of a {@code projectTokens} project (schemas {@code <name>} and
   *     {@code <name>_meta}), or null for the connection's own project
   */
  ProjectSession(
      RedcapConfig config, RedcapClient client, ProjectSnapshot snapshot, String projectName) {
    this.projectName = projectName;
    this.config = requireNonNull(config, "config");
    this.client = requireNonNull(client, "client");
    this.snapshot = requireNonNull(snapshot, "snapshot");
    this.importer = new RecordImporter(this);
  }

  @Override
  public RedcapConfig config() {
    return config;
  }

  RedcapClient client() {
    return client;
  }

  /** The schema of this project's data tables, as statements name it (for messages). */
  String dataSchema() {
    return projectName == null ? RedcapSchemas.DATA_SCHEMA : projectName;
  }

  /** The schema of this project's system tables, as statements name it (for messages). */
  String metaSchema() {
    return projectName == null
        ? RedcapSchemas.META_SCHEMA
        : projectName + "_" + RedcapSchemas.META_SCHEMA;
  }

  ProjectSnapshot snapshot() {
    return snapshot;
  }

  /** The record imports of this connection's INSERTs and UPDATEs (one, so a batch can merge). */
  RecordImporter importer() {
    return importer;
  }

  ProjectModel model() {
    return snapshot.model();
  }

  /**
   * Every export column name the snapshot knows: fields, checkbox options, statuses, pseudo
   * columns. One set for all the connection's tables: a project of 20,000 fields has 2,000
   * instruments, and a copy per table (26,000 names each) ran a 2 GB heap out at connect.
   */
  Set<String> exportColumns() {
    Set<String> known = exportColumns;
    if (known == null) {
      ProjectModel model = model();
      Set<String> names = new HashSet<>(PseudoColumns.ALL);
      for (ExportFieldName e : model.exportFieldNames()) {
        names.add(e.exportName());
      }
      names.add(model.recordIdField().name());
      known = Set.copyOf(names); // immutable: a scan's Set.copyOf of it is the same set
      exportColumns = known;
    }
    return known;
  }

  LayoutOptions layoutOptions() {
    return new LayoutOptions(config.labelColumns(), config.typed());
  }

  @Override
  public String serverVersion() {
    return snapshot.serverVersion();
  }

  @Override
  public boolean isReachable(Duration timeout) {
    if (closed) {
      return false;
    }
    // DBeaver passes its 10,000 ms preference as 10,000 *seconds* and gives up after ~12 s;
    // a probe that outlives its caller only ties up a thread.
    Duration limit = timeout.compareTo(MAX_PROBE) > 0 || timeout.isZero() ? MAX_PROBE : timeout;
    try {
      RedcapClients.forProbe(config, limit).project().exportVersion();
      return true;
    } catch (RedcapException | IllegalArgumentException e) {
      LOG.debug("REDCap at {} did not answer within {}: {}", config.url(), timeout, e.getMessage());
      return false;
    }
  }

  @Override
  public void close() {
    // The HTTP pool is shared with the connection's siblings and the snapshot stays cached;
    // open result sets were closed by the connection before it got here.
    closed = true;
  }

  @Override
  public String toString() {
    return "ProjectSession{" + config.url() + ", " + snapshot.model() + "}";
  }
}
