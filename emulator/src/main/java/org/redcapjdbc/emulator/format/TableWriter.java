package org.redcapjdbc.emulator.format;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * Streams a table in one of REDCap's shapes. Cells are strings, or numbers for the columns REDCap
 * exports as JSON numbers ({@code arm_num}, {@code redcap_repeat_instance}…), or maps for nested
 * objects (the {@code forms} rights of users; {@code key:value,…} in CSV and XML); null is blank.
 */
public interface TableWriter {
  /**
   * The cell of a key that this row does not have (REDCap 15's file repository list gives folders
   * and files different keys): left out of the JSON object and the XML item, blank in CSV.
   */
  Object ABSENT =
      new Object() {
        @Override
        public String toString() {
          return "";
        }
      };

  void row(Object[] cells) throws IOException;

  /** Ends the table (closing brackets or tags) and flushes; does not close the stream. */
  void finish() throws IOException;

  /**
   * A writer for {@code format}.
   *
   * @param columns keys (JSON), element names (XML) and, unless {@code csvHeader} is given, the CSV header
   * @param csvHeader the CSV header row, when it differs from the keys (label headers), or null
   * @param alwaysQuoted columns whose CSV cells are quoted even when plain (event labels), or null
   * @param delimiter the CSV delimiter
   */
  static TableWriter create(
      Format format,
      OutputStream out,
      List<String> columns,
      List<String> csvHeader,
      boolean[] alwaysQuoted,
      char delimiter)
      throws IOException {
    switch (format) {
      case JSON:
        return new JsonTableWriter(out, columns);
      case CSV:
        return new CsvTableWriter(
            out, csvHeader == null ? columns : csvHeader, alwaysQuoted, delimiter);
      case XML:
      case ODM:
        return new XmlTableWriter(out, columns);
      default:
        throw new IllegalArgumentException(String.valueOf(format));
    }
  }

  /** The text of a cell: numbers without a trailing {@code .0}, null as blank. */
  static String text(Object v) {
    if (v == null) {
      return "";
    }
    if (v instanceof java.util.Map<?, ?> m) {
      // A nested object outside JSON: key:value pairs joined by commas ("demographics:1,visit:2").
      StringBuilder sb = new StringBuilder();
      for (java.util.Map.Entry<?, ?> e : m.entrySet()) {
        if (sb.length() > 0) {
          sb.append(',');
        }
        sb.append(e.getKey()).append(':').append(text(e.getValue()));
      }
      return sb.toString();
    }
    if (v instanceof Double d) {
      return d == Math.rint(d) && Math.abs(d) < 1e15
          ? String.valueOf(d.longValue())
          : java.math.BigDecimal.valueOf(d).toPlainString();
    }
    return v.toString();
  }

  /** As {@link #create(Format, OutputStream, List, List, boolean[], char)}, naming the XML root element. */
  static TableWriter create(
      Format format, OutputStream out, List<String> columns, char delimiter, String xmlRoot)
      throws IOException {
    if (format == Format.XML || format == Format.ODM) {
      return new XmlTableWriter(out, columns, xmlRoot);
    }
    return create(format, out, columns, null, null, delimiter);
  }

  static TableWriter create(Format format, OutputStream out, List<String> columns)
      throws IOException {
    return create(format, out, columns, null, null, ',');
  }
}
