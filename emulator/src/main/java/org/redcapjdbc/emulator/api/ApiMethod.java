package org.redcapjdbc.emulator.api;

import java.util.List;

/** One API method ({@code content} + {@code action}); registered in a {@link MethodRegistry}. */
public interface ApiMethod {
  /** Rights the caller needs; checked before {@link #handle}. */
  default List<Right> rights() {
    return List.of();
  }

  /** Whether the method changes the project, so it must hold the project's write lock. */
  default boolean writes() {
    return false;
  }

  void handle(ApiCall call) throws Exception;
}
