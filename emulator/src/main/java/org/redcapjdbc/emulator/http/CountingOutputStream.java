package org.redcapjdbc.emulator.http;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Counts the bytes of a response body and, when a truncation limit is set, stops after that many
 * bytes by throwing {@link TruncatedResponseException} (the caller then cuts the connection).
 * Closing it only flushes: the handler completes the response itself.
 */
final class CountingOutputStream extends OutputStream {
  private final OutputStream out;
  private final long limit;
  private long count;
  private boolean truncated;

  CountingOutputStream(OutputStream out, long limit) {
    this.out = out;
    this.limit = limit;
  }

  long count() {
    return count;
  }

  boolean truncated() {
    return truncated;
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    if (truncated) {
      throw new TruncatedResponseException(limit);
    }
    if (limit >= 0 && count + len > limit) {
      int allowed = (int) (limit - count);
      if (allowed > 0) {
        out.write(b, off, allowed);
        count += allowed;
      }
      out.flush();
      truncated = true;
      throw new TruncatedResponseException(limit);
    }
    out.write(b, off, len);
    count += len;
  }

  @Override
  public void flush() throws IOException {
    if (!truncated) {
      out.flush();
    }
  }

  @Override
  public void close() throws IOException {
    flush();
  }

  /** Ends the body normally. */
  void complete() throws IOException {
    out.close();
  }
}
