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

  /** A CSV line after the header: its record number (1-based, the header is 1) and its cells, as read. */
  public record Line(long number, List<String> cells) {}

  /** The header (names stripped) and the lines after it, not yet checked against the header. */
  public record Lines(List<String> header, List<Line> lines) {}

  /**
   * Reads CSV text with an RFC-4180 parser, the one way CSV is read here (project files and API
   * imports). A leading byte-order mark is ignored (the web UI writes one); fully blank lines are
   * skipped. Callers check the lines against the header, each with its own message.
   */
  public static Lines lines(String text, char delimiter) throws IOException {
    String body = ByteOrderMark.strip(text);
    CSVFormat format =
        CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true).get();
    try (Reader r = new StringReader(body);
        CSVParser parser = CSVParser.parse(r, format)) {
      List<String> header = null;
      List<Line> lines = new ArrayList<>();
      for (CSVRecord rec : parser) {
        List<String> cells = new ArrayList<>(rec.size());
        rec.forEach(cells::add);
        if (header == null) {
          header = new ArrayList<>();
          for (String h : cells) {
            header.add(h.strip());
          }
        } else {
          lines.add(new Line(rec.getRecordNumber(), cells));
        }
      }
      return new Lines(header == null ? List.of() : header, lines);
    } catch (java.io.UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** Parses CSV text as {@link #lines} does, padding short rows; a row longer than the header is an error. */
  public static Table parse(String text, char delimiter, String source) {
    Lines parsed;
    try {
      parsed = lines(text, delimiter);
    } catch (IOException e) {
      throw new ProjectLoadException(source + " is not valid CSV: " + e.getMessage(), e);
    }
    List<String> header = parsed.header();
    List<List<String>> rows = new ArrayList<>();
    for (Line line : parsed.lines()) {
      List<String> cells = line.cells();
      if (cells.size() > header.size()) {
        throw new ProjectLoadException(
            source
                + ": line "
                + line.number()
                + " has "
                + cells.size()
                + " cells but the header has "
                + header.size()
                + " columns");
      }
      while (cells.size() < header.size()) {
        cells.add("");
      }
      rows.add(cells);
    }
    return new Table(header, rows);
  }
}
