package org.redcapjdbc.model;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.redcapjdbc.client.ByteOrderMark;

/**
 * Reads a CSV file with a header line (REDCap's CSV exports: metadata, arms, events, mappings)
 * into rows keyed by header name, with Jackson's CSV dataformat. Quoted values may hold commas,
 * quotes and line breaks; a leading byte-order mark is dropped. A row with more or fewer cells
 * than the header is an error naming its line, since it means a cut or garbled file.
 */
public final class CsvRows {
  private static final CsvMapper MAPPER = new CsvMapper();

  private CsvRows() {}

  /** Reads UTF-8 CSV (a BOM is allowed). */
  public static List<Map<String, String>> read(InputStream in) throws IOException {
    return read(new InputStreamReader(in, StandardCharsets.UTF_8));
  }

  public static List<Map<String, String>> read(Reader reader) throws IOException {
    BufferedReader in = ByteOrderMark.skip(reader);
    List<String> header = null;
    List<Map<String, String>> rows = new ArrayList<>();
    try (MappingIterator<List<String>> lines = lines(in)) {
      while (lines.hasNextValue()) {
        long line = lines.getCurrentLocation().getLineNr();
        List<String> cells = lines.nextValue();
        if (header == null) {
          header = cells;
          if (header.size() != header.stream().distinct().count()) {
            throw new IOException("The CSV header repeats a column name: " + header);
          }
          continue;
        }
        if (cells.size() != header.size()) {
          throw new IOException(
              "CSV line "
                  + line
                  + " has "
                  + cells.size()
                  + " values but the "
                  + "header has "
                  + header.size()
                  + " columns: the file is cut short or garbled");
        }
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < cells.size(); i++) {
          row.put(header.get(i), cells.get(i) == null ? "" : cells.get(i));
        }
        rows.add(Collections.unmodifiableMap(row));
      }
    }
    return Collections.unmodifiableList(rows);
  }

  /**
   * The header line alone (a BOM is allowed), the rest left unread: for callers that need only a
   * CSV export's column names and abort the download. Empty when the text is empty.
   */
  public static List<String> header(Reader reader) throws IOException {
    BufferedReader in = ByteOrderMark.skip(reader);
    try (MappingIterator<List<String>> lines = lines(in)) {
      return lines.hasNextValue() ? List.copyOf(lines.nextValue()) : List.of();
    }
  }

  /** The CSV's lines as lists of cells, blank lines skipped. */
  private static MappingIterator<List<String>> lines(Reader in) throws IOException {
    return MAPPER
        .readerForListOf(String.class)
        .with(CsvSchema.emptySchema())
        .with(CsvParser.Feature.WRAP_AS_ARRAY)
        .with(CsvParser.Feature.SKIP_EMPTY_LINES)
        .readValues(in);
  }
}
