package org.redcapjdbc.client;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The figures of one {@link BatchedRecordExport} as it goes ({@link ExportProgress}), written to
 * the progress logger and told to the reading thread's listener, if it has one. Answers are
 * counted on the batches' threads; the reader's waits on its own.
 */
final class ProgressTracker {
  private static final Logger LOG = LoggerFactory.getLogger(ExportProgress.LOGGER);

  private final ExportProgress.Listener listener;
  private final long start = System.nanoTime();
  private final AtomicInteger answers = new AtomicInteger();
  private final AtomicLong rows = new AtomicLong();
  private final AtomicLong bytes = new AtomicLong();
  private final AtomicBoolean ended = new AtomicBoolean();
  private volatile int batches;
  private boolean waiting; // the reader's thread only

  private ProgressTracker(ExportProgress.Listener listener) {
    this.listener = listener;
  }

  /** A tracker for an export read on the current thread, reporting to its listener if any. */
  static ProgressTracker forThisThread() {
    return new ProgressTracker(ExportProgress.watcher());
  }

  void idPass(long answerBytes) {
    bytes.addAndGet(answerBytes);
    report();
  }

  void batches(int n) {
    batches = n;
  }

  /** An answer was read whole (a batch, a re-request or the single request). */
  void answer(RecordCursor cursor) {
    answers.incrementAndGet();
    rows.addAndGet(cursor.rowCount());
    bytes.addAndGet(cursor.bytesRead());
    report();
  }

  void waiting(boolean now) {
    if (now == waiting) {
      return;
    }
    waiting = now;
    if (listener != null) {
      try {
        listener.waiting(now);
      } catch (RuntimeException e) {
        LOG.debug("A progress listener failed: {}", e.toString());
      }
    }
  }

  /** The export ended (read to the end, failed or closed); reported once. */
  void ended() {
    if (!ended.compareAndSet(false, true)) {
      return;
    }
    waiting(false);
    ExportProgress p = figures();
    if (p.elapsedNanos() >= ExportProgress.SLOW_MILLIS * 1_000_000L) {
      LOG.info("Record export ended: {}", p.describe());
    } else if (LOG.isDebugEnabled()) {
      LOG.debug("Record export ended: {}", p.describe());
    }
    if (listener != null) {
      try {
        listener.ended(p);
      } catch (RuntimeException e) {
        LOG.debug("A progress listener failed: {}", e.toString());
      }
    }
  }

  ExportProgress figures() {
    int b = batches;
    int done = answers.get();
    return new ExportProgress(
        b > 0 ? Math.min(done, b) : done, b, rows.get(), bytes.get(), System.nanoTime() - start);
  }

  private void report() {
    if (!LOG.isDebugEnabled() && listener == null) {
      return;
    }
    ExportProgress p = figures();
    if (LOG.isDebugEnabled()) {
      LOG.debug("Record export: {}", p.describe());
    }
    if (listener != null) {
      try {
        listener.progress(p);
      } catch (RuntimeException e) {
        LOG.debug("A progress listener failed: {}", e.toString());
      }
    }
  }
}
