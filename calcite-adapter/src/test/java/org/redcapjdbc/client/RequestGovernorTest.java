package org.redcapjdbc.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The governor's rule on a virtual clock: no real waiting, and the clock moves only when every
 * caller is asleep, so each run is a deterministic simulation however the threads interleave.
 */
class RequestGovernorTest {
  private static final long WINDOW = TimeUnit.SECONDS.toNanos(60);

  /** 20 is the issue's own figure; 10 gives more windows for the same requests. */
  @ParameterizedTest
  @ValueSource(ints = {10, 20})
  void noWindowHoldsMoreThanTheLimitUnderConcurrentCallers(int limit) throws Exception {
    int threads = 8;
    int perThread = 25;
    VirtualTime time = new VirtualTime();
    RequestGovernor.Lease lease = governor(time).lease(limit);

    List<Long> starts = Collections.synchronizedList(new ArrayList<>());
    List<Thread> callers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      time.callerStarted();
      Thread caller =
          new Thread(
              () -> {
                try {
                  for (int i = 0; i < perThread; i++) {
                    assertThat(lease.acquire(new Cancellation())).isTrue();
                    starts.add(time.now()); // the clock cannot move while this thread runs
                  }
                } finally {
                  time.callerFinished();
                }
              });
      callers.add(caller);
      caller.start();
    }
    time.runUntilCallersFinish();
    for (Thread caller : callers) {
      caller.join(10_000);
    }

    List<Long> sorted = new ArrayList<>(starts);
    Collections.sort(sorted);
    assertThat(sorted).hasSize(threads * perThread);
    for (int i = 0; i + limit < sorted.size(); i++) {
      assertThat(sorted.get(i + limit) - sorted.get(i))
          .as("starts %d and %d are a window apart", i, i + limit)
          .isGreaterThanOrEqualTo(WINDOW);
    }
    // Not merely slow: every window is used to the full, so 200 starts take 19 windows.
    assertThat(sorted.stream().filter(t -> t < WINDOW)).hasSize(limit);
    assertThat(sorted.get(sorted.size() - 1)).isEqualTo((threads * perThread / limit - 1) * WINDOW);
  }

  @Test
  void theSmallestLimitOfTheLeasesApplies() {
    VirtualTime time = new VirtualTime();
    RequestGovernor governor = governor(time);
    RequestGovernor.Lease lax = governor.lease(100);
    RequestGovernor.Lease strict = governor.lease(3);
    for (int i = 0; i < 3; i++) {
      assertThat(lax.acquire(new Cancellation())).isTrue();
    }
    Cancellation fourth = new Cancellation();
    time.cancelWhenAsleep(fourth);
    assertThat(lax.acquire(fourth)).as("the fourth start in a minute had to wait").isFalse();
    assertThat(strict).isNotNull(); // held to here, so its limit counted
  }

  @Test
  void aHoldDelaysEveryCallerUntilItEnds() {
    VirtualTime time = new VirtualTime();
    RequestGovernor governor = governor(time);
    RequestGovernor.Lease lease = governor.lease(100);
    lease.hold(90_000);
    time.advanceWhenAsleep();
    assertThat(lease.acquire(new Cancellation())).isTrue();
    assertThat(time.now()).isEqualTo(TimeUnit.SECONDS.toNanos(90));
  }

  @Test
  void aCancelledCallerDoesNotWaitAndTakesNoSlot() {
    VirtualTime time = new VirtualTime();
    RequestGovernor.Lease lease = governor(time).lease(1);
    Cancellation cancelled = new Cancellation();
    cancelled.cancel();
    assertThat(lease.acquire(cancelled)).isFalse();
    assertThat(lease.acquire(new Cancellation())).as("the slot is still free").isTrue();
  }

  private static RequestGovernor governor(VirtualTime time) {
    return new RequestGovernor("test", WINDOW, time::now, time);
  }

  /**
   * A discrete-event clock: callers sleep until a virtual instant; when every running caller is
   * asleep, the clock jumps to the earliest wake-up. For single-threaded tests a sleep can instead
   * jump the clock itself, or cancel the sleeper.
   */
  private static final class VirtualTime implements RequestGovernor.Sleeper {
    private final PriorityQueue<Long> wakeups = new PriorityQueue<>();
    private long now;
    private int running;
    private int asleep;
    private boolean advanceOnSleep;
    private Cancellation cancelOnSleep;

    synchronized long now() {
      return now;
    }

    synchronized void callerStarted() {
      running++;
    }

    synchronized void callerFinished() {
      running--;
      notifyAll();
    }

    synchronized void advanceWhenAsleep() {
      advanceOnSleep = true;
    }

    synchronized void cancelWhenAsleep(Cancellation c) {
      cancelOnSleep = c;
    }

    @Override
    public synchronized boolean sleep(Cancellation cancellation, long nanos) {
      assertThat(nanos).isPositive();
      if (cancellation == cancelOnSleep) {
        cancellation.cancel();
        return true;
      }
      long until = now + nanos;
      if (advanceOnSleep) {
        now = until;
        return false;
      }
      wakeups.add(until);
      asleep++;
      notifyAll();
      try {
        while (now < until) {
          wait();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return true;
      } finally {
        asleep--;
        wakeups.remove(until);
        notifyAll();
      }
      return false;
    }

    /** Moves the clock whenever every caller sleeps, until none is left. */
    synchronized void runUntilCallersFinish() throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (running > 0) {
        assertThat(System.nanoTime()).as("simulation stuck").isLessThan(deadline);
        if (asleep == running && !wakeups.isEmpty() && wakeups.peek() > now) {
          now = wakeups.peek();
          notifyAll();
        } else {
          wait(100);
        }
      }
    }
  }
}
