package org.redcapjdbc.emulator.odm;

import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.stream.XMLStreamReader;

/**
 * Small StAX and text helpers that {@link OdmReader}, {@link MetaDataReader} and
 * {@link ClinicalDataReader} share, so the three read attributes and numbers the same way.
 */
final class OdmParsing {
  private OdmParsing() {}

  /** The attributes of the current start element by qualified name ({@code redcap:FieldType}). */
  static Map<String, String> attributes(XMLStreamReader x) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < x.getAttributeCount(); i++) {
      String prefix = x.getAttributePrefix(i);
      String key =
          prefix == null || prefix.isEmpty()
              ? x.getAttributeLocalName(i)
              : prefix + ":" + x.getAttributeLocalName(i);
      m.put(key, x.getAttributeValue(i));
    }
    return m;
  }

  /** {@code s} as a whole number; {@code fallback} when absent or not a number. */
  static int parseInt(String s, int fallback) {
    if (s == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(s.strip());
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  /** {@code s} as a number; 0 when absent, blank or not a number. */
  static double parseDouble(String s) {
    if (s == null || s.isBlank()) {
      return 0;
    }
    try {
      return Double.parseDouble(s.strip());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** {@code s} without {@code prefix} ({@code Form.}, {@code Event.}) when it starts with it. */
  static String stripPrefix(String s, String prefix) {
    if (s == null) {
      return null;
    }
    return s.startsWith(prefix) ? s.substring(prefix.length()) : s;
  }
}
