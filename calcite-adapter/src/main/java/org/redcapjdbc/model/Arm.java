package org.redcapjdbc.model;

import static java.util.Objects.requireNonNull;

/** An arm of a longitudinal project: its number and name ({@code 1}, {@code Drug A}). */
public record Arm(int number, String name) {
  public Arm {
    requireNonNull(name, "name");
  }
}
