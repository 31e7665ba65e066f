package org.redcapjdbc.emulator;

import static java.util.Objects.requireNonNull;

/**
 * A project the emulator serves.
 *
 * @param projectId REDCap's project id
 * @param title the project title
 * @param token an API token with full rights on the project
 */
public record EmulatedProject(int projectId, String title, String token) {
  public EmulatedProject {
    requireNonNull(title, "title");
    requireNonNull(token, "token");
  }

  @Override
  public String toString() {
    // Never print the token.
    return "EmulatedProject[" + projectId + " '" + title + "']";
  }
}
