package org.redcapjdbc.emulator;

import static java.util.Objects.requireNonNull;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.redcapjdbc.emulator.api.ApiDispatcher;
import org.redcapjdbc.emulator.api.ApiMethod;
import org.redcapjdbc.emulator.api.MethodRegistry;
import org.redcapjdbc.emulator.api.StandardMethods;
import org.redcapjdbc.emulator.http.ApiHandler;
import org.redcapjdbc.emulator.http.StatsRecorder;
import org.redcapjdbc.emulator.load.Generator;
import org.redcapjdbc.emulator.load.LoadedProject;
import org.redcapjdbc.emulator.load.ProjectFiles;
import org.redcapjdbc.emulator.load.ProjectLoadException;
import org.redcapjdbc.emulator.model.Dag;
import org.redcapjdbc.emulator.model.Event;
import org.redcapjdbc.emulator.model.LogEntry;
import org.redcapjdbc.emulator.model.ProjectDefinition;
import org.redcapjdbc.emulator.odm.OdmReader;
import org.redcapjdbc.emulator.store.AccessStore;
import org.redcapjdbc.emulator.store.Database;
import org.redcapjdbc.emulator.store.DocumentStore;
import org.redcapjdbc.emulator.store.LogStore;
import org.redcapjdbc.emulator.store.ProjectHandle;
import org.redcapjdbc.emulator.store.ProjectImporter;
import org.redcapjdbc.emulator.store.ProjectRegistry;
import org.redcapjdbc.emulator.store.ProjectStore;
import org.redcapjdbc.emulator.store.RecordData;
import org.redcapjdbc.emulator.store.RecordHeader;
import org.redcapjdbc.emulator.store.RecordStore;
import org.redcapjdbc.emulator.store.StoredUser;

/**
 * A REDCap-API-compatible server on the loopback interface, for tests and demos.
 *
 * <pre>{@code
 * try (RedcapEmulator emulator = RedcapEmulator.builder().port(0).build().start()) {
 *   EmulatedProject p = emulator.loadProject(Path.of("project.xml"), null);
 *   // POST to emulator.url() with token p.token()
 * }
 * }</pre>
 *
 * <p>Storage is H2, in memory unless {@link Builder#dataDir(Path)} is set; with a data directory
 * the projects stored there are served again, with their tokens, after a restart.
 */
public final class RedcapEmulator implements AutoCloseable {
  private final Builder config;
  private final Database database;
  private final ProjectRegistry registry;
  private final MethodRegistry methods;
  private final Faults faults = new Faults();
  private final StatsRecorder stats = new StatsRecorder();
  private final Set<Integer> restored = new HashSet<>();
  private final Set<Integer> claimed = new HashSet<>();
  private final EmulatedProject.ProjectAccess access = new Access();
  private Server server;
  private volatile String url;

