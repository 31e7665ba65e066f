package org.redcapjdbc.client;

import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Call;

/**
 * Links a caller-facing object (a cursor, a batched export) to the HTTP call currently running for
 * it, so that {@link #cancel()} from any thread aborts that call and every later attempt, and
 * wakes a thread that is sleeping between retries. It also counts the HTTP requests sent.
 */
final class Cancellation {
  private final Object lock = new Object();
  private final AtomicInteger requests;
  private volatile boolean cancelled;
  private volatile Call current;

  Cancellation() {
    this(new AtomicInteger());
  }

  /** Shares a request counter, e.g. across the batches of one export. */
  Cancellation(AtomicInteger requests) {
    this.requests = requests;
  }

  void register(Call call) {
    requests.incrementAndGet();
    current = call;
    if (cancelled) {
      call.cancel();
    }
  }

  void cancel() {
    cancelled = true;
    Call call = current;
    if (call != null) {
      call.cancel();
    }
    synchronized (lock) {
      lock.notifyAll();
    }
  }

  boolean isCancelled() {
    return cancelled;
  }

  int requestCount() {
    return requests.get();
  }

  /** Sleeps up to {@code millis}; returns early (true) if cancelled meanwhile. */
  boolean sleep(long millis) {
    long deadline = System.nanoTime() + millis * 1_000_000L;
    synchronized (lock) {
      while (!cancelled) {
        long left = (deadline - System.nanoTime()) / 1_000_000L;
        if (left <= 0) {
          return false;
        }
        try {
          lock.wait(left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return true;
        }
      }
    }
    return true;
  }
}
