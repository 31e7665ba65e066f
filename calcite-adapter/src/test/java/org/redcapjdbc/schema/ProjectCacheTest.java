package org.redcapjdbc.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.redcapjdbc.model.ProjectModel;

/** The shared project cache: one fetch at a time per key, reuse until the TTL, no cached failures. */
class ProjectCacheTest {
  private Instant now = Instant.parse("2026-01-01T00:00:00Z");
  private final Clock clock =
      new Clock() {
        @Override
        public ZoneOffset getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now;
        }
      };
  private final ProjectCache cache = new ProjectCache(clock);
  private final AtomicInteger fetches = new AtomicInteger();

  private Supplier<ProjectSnapshot> loader() {
    return () -> {
      fetches.incrementAndGet();
      ProjectModel model =
          ProjectModel.builder()
              .metadata(
                  List.of(
                      Map.of("field_name", "record_id", "form_name", "f", "field_type", "text")))
              .build();
      return new ProjectSnapshot(model, "15.2.1", List.of(), clock.instant());
    };
  }

  @Test
  void aSnapshotIsReusedUntilItsTtlThenFetchedAgain() {
    ProjectSnapshot first = cache.get("k", Duration.ofMinutes(5), loader());
    now = now.plusSeconds(299);
    assertThat(cache.get("k", Duration.ofMinutes(5), loader())).isSameAs(first);
    now = now.plusSeconds(1);
    assertThat(cache.get("k", Duration.ofMinutes(5), loader())).isNotSameAs(first);
    assertThat(fetches).hasValue(2);
    assertThat(cache.get("other", Duration.ofMinutes(5), loader())).isNotSameAs(first);
    assertThat(fetches).hasValue(3);
  }

  @Test
  void concurrentConnectionsWaitForOneFetch() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    Supplier<ProjectSnapshot> slow =
        () -> {
          try {
            release.await();
          } catch (InterruptedException e) {
            throw new IllegalStateException(e);
          }
          return loader().get();
        };
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<ProjectSnapshot>> results = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        results.add(pool.submit(() -> cache.get("k", Duration.ofMinutes(5), slow)));
      }
      Thread.sleep(200);
      release.countDown();
      ProjectSnapshot one = results.get(0).get();
      for (Future<ProjectSnapshot> f : results) {
        assertThat(f.get()).isSameAs(one);
      }
      assertThat(fetches).hasValue(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aFailedFetchIsNotCached() {
    assertThatThrownBy(
            () ->
                cache.get(
                    "k",
                    Duration.ofMinutes(5),
                    () -> {
                      throw new IllegalStateException("down");
                    }))
        .hasMessage("down");
    assertThat(cache.get("k", Duration.ofMinutes(5), loader())).isNotNull();
    assertThat(fetches).hasValue(1);
  }

  @Test
  void aZeroTtlFetchesEveryTime() {
    cache.get("k", Duration.ZERO, loader());
    cache.get("k", Duration.ZERO, loader());
    assertThat(fetches).hasValue(2);
  }
}
