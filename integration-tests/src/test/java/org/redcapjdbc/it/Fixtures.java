package org.redcapjdbc.it;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Paths of the copied fixtures under {@code src/test/resources/fixtures} (see its README). */
public final class Fixtures {
  private Fixtures() {}

  /** Every copied REDCap project, as the loaders take it (a project XML or a CSV directory). */
  public static Stream<String> projects() {
    return Stream.of(
        "phpcap/PHPCapBasicDemography.REDCap.xml",
        "phpcap/PHPCapDag.REDCap.xml",
        "phpcap/PHPCapRepeatingForms.REDCap.xml",
        "phpcap/PHPCapRepeatableSurvey.REDCap.xml",
        "redcapr/checkboxes-1",
        "redcapr/dag",
        "redcapr/decimal-comma-and-dot",
        "redcapr/nonnumeric-record-id",
        "redcapr/potentially-problematic-values",
        "redcapr/longitudinal/project.xml",
        "redcapr/repeating-instruments/project.xml",
        "redcapr/simple/project.xml",
        "redcapr/validation-types-1/project.xml",
        "redcapr/vignette-repeating/project.xml");
  }

  static Path path(String relative) {
    return resource("fixtures/" + relative);
  }

  /** A file of the test resources, by its path below the resources root. */
  public static Path resource(String path) {
    URL url = Fixtures.class.getResource("/" + path);
    if (url == null) {
      throw new IllegalArgumentException("No test resource " + path);
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
