package org.redcapjdbc.client;

/**
 * Lets another thread abort the small calls a caller makes one after another (a structure check,
 * a log read) the way {@link RowCursor#cancel()} aborts an export: {@link #cancel()} aborts the
 * call in flight and makes every later call given this handle fail at once as cancelled. Used by
 * the snapshot cache, whose fill a statement's cancel or query timeout must stop.
 */
public final class CallAbort {
  final Cancellation cancellation = new Cancellation();

  /** Aborts the call in flight, if any, and every later one; callable from any thread. */
  public void cancel() {
    cancellation.cancel();
  }

  public boolean isCancelled() {
    return cancellation.isCancelled();
  }
}
