package org.redcapjdbc.it.correctness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.redcapjdbc.emulator.EmulatedProject;
import org.redcapjdbc.emulator.RedcapEmulator;
import org.redcapjdbc.it.Fixtures;

/**
 * The projects the comparison suite runs its corpus on, by the id corpus entries name them with.
 * Real projects come from the copied fixtures (see {@code fixtures/README.md}); the generated one
 * is the emulator generator's, 2,000 records over three events with a repeating instrument, three
 * checkbox fields and two DAGs.
 */
enum ComparedProject {
  LONGITUDINAL("longitudinal", "redcapr/longitudinal"),
  VIGNETTE_REPEATING("vignette-repeating", "redcapr/vignette-repeating"),
  CHECKBOXES_1("checkboxes-1", "redcapr/checkboxes-1"),
  /**
   * The fixture's dictionary (every field type and validation) holds one blank record; the
   * suite adds records of its own ({@code corpus/data/validation-types-1-extra.csv}) so that every
   * type has values to filter on, legacy values that do not parse included.
   */
  VALIDATION_TYPES_1("validation-types-1", "redcapr/validation-types-1"),
  DAG("dag", "redcapr/dag"),
  BASIC_DEMOGRAPHY("basic-demography", "phpcap/PHPCapBasicDemography.REDCap.xml"),
  GENERATED("generated", null);

  /** The generator spec of {@link #GENERATED}. */
  static final String GENERATED_SPEC =
      "records=2000,fields=20,events=2,arms=1,repeating=1,checkboxes=2,dags=2,seed=20240611";

  private final String id;
  private final String fixture;

  ComparedProject(String id, String fixture) {
    this.id = id;
    this.fixture = fixture;
  }

  String id() {
    return id;
  }

  static ComparedProject byId(String id) {
    for (ComparedProject p : values()) {
      if (p.id.equals(id)) {
        return p;
      }
    }
    throw new IllegalArgumentException("No compared project '" + id + "'");
  }

  EmulatedProject load(RedcapEmulator emulator, Path scratch) {
    if (this == GENERATED) {
      return emulator.generate(GENERATED_SPEC, null);
    }
    if (this == VALIDATION_TYPES_1) {
      return emulator.loadProject(withExtraRecords(scratch), null);
    }
    return emulator.loadProject(resource("fixtures/" + fixture), null);
  }

  /** The fixture's dictionary, and its data followed by the suite's own records. */
  private Path withExtraRecords(Path scratch) {
    try {
      Path dir = Files.createDirectories(scratch.resolve(id));
      Path fixtureDir = resource("fixtures/" + fixture);
      Files.copy(fixtureDir.resolve("dictionary.csv"), dir.resolve("dictionary.csv"));
      String data = Files.readString(fixtureDir.resolve("data.csv"), StandardCharsets.UTF_8);
      String extra =
          Files.readString(
              resource("corpus/data/validation-types-1-extra.csv"), StandardCharsets.UTF_8);
      String header = data.substring(0, data.indexOf('\n') + 1);
      if (!extra.startsWith(header)) {
        throw new AssertionError(
            "validation-types-1-extra.csv must start with the fixture's"
                + " data header: "
                + header);
      }
      Files.writeString(
          dir.resolve("data.csv"),
          (data.endsWith("\n") ? data : data + "\n") + extra.substring(header.length()),
          StandardCharsets.UTF_8);
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path resource(String path) {
    return Fixtures.resource(path);
  }
}
