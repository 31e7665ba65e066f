package org.redcapjdbc.emulator.http;

import java.io.IOException;

/** Thrown when the truncation fault has cut a response body; the connection is then dropped. */
final class TruncatedResponseException extends IOException {
  private static final long serialVersionUID = 1L;

  TruncatedResponseException(long limit) {
    super("Response truncated after " + limit + " bytes by the emulator's truncation fault");
  }
}
