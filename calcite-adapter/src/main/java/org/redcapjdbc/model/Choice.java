package org.redcapjdbc.model;

import static java.util.Objects.requireNonNull;

/**
 * One choice of a radio, dropdown or checkbox field (or a missing-data code): the raw code REDCap
 * stores and exports, and its label exactly as the dictionary writes it (HTML kept).
 */
public record Choice(String code, String label) {
  public Choice {
    requireNonNull(code, "code");
    requireNonNull(label, "label");
  }
}
