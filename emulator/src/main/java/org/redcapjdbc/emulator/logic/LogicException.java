package org.redcapjdbc.emulator.logic;

/**
 * A logic text outside the supported subset. {@link #getMessage()} is the text for the API error:
 * it names the construct and, where there is one, its 1-based character position, e.g.
 * {@code "unknown function 'foo' at position 7"}.
 */
public final class LogicException extends Exception {
  private static final long serialVersionUID = 1L;

  private final int position;

  public LogicException(String message) {
    this(message, -1);
  }

  private LogicException(String message, int position) {
    super(message);
    this.position = position;
  }

  /** A problem at 0-based {@code offset} in the logic text; the message shows it 1-based. */
  static LogicException at(String problem, int offset) {
    return new LogicException(problem + " at position " + (offset + 1), offset + 1);
  }

  /** 1-based character position of the problem in the logic text, or -1 when it has none. */
  public int position() {
    return position;
  }
}
