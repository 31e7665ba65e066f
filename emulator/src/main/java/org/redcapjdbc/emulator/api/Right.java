package org.redcapjdbc.emulator.api;

import static java.util.Objects.requireNonNull;

/** A user right a method needs, with the 403 message REDCap gives when it is missing. */
public record Right(String name, String deniedMessage) {
  public Right {
    requireNonNull(name, "name");
    requireNonNull(deniedMessage, "deniedMessage");
  }

  public static final Right API_EXPORT =
      new Right("api_export", "You do not have API Export privileges");
  public static final Right API_IMPORT =
      new Right("api_import", "You do not have API Import/Update privileges");
  public static final Right RECORD_DELETE =
      new Right("record_delete", "You do not have Delete Record privileges");
  public static final Right RECORD_RENAME =
      new Right("record_rename", "You do not have Rename Record privileges");
  public static final Right DESIGN =
      new Right("design", "You do not have Project Design and Setup privileges");
}
