package org.redcapjdbc.emulator.api;

/**
 * A REDCap error answer: HTTP status plus the message, which is written in the shape
 * {@code returnFormat} asks for.
 */
public final class ApiException extends Exception {
  private static final long serialVersionUID = 1L;

  private final int status;

  public ApiException(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  public static ApiException badRequest(String message) {
    return new ApiException(400, message);
  }

  public static ApiException forbidden(String message) {
    return new ApiException(403, message);
  }

  public int status() {
    return status;
  }
}
