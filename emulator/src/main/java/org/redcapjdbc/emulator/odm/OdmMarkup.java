package org.redcapjdbc.emulator.odm;

import java.util.Map;
import org.redcapjdbc.emulator.format.XmlText;

/**
 * How the project XML writers ({@link OdmWriter}, {@link GlobalVariablesWriter},
 * {@link MetaDataWriter}, {@link ClinicalDataWriter}) spell attribute values, kept in one place so
 * every part of a document escapes them alike.
 */
final class OdmMarkup {
  private OdmMarkup() {}

  /** Attributes in map order, each written {@code  key="value"} (a null value as empty). */
  static String attributes(Map<String, String> attrs) {
    StringBuilder sb = new StringBuilder();
    attrs.forEach(
        (k, v) -> sb.append(' ').append(k).append("=\"").append(a(v == null ? "" : v)).append('"'));
    return sb.toString();
  }

  /** An attribute value: escaped, line breaks and tabs as character references. */
  static String a(String s) {
    return XmlText.attribute(s).replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;");
  }
}
