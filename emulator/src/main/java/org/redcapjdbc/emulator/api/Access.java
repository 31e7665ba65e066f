package org.redcapjdbc.emulator.api;

/**
 * Checks of the rights a method needs besides API export or import, with REDCap's wording:
 * {@code Insufficient user privileges: You must have 'API Export' privileges and 'Data Access
 * Groups' privileges in the project.} (observed with status 400, redcapAPI #365).
 */
public final class Access {
  /** REDCap's text for the DAG methods used by a user in a DAG ("beed" and ".." are REDCap's). */
  public static final String DAG_USER_MESSAGE =
      "You do not have permission to export/import/delete Data Access Groups"
          + " because you have beed assigned to a Data Access Group..";

  private Access() {}

  /**
   * Requires {@code right} (a user-rights key) besides the API right the method was registered
   * with.
   *
   * @param apiRight {@code API Export} or {@code API Import/Update}
   * @param label the right as REDCap names it ({@code Data Access Groups}, {@code User Rights}…)
   */
  public static void require(ApiCall call, String right, String apiRight, String label)
      throws ApiException {
    if (!call.user().can(right)) {
      throw ApiException.badRequest(
          "Insufficient user privileges: You must have '"
              + apiRight
              + "' privileges and '"
              + label
              + "' privileges in the project.");
    }
  }

  /** The DAG methods are refused to users inside a DAG. */
  public static void notInDag(ApiCall call) throws ApiException {
    if (call.user().inDag()) {
      throw ApiException.forbidden(DAG_USER_MESSAGE);
    }
  }
}
