package org.redcapjdbc.emulator.format;

/**
 * The one place that knows the byte-order-mark rule for text the emulator reads: a U+FEFF at the
 * very start (REDCap's web UI writes one into CSV downloads, and clients send such files back) is
 * not data and is dropped. What the emulator writes never starts with one, as REDCap's API
 * answers do not ({@link CsvTableWriter}).
 *
 * <p>ODM files are read as bytes and drop the UTF-8 form of the mark (EF BB BF) before decoding,
 * in {@code odm.OdmReader}.
 */
public final class ByteOrderMark {
  private ByteOrderMark() {}

  /** {@code text} without a leading U+FEFF; {@code text} itself when it has none. */
  public static String strip(String text) {
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }
}
