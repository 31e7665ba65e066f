package org.redcapjdbc.model;

import static java.util.Objects.requireNonNull;

/**
 * The settings of a slider field: the labels shown at its left, middle and right (blank when the
 * dictionary gives none), its range (0 to 100 unless the dictionary says otherwise) and whether
 * the number is shown to the person entering data.
 */
public record Slider(
    String leftLabel,
    String middleLabel,
    String rightLabel,
    int min,
    int max,
    boolean showsNumber) {
  public Slider {
    requireNonNull(leftLabel, "leftLabel");
    requireNonNull(middleLabel, "middleLabel");
    requireNonNull(rightLabel, "rightLabel");
  }
}
