package org.redcapjdbc.emulator.api;

import java.io.IOException;
import java.io.OutputStream;

/** Where a method writes its answer. Opening commits status and content type. */
public interface ResponseChannel {
  OutputStream open(int status, String contentType) throws IOException;

  /** Whether {@link #open} was called: an error after that can only cut the response off. */
  boolean isOpen();
}
