package org.redcapjdbc.emulator.model;

import static java.util.Objects.requireNonNull;

/** A study arm of a longitudinal project. */
public record Arm(int number, String name) {
  public Arm {
    requireNonNull(name, "name");
  }
}
