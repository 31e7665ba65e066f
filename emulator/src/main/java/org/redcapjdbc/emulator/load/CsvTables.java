package org.redcapjdbc.emulator.load;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.redcapjdbc.emulator.format.ByteOrderMark;

/** Reads small CSV files (dictionaries, data, arms, events) into a header and rows. */
public final class CsvTables {
  private CsvTables() {}

  /** A parsed CSV table; every row has exactly as many cells as the header (short rows are padded). */
  public record Table(List<String> header, List<List<String>> rows) {
    public int column(String name) {
      return header.indexOf(name);
    }
  }

  public static Table read(Path file) {
    try {
      return parse(Files.readString(file, StandardCharsets.UTF_8), ',', file.toString());
    } catch (IOException e) {
      throw new ProjectLoadException("Could not read " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Parses CSV text with an RFC-4180 parser. A leading byte-order mark is ignored (the web UI
   * writes one); fully blank lines are skipped.
   */
  public static Table parse(String text, char delimiter, String source) {
    String body = ByteOrderMark.strip(text);
    CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true).get();
    try (Reader r = new StringReader(body); CSVParser parser = CSVParser.parse(r, format)) {
      List<String> header = null;
      List<List<String>> rows = new ArrayList<>();
      for (CSVRecord rec : parser) {
        List<String> cells = new ArrayList<>(rec.size());
        rec.forEach(cells::add);
        if (header == null) {
          header = new ArrayList<>();
          for (String h : cells) {
            header.add(h.strip());
          }
          continue;
        }
        if (cells.size() > header.size()) {
          throw new ProjectLoadException(source + ": line " + rec.getRecordNumber() + " has " + cells.size()
              + " cells but the header has " + header.size() + " columns");
        }
        while (cells.size() < header.size()) {
          cells.add("");
        }
        rows.add(cells);
      }
      return new Table(header == null ? List.of() : header, rows);
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new ProjectLoadException(source + " is not valid CSV: " + e.getMessage(), e);
    }
  }
}
