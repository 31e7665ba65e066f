package org.redcapjdbc.emulator.load;

/** Synthetic projects (placeholder, implemented later in this module). */
public final class Generator {
  private Generator() {}

  public static LoadedProject fromSpec(String spec) {
    throw new ProjectLoadException("Project generation is not available yet");
  }
}
