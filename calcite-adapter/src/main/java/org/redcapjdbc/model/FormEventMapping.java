package org.redcapjdbc.model;

import static java.util.Objects.requireNonNull;

/** One designation of an instrument for an event of a longitudinal project. */
public record FormEventMapping(int armNumber, String uniqueEventName, String form) {
  public FormEventMapping {
    requireNonNull(uniqueEventName, "uniqueEventName");
    requireNonNull(form, "form");
  }
}
