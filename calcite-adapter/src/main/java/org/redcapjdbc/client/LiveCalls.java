package org.redcapjdbc.client;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The HTTP calls of one batched export that may be in flight (ID pass, batches, the single
 * request, pauses between attempts): counts the requests and cancels them all at once. Shared by
 * {@link BatchedRecordExport}, {@link RecordIdPass} and {@link BatchWindow}, which run on
 * several threads.
 */
final class LiveCalls {
  private final AtomicInteger requests = new AtomicInteger();
  private final Set<Cancellation> live = ConcurrentHashMap.newKeySet();
  private volatile boolean cancelled;

  /** A handle for one request, counted; already cancelled when the export is. */
  Cancellation request() {
    return track(new Cancellation(requests));
  }

  /** A handle for a pause between attempts, not counted; already cancelled when the export is. */
  Cancellation pause() {
    return track(new Cancellation());
  }

  /** The call of {@code c} is over: a later cancel need not reach it. */
  void done(Cancellation c) {
    live.remove(c);
  }

  boolean cancelled() {
    return cancelled;
  }

  /** Marks the export cancelled and aborts every call in flight. */
  void cancelAll() {
    cancelled = true;
    for (Cancellation c : live) {
      c.cancel();
    }
  }

  int requestCount() {
    return requests.get();
  }

  private Cancellation track(Cancellation c) {
    live.add(c);
    if (cancelled) {
      c.cancel();
    }
    return c;
  }
}
