package org.redcapjdbc.client;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;

/**
 * The one place that knows what a byte-order mark is and where it is ignored: U+FEFF at the very
 * start of a text, which is EF BB BF in UTF-8. REDCap's web UI and some proxies put one in front
 * of CSV files and response bodies; every reader of REDCap text drops it (a UTF-8 BOM is not part
 * of the data), and nothing here ever writes one.
 *
 * <p>Public so that the model's CSV readers use the same rule; it needs nothing but the JDK.
 */
public final class ByteOrderMark {
  /** U+FEFF, the mark as a character. */
  public static final char CHAR = '\uFEFF';

  private ByteOrderMark() {}

  /** {@code text} without a leading mark; {@code text} itself when it has none. */
  public static String strip(String text) {
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  /** A reader positioned after a leading mark, if {@code reader} starts with one. */
  public static BufferedReader skip(Reader reader) throws IOException {
    BufferedReader in = new BufferedReader(reader);
    in.mark(1);
    if (in.read() != CHAR) {
      in.reset();
    }
    return in;
  }

  /** How many of the first {@code length} bytes of {@code bytes} are a UTF-8 mark: 3 or 0. */
  static int utf8Length(byte[] bytes, int length) {
    return length >= 3
            && (bytes[0] & 0xFF) == 0xEF
            && (bytes[1] & 0xFF) == 0xBB
            && (bytes[2] & 0xFF) == 0xBF
        ? 3
        : 0;
  }

  /**
   * Whether the unsigned byte {@code b} can be part of a UTF-8 mark (EF, BB or BF); used where a
   * body's first significant byte is looked for before decoding.
   */
  static boolean isUtf8Byte(int b) {
    return b == 0xEF || b == 0xBB || b == 0xBF;
  }
}
