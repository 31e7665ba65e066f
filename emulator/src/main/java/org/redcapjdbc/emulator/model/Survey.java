package org.redcapjdbc.emulator.model;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/** A survey-enabled instrument; the remaining settings are kept as the project file gave them. */
public record Survey(String formName, String title, Map<String, String> attributes) {
  public Survey {
    requireNonNull(formName, "formName");
    title = title == null ? "" : title;
    attributes = Map.copyOf(attributes);
  }
}
