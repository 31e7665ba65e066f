package org.redcapjdbc.emulator.load;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.redcapjdbc.emulator.odm.OdmReader;

/**
 * Opens a project "file" argument: a REDCap project XML file, a directory of CSV files (see
 * {@link CsvProjectReader}), or a single data-dictionary CSV (a project without records).
 */
public final class ProjectFiles {
  private ProjectFiles() {}

  public static LoadedProject read(Path path) {
    if (Files.isDirectory(path)) {
      return CsvProjectReader.readDirectory(path);
    }
    if (!Files.isRegularFile(path)) {
      throw new ProjectLoadException("Project file " + path + " does not exist");
    }
    String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".csv")) {
      return CsvProjectReader.readDictionary(path);
    }
    try (InputStream in = Files.newInputStream(path)) {
      return OdmReader.read(in, path.toString());
    } catch (IOException e) {
      throw new ProjectLoadException("Could not read " + path + ": " + e.getMessage(), e);
    }
  }
}
