package org.redcapjdbc.emulator.api;

import java.util.List;

/**
 * A method that changes the project: the caller needs the API Import/Update right (methods that
 * change the design add the Project Design right), and the call holds the project's write lock.
 */
public abstract class ImportMethod implements ApiMethod {
  @Override
  public List<Right> rights() {
    return List.of(Right.API_IMPORT);
  }

  @Override
  public final boolean writes() {
    return true;
  }
}
