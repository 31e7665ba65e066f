package org.redcapjdbc.emulator.api;

import java.util.List;

/** A method that reads the project: the caller needs the API Export right. */
public abstract class ExportMethod implements ApiMethod {
  @Override
  public final List<Right> rights() {
    return List.of(Right.API_EXPORT);
  }
}
