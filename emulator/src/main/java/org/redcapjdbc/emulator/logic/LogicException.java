package org.redcapjdbc.emulator.logic;

/** A logic text outside the supported subset; {@link #getMessage()} is the text for the API error. */
public final class LogicException extends Exception {
  private static final long serialVersionUID = 1L;

  public LogicException(String message) {
    super(message);
  }
}
