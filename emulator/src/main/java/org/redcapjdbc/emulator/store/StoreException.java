package org.redcapjdbc.emulator.store;

/** A failure of the emulator's H2 storage; wraps the SQL error with what was being done. */
public final class StoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }

  public StoreException(String message) {
    super(message);
  }
}
