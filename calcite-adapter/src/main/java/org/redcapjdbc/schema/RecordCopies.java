package org.redcapjdbc.schema;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.calcite.DataContext;
import org.redcapjdbc.cache.CopiedRows;
import org.redcapjdbc.cache.CopyCursor;
import org.redcapjdbc.cache.CopyFile;
import org.redcapjdbc.client.RecordExportRequest;
import org.redcapjdbc.client.RowCursor;

/**
 * The snapshot cache's copies of records, one per URL and token ({@link
 * RedcapConfig#projectKey()}, which holds a digest of the token, never the token), shared by the
 * connections of this JVM with {@code cache=memory} or {@code disk}. A copy is only ever read by
 * connections with its own token, so a DAG member's copy, which holds only its group's records,
 * is never served to another token. See docs/snapshot-cache.md.
 */
final class RecordCopies {
  /** The copies the driver's connections use. */
  static final RecordCopies SHARED = new RecordCopies(Clock.systemUTC());

  private final Map<String, RecordCopy> copies = new ConcurrentHashMap<>();
  private final Clock clock;

  RecordCopies(Clock clock) {
    this.clock = clock;
  }

  /**
   * The rows a scan of statement {@code root} reads instead of {@code request}'s export: the copy
   * as of this statement (filled or brought up to date first, see {@link RecordCopy}); the fill
   * or refresh stops when {@code watched} does (cancel, query timeout).
   */
  RowCursor open(
      ProjectSession session,
      DataContext root,
      RecordExportRequest request,
      ScanWatchdog.Watched watched) {
    RecordCopy copy = copy(session.config());
    CopiedRows version = copy.forStatement(session, root, watched);
    return new CopyCursor(
        version,
        Boolean.TRUE.equals(request.exportBlankForGrayFormStatus())
            ? null
            : RecordCopy.grayStatus(session.model(), version));
  }

  /** The copy for a config's URL and token (created empty). */
  RecordCopy copy(RedcapConfig config) {
    RecordCopy copy = copies.computeIfAbsent(config.projectKey(), k -> new RecordCopy(clock));
    if (config.cache() == CacheMode.DISK) {
      copy.useFile(
          new CopyFile(
              config.cacheDir().orElseGet(CopyFile::defaultDir),
              config.url().toString(),
              config.token()));
    }
    return copy;
  }

  /**
   * A write through this driver went to (or may have reached) the project: the copy is brought up
   * to date before its next statement, whatever {@code cacheMaxAge}.
   */
  void changed(RedcapConfig config) {
    if (config.cache() == CacheMode.OFF) {
      return;
    }
    RecordCopy copy = copies.get(config.projectKey());
    if (copy != null) {
      copy.markStale();
    }
  }

  /** Drops every copy (tests). */
  void clear() {
    copies.clear();
  }
}
