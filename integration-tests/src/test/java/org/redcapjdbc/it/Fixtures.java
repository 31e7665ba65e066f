package org.redcapjdbc.it;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** Paths of the copied fixtures under {@code src/test/resources/fixtures} (see its README). */
final class Fixtures {
  private Fixtures() {
  }

  static Path path(String relative) {
    URL url = Fixtures.class.getResource("/fixtures/" + relative);
    if (url == null) {
      throw new IllegalArgumentException("No fixture " + relative);
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