  private RedcapEmulator(Builder b) {
    this.config = b;
    this.database = b.dataDir == null ? Database.inMemory() : Database.inDirectory(b.dataDir);
    try {
      this.registry = new ProjectRegistry(database);
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
    for (ProjectHandle h : registry.all()) {
      restored.add(h.id());
    }
    this.methods = new MethodRegistry();
    StandardMethods.register(methods);
    for (Object[] extra : b.extraMethods) {
      methods.register((String) extra[0], (String) extra[1], (ApiMethod) extra[2]);
    }
  }

  private boolean closed;

  public static Builder builder() {
    return new Builder();
  }

  /** Starts listening; returns this emulator. */
  public synchronized RedcapEmulator start() {
    if (server != null) {
      throw new IllegalStateException("The emulator is already started");
    }
    QueuedThreadPool threads = new QueuedThreadPool(64, 4);
    threads.setName("redcap-emulator");
    Server s = new Server(threads);
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    ServerConnector connector;
    if (config.keystore != null) {
      SslContextFactory.Server ssl = new SslContextFactory.Server();
      ssl.setKeyStorePath(config.keystore.toAbsolutePath().toString());
      ssl.setKeyStorePassword(config.keystorePassword);
      ssl.setKeyStoreType("PKCS12");
      HttpConfiguration https = new HttpConfiguration(http);
      SecureRequestCustomizer customizer = new SecureRequestCustomizer();
      // Test certificates rarely name 127.0.0.1; clients still verify the chain and host
      // themselves.
      customizer.setSniHostCheck(false);
      https.addCustomizer(customizer);
      connector =
          new ServerConnector(
              s, new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(https));
    } else {
      connector = new ServerConnector(s, new HttpConnectionFactory(http));
    }
    connector.setHost("127.0.0.1");
    connector.setPort(config.port);
    connector.setIdleTimeout(600_000);
    s.addConnector(connector);
    s.setHandler(
        new ApiHandler(
            new ApiDispatcher(
                    registry,
                    methods,
                    config.superToken,
                    () -> url == null ? "http://127.0.0.1/api/" : url)
                .timeZone(config.timeZone),
            faults,
            stats));
    s.setStopTimeout(2000);
    try {
      s.start();
    } catch (Exception e) {
      try {
        s.stop();
      } catch (Exception ignored) {
        // Nothing more to release.
      }
      throw new IllegalStateException(
          "Could not start the emulator on port " + config.port + ": " + e.getMessage(), e);
    }
    server = s;
    url =
        (config.keystore != null ? "https" : "http")
            + "://127.0.0.1:"
            + connector.getLocalPort()
            + "/api/";
    return this;
  }

  /** The API URL, {@code http://127.0.0.1:PORT/api/} (https when a keystore was given). */
  public String url() {
    if (url == null) {
      throw new IllegalStateException("The emulator is not started");
    }
    return url;
  }

  public int port() {
    return java.net.URI.create(url()).getPort();
  }

  /**
   * Loads a project file: REDCap project XML, a directory of CSV files, or a data dictionary CSV.
   *
   * @param token the API token to give it (any string; REDCap's are 32 hex characters), or null to
   *     generate one. A token already in use is reused when it belongs to a project with the same
   *     title (a restart with {@code --data}); otherwise it is an error.
   */
  public EmulatedProject loadProject(Path file, String token) {
    requireNonNull(file, "file");
    return store(ProjectFiles.read(file), token);
  }

  /** Loads a REDCap project XML document. */
  public EmulatedProject loadProject(InputStream projectXml, String token) {
    requireNonNull(projectXml, "projectXml");
    return store(OdmReader.read(projectXml, "project XML stream"), token);
  }

  /** Generates a project from a spec ({@code records=1000,fields=50,…} or {@code demo}); see {@link Generator}. */
  public EmulatedProject generate(String spec, String token) {
    return store(Generator.fromSpec(spec), token);
  }

  private synchronized EmulatedProject store(LoadedProject loaded, String token) {
    String title = loaded.definition().title();
    Optional<EmulatedProject> existing = existing(title, token);
    if (existing.isPresent()) {
      return existing.get();
    }
    ProjectImporter.StoredProject stored = ProjectImporter.store(registry, loaded, token);
    claimed.add(stored.handle().id());
    return new EmulatedProject(stored.handle().id(), title, stored.token(), access);
  }

  /** An already-stored project this load stands for (see {@link #loadProject(Path, String)}). */
  private Optional<EmulatedProject> existing(String title, String token) {
    return database.read(
        c -> {
          if (token != null) {
            Optional<Integer> owner = AccessStore.projectOfToken(c, token);
            if (owner.isEmpty()) {
              return Optional.empty();
            }
            ProjectHandle h = registry.get(owner.get());
            if (h == null || !h.definition().title().equals(title)) {
              throw new ProjectLoadException(
                  "The API token given for project '"
                      + title
                      + "' is already in use by another project");
            }
            claimed.add(h.id());
            return Optional.of(new EmulatedProject(h.id(), title, token, access));
          }
          // Without a token, a project restored from the data directory with the same title is
          // reused once.
          for (ProjectHandle h : registry.all()) {
            if (restored.contains(h.id())
                && !claimed.contains(h.id())
                && h.definition().title().equals(title)) {
              claimed.add(h.id());
              return Optional.of(
                  new EmulatedProject(
                      h.id(), title, AccessStore.tokensOf(c, h.id()).get(0), access));
            }
          }
          return Optional.empty();
        });
  }

  /** Every project served, with its first token. */
  public List<EmulatedProject> projects() {
    return database.read(
        c -> {
          List<EmulatedProject> list = new ArrayList<>();
          for (ProjectHandle h : registry.all()) {
            List<String> tokens = AccessStore.tokensOf(c, h.id());
            list.add(
                new EmulatedProject(
                    h.id(), h.definition().title(), tokens.isEmpty() ? "" : tokens.get(0), access));
          }
          return list;
        });
  }

  /** Counters and recent requests since the start or the last {@link #resetStats()}. */
  public EmulatorStats stats() {
    return stats.snapshot();
  }

  public void resetStats() {
    stats.reset();
  }

  /** The fault knobs, live. */
  public Faults faults() {
    return faults;
  }

  @Override
  public synchronized void close() {
    // Idempotent, as AutoCloseable recommends: test frameworks and shutdown hooks may both close.
    if (closed) {
      return;
    }
    closed = true;
    if (server != null) {
      try {
        server.stop();
      } catch (Exception e) {
        // Stopping is best effort; the database is closed regardless.
      }
      server = null;
    }
    database.close();
  }

  /** The Java API's way into stored projects (users, files, the log), under each project's lock. */
  private final class Access implements EmulatedProject.ProjectAccess {
    private ProjectHandle handle(int projectId) {
      ProjectHandle h = registry.get(projectId);
      if (h == null) {
        throw new IllegalStateException("Project " + projectId + " is not served by this emulator");
      }
      return h;
    }

    @Override
    public String addUser(int projectId, UserSpec spec) {
      ProjectHandle h = handle(projectId);
      h.lock().writeLock().lock();
      try {
        ProjectDefinition def = h.definition();
        Integer group = null;
        if (spec.dag() != null) {
          Dag dag = def.dag(spec.dag());
          if (dag == null) {
            throw new IllegalArgumentException(
                "Project '"
                    + def.title()
                    + "' has no data access group '"
                    + spec.dag()
                    + "'; its groups are "
                    + def.dags().stream().map(Dag::uniqueName).toList());
          }
          group = dag.id();
        }
        if (spec.role() != null
            && def.roles().stream().noneMatch(r -> r.uniqueRoleName().equals(spec.role()))) {
          throw new IllegalArgumentException(
              "Project '" + def.title() + "' has no user role '" + spec.role() + "'");
        }
        List<Integer> switchable = new ArrayList<>();
        for (String g : spec.dagSwitcher()) {
          Dag dag = def.dag(g);
          if (dag == null) {
            throw new IllegalArgumentException(
                "Project '" + def.title() + "' has no data access group '" + g + "'");
          }
          switchable.add(dag.id());
        }
        String token = spec.token() == null ? AccessStore.newToken() : spec.token();
        Integer groupId = group;
        return database.inTransaction(
            c -> {
              if (AccessStore.user(c, projectId, spec.username()).isPresent()) {
                throw new IllegalArgumentException(
                    "Project '" + def.title() + "' already has a user '" + spec.username() + "'");
              }
              if (AccessStore.projectOfToken(c, token).isPresent()) {
                throw new IllegalArgumentException(
                    "The token given for user '" + spec.username() + "' is already in use");
              }
              AccessStore.saveUser(
                  c,
                  projectId,
                  new StoredUser(
                      spec.username(),
                      spec.email(),
                      spec.firstname(),
                      spec.lastname(),
                      "",
                      groupId,
                      spec.role(),
                      spec.rights()));
              for (int g : switchable) {
                AccessStore.allowGroup(c, projectId, spec.username(), g);
              }
              AccessStore.createToken(c, token, projectId, spec.username());
              return token;
            });
      } finally {
        h.lock().writeLock().unlock();
      }
    }

    @Override
    public Optional<StoredFile> file(
        int projectId, String record, String field, String event, int instance) {
      ProjectHandle h = handle(projectId);
      h.lock().readLock().lock();
      try {
        ProjectDefinition def = h.definition();
        Event e = event == null ? def.firstEvent() : def.event(event);
        if (e == null) {
          throw new IllegalArgumentException(
              "Project '" + def.title() + "' has no event '" + event + "'");
        }
        return database.read(
            c -> {
              Optional<RecordHeader> header = RecordStore.header(c, projectId, record);
              if (header.isEmpty()) {
                return Optional.<StoredFile>empty();
              }
              RecordData data = RecordStore.load(c, projectId, List.of(header.get())).get(record);
              String docId = data.value(e.id(), instance, field);
              if (docId.isEmpty()) {
                return Optional.<StoredFile>empty();
              }
              try {
                return DocumentStore.document(c, projectId, Integer.parseInt(docId))
                    .map(RedcapEmulator::storedFile);
              } catch (NumberFormatException ex) {
                return Optional.<StoredFile>empty();
              }
            });
      } finally {
        h.lock().readLock().unlock();
      }
    }

    @Override
    public Optional<StoredFile> repositoryFile(int projectId, int docId) {
      handle(projectId);
      return database.read(
          c -> {
            if (DocumentStore.repositoryFile(c, projectId, docId).isEmpty()) {
              return Optional.<StoredFile>empty();
            }
            return DocumentStore.document(c, projectId, docId).map(RedcapEmulator::storedFile);
          });
    }

    @Override
    public void backdate(int projectId, java.time.Duration age) {
      ProjectHandle h = handle(projectId);
      h.lock().writeLock().lock();
      try {
        ProjectDefinition def = h.definition();
        java.time.format.DateTimeFormatter format =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
        String created = def.info().creationTime();
        java.time.LocalDateTime from = java.time.LocalDateTime.now().withNano(0);
        try {
          from = java.time.LocalDateTime.parse(created, format);
        } catch (java.time.format.DateTimeParseException e) {
          // no usable creation time: count back from now
        }
        java.time.LocalDateTime then = from.minus(age);
        ProjectDefinition changed =
            def.toBuilder()
                .info(def.info().toBuilder().creationTime(then.format(format)).build())
                .build();
        database.inTransaction(
            c -> {
              ProjectStore.updateInfo(c, changed);
              LogStore.shift(c, projectId, age.negated());
              return null;
            });
        h.update(changed);
      } finally {
        h.lock().writeLock().unlock();
      }
    }

    @Override
    public List<LogEntry> log(int projectId) {
      handle(projectId);
      return database.read(c -> LogStore.read(c, projectId, LogStore.Query.ALL));
    }
  }

  private static StoredFile storedFile(DocumentStore.Document d) {
    return new StoredFile(d.docId(), d.name(), d.mimeType(), d.content());
  }

  /** Settings of an emulator; {@link #build()} opens its storage, {@link RedcapEmulator#start()} listens. */
  public static final class Builder {
    private int port;
    private Path dataDir;
    private String superToken;
    private Path keystore;
    private String keystorePassword;
    private final List<Object[]> extraMethods = new ArrayList<>();
    private java.time.ZoneId timeZone;

    private Builder() {}

    /**
     * Runs the server's clock in {@code zone} (default: the JVM's): the log, record times and
     * {@code dateRangeBegin}/{@code dateRangeEnd} use that zone's local time, as a REDCap server
     * in another zone than its clients does (docs/redcap-api.md §4.15).
     */
    public Builder timeZone(java.time.ZoneId zone) {
      this.timeZone = zone;
      return this;
    }

    /** The port on 127.0.0.1; 0 (the default) picks a free one. */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
      }
      this.port = port;
      return this;
    }

    /** Keep the database in files under {@code dir}, so data survive a restart. */
    public Builder dataDir(Path dir) {
      this.dataDir = dir;
      return this;
    }

    /** A 64-character super token (for project creation). */
    public Builder superToken(String token) {
      this.superToken = token;
      return this;
    }

    /** Serve HTTPS with a PKCS12 keystore. */
    public Builder https(Path keystore, String password) {
      this.keystore = requireNonNull(keystore, "keystore");
      this.keystorePassword = requireNonNull(password, "password");
      return this;
    }

    /** Adds (or, for a new content, defines) an API method. */
    public Builder method(String content, String action, ApiMethod method) {
      extraMethods.add(new Object[] {content, action, method});
      return this;
    }

    public RedcapEmulator build() {
      return new RedcapEmulator(this);
    }
  }
}
