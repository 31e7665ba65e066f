package org.redcapjdbc.emulator.format;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.QuoteMode;

/**
 * CSV as current REDCap servers write it: a header, one line per row, lines ending in
 * {@code \n} (the body too), no BOM. A value is quoted when it contains a space, the delimiter, a
 * comma, a quote or a line break; some columns (event labels) are always quoted.
 *
 * <p>Commons CSV renders each cell; this class only decides which cells are quoted.
 */
final class CsvTableWriter implements TableWriter {
  private final Writer out;
  private final CSVFormat quoted;
  private final CSVFormat plain;
  private final boolean[] alwaysQuoted;
  private final char delimiter;

  CsvTableWriter(OutputStream stream, List<String> header, boolean[] alwaysQuoted, char delimiter)
      throws IOException {
    this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 16384);
    this.delimiter = delimiter;
    this.alwaysQuoted = alwaysQuoted;
    this.quoted =
        CSVFormat.RFC4180
            .builder()
            .setDelimiter(delimiter)
            .setQuoteMode(QuoteMode.ALL)
            .setRecordSeparator("\n")
            .get();
    // Only cells without special characters use this format, so it leaves them as they are.
    this.plain =
        CSVFormat.RFC4180
            .builder()
            .setDelimiter(delimiter)
            .setQuoteMode(QuoteMode.MINIMAL)
            .setRecordSeparator("\n")
            .get();
    writeLine(header.toArray(), false);
  }

  @Override
  public void row(Object[] cells) throws IOException {
    writeLine(cells, true);
  }

  private void writeLine(Object[] cells, boolean applyAlways) throws IOException {
    for (int i = 0; i < cells.length; i++) {
      String v = TableWriter.text(cells[i]);
      boolean quote =
          needsQuotes(v)
              || (applyAlways && alwaysQuoted != null && alwaysQuoted[i] && !v.isEmpty());
      (quote ? quoted : plain).print(v, out, i == 0);
    }
    out.write('\n');
  }

  private boolean needsQuotes(String v) {
    for (int i = 0; i < v.length(); i++) {
      char ch = v.charAt(i);
      if (ch == ' '
          || ch == ','
          || ch == '"'
          || ch == '\n'
          || ch == '\r'
          || ch == '\t'
          || ch == delimiter) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void finish() throws IOException {
    out.flush();
  }
}
