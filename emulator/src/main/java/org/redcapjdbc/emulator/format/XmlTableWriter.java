package org.redcapjdbc.emulator.format;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * REDCap's list XML: the declaration, then {@code <records>} with one {@code <item>} per row and
 * one element per column, values in CDATA.
 */
final class XmlTableWriter implements TableWriter {
  private final Writer out;
  private final String[] columns;
  private final String root;

  XmlTableWriter(OutputStream stream, List<String> columns) throws IOException {
    this(stream, columns, "records");
  }

  /** A list under another root element ({@code <users>} for the user export). */
  XmlTableWriter(OutputStream stream, List<String> columns, String root) throws IOException {
    this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 16384);
    this.columns = columns.toArray(new String[0]);
    this.root = root;
    out.write(XmlText.DECLARATION);
    out.write("\n<" + root + ">\n");
  }

  @Override
  public void row(Object[] cells) throws IOException {
    out.write("<item>");
    for (int i = 0; i < columns.length; i++) {
      if (cells[i] == ABSENT) {
        continue;
      }
      out.write('<');
      out.write(columns[i]);
      out.write('>');
      String v = TableWriter.text(cells[i]);
      if (!v.isEmpty()) {
        out.write(XmlText.cdata(v));
      }
      out.write("</");
      out.write(columns[i]);
      out.write('>');
    }
    out.write("</item>\n");
  }

  @Override
  public void finish() throws IOException {
    out.write("</" + root + ">\n");
    out.flush();
  }
}
