package org.redcapjdbc.emulator.load;

/** A project file that cannot be loaded; the message names the file and what is wrong. */
public final class ProjectLoadException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ProjectLoadException(String message) {
    super(message);
  }

  public ProjectLoadException(String message, Throwable cause) {
    super(message, cause);
  }
}
