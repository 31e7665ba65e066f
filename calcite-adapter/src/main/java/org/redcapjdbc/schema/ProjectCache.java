package org.redcapjdbc.schema;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Project snapshots shared by every connection to the same project with the same credentials
 * ({@link RedcapConfig#cacheKey()}), each reused until it is older than the connection's
 * {@code metadataTtl}. Thread-safe; per key at most one fetch runs at a time, and connections
 * that arrive meanwhile wait for it and take its result. A failed fetch is not cached.
 */
final class ProjectCache {
  /** The process-wide cache the driver's connections use. */
  static final ProjectCache SHARED = new ProjectCache(Clock.systemUTC());

  private final Map<String, Slot> slots = new ConcurrentHashMap<>();
  private final Clock clock;

  ProjectCache(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * The cached snapshot for {@code key} if it is younger than {@code ttl}, else a fresh one from
   * {@code loader} (which then replaces it).
   */
  ProjectSnapshot get(String key, Duration ttl, Supplier<ProjectSnapshot> loader) {
    return slots.computeIfAbsent(key, k -> new Slot()).get(ttl, loader);
  }

  /**
   * Drops the snapshots of one project and credentials, whatever their layout options
   * ({@link RedcapConfig#projectKey()}): its structure was just changed through this driver.
   */
  void forgetProject(String projectKey) {
    slots.keySet().removeIf(key -> key.startsWith(projectKey + "|"));
  }

  /** Drops every cached snapshot (tests, or a caller that knows the project changed). */
  void clear() {
    slots.clear();
  }

  private final class Slot {
    private final ReentrantLock lock = new ReentrantLock();
    private volatile ProjectSnapshot snapshot;

    ProjectSnapshot get(Duration ttl, Supplier<ProjectSnapshot> loader) {
      ProjectSnapshot current = snapshot;
      if (isFresh(current, ttl)) {
        return current;
      }
      lock.lock();
      try {
        current = snapshot;
        if (isFresh(current, ttl)) {
          return current; // another connection fetched it while this one waited
        }
        ProjectSnapshot loaded = loader.get();
        snapshot = loaded;
        return loaded;
      } finally {
        lock.unlock();
      }
    }

    private boolean isFresh(ProjectSnapshot s, Duration ttl) {
      return s != null && Duration.between(s.loadedAt(), clock.instant()).compareTo(ttl) < 0;
    }
  }
}
