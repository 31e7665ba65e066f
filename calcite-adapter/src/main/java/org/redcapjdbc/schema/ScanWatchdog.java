package org.redcapjdbc.schema;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.redcapjdbc.client.CallAbort;
import org.redcapjdbc.client.RowCursor;

/**
 * Stops exports whose statement was cancelled or ran past its query timeout. Calcite signals
 * {@code Statement.cancel()} only by setting a flag, and nobody reads it while a scan is blocked
 * waiting for REDCap; so one daemon thread looks at every running scan ten times a second and
 * aborts the HTTP call of any that must stop. The scan then fails promptly with its reason. The
 * thread runs only while scans are registered.
 */
final class ScanWatchdog {
  static final ScanWatchdog INSTANCE = new ScanWatchdog();
  static final long PERIOD_MILLIS = 100;

  private final Set<Watched> scans = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService timer;
  private ScheduledFuture<?> task;

  private ScanWatchdog() {
    ScheduledThreadPoolExecutor executor =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, "redcap-query-watchdog");
              t.setDaemon(true);
              return t;
            });
    executor.setRemoveOnCancelPolicy(true);
    executor.setKeepAliveTime(10, TimeUnit.SECONDS);
    executor.allowCoreThreadTimeOut(true);
    this.timer = executor;
  }

  /** Why a watched scan was stopped. */
  enum Stop {
    CANCELLED,
    TIMED_OUT
  }

  /**
   * A running scan: its statement's cancel flag, its deadline, and what to abort: the cursor it
   * reads and, while the snapshot cache fills or refreshes its copy for it, the calls of that
   * fill ({@link #calls()}, {@link #watch}).
   */
  static final class Watched {
    private final AtomicBoolean cancelFlag;
    private final long deadlineNanos;
    private final CallAbort calls = new CallAbort();
    private volatile RowCursor cursor;
    private volatile Stop stopped;

    /**
     * @param cancelFlag the statement's flag, or null
     * @param timeoutMillis the query timeout, or 0 for none
     */
    Watched(AtomicBoolean cancelFlag, long timeoutMillis) {
      this.cancelFlag = cancelFlag;
      this.deadlineNanos =
          timeoutMillis > 0 ? System.nanoTime() + timeoutMillis * 1_000_000L : Long.MAX_VALUE;
    }

    /** The cursor to abort from now on (aborted at once if the scan was already stopped). */
    void watch(RowCursor c) {
      cursor = c;
      if (stopped != null) {
        c.cancel();
      }
    }

    /** The handle of the small calls made for this scan (the cache's structure check, log read). */
    CallAbort calls() {
      return calls;
    }

    /** Why the scan must stop now, or null; checked by the scan between rows too. */
    Stop check() {
      Stop s = stopped;
      if (s != null) {
        return s;
      }
      if (cancelFlag != null && cancelFlag.get()) {
        return Stop.CANCELLED;
      }
      if (deadlineNanos != Long.MAX_VALUE && System.nanoTime() - deadlineNanos >= 0) {
        return Stop.TIMED_OUT;
      }
      return null;
    }

    /** The reason the watchdog aborted the cursor, or null if it did not. */
    Stop stopped() {
      return stopped;
    }

    void stop(Stop why) {
      stopped = why;
      calls.cancel();
      RowCursor c = cursor;
      if (c != null) {
        c.cancel();
      }
    }
  }

  synchronized void register(Watched scan) {
    scans.add(scan);
    if (task == null) {
      task =
          timer.scheduleAtFixedRate(
              this::sweep, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }
  }

  synchronized void unregister(Watched scan) {
    scans.remove(scan);
    if (scans.isEmpty() && task != null) {
      task.cancel(false);
      task = null;
    }
  }

  private void sweep() {
    for (Watched scan : scans) {
      if (scan.stopped == null) {
        Stop why = scan.check();
        if (why != null) {
          scan.stop(why);
        }
      }
    }
  }
}
