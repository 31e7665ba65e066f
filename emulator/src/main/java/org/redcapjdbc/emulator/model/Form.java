package org.redcapjdbc.emulator.model;

import static java.util.Objects.requireNonNull;

/** An instrument: unique form name and its display label. */
public record Form(String name, String label) {
  public Form {
    requireNonNull(name, "name");
    requireNonNull(label, "label");
  }

  /** The form-status pseudo-field {@code <form>_complete}. */
  public String completeField() {
    return name + "_complete";
  }

  /** The survey-timestamp pseudo-field {@code <form>_timestamp}. */
  public String timestampField() {
    return name + "_timestamp";
  }
}
