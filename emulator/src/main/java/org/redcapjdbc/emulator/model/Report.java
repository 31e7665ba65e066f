package org.redcapjdbc.emulator.model;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

/** A report definition from a project file; kept for report exports (not served yet). */
public record Report(
    String uniqueName, String title, List<String> fields, Map<String, String> attributes) {
  public Report {
    requireNonNull(uniqueName, "uniqueName");
    title = title == null ? "" : title;
    fields = List.copyOf(fields);
    attributes = Map.copyOf(attributes);
  }
}
