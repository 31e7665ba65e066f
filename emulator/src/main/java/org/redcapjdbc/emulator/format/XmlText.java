package org.redcapjdbc.emulator.format;

/** Small helpers for the XML REDCap writes. */
public final class XmlText {
  /** REDCap's declaration, with the space before {@code ?>}. */
  public static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>";

  private XmlText() {}

  /** Escapes text content and drops characters XML 1.0 cannot carry. */
  public static String escape(String s) {
    return escape(s, false);
  }

  /** Escapes an attribute value (quotes included). */
  public static String attribute(String s) {
    return escape(s, true);
  }

  private static String escape(String s, boolean attribute) {
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '<':
          sb.append("&lt;");
          break;
        case '>':
          sb.append("&gt;");
          break;
        case '&':
          sb.append("&amp;");
          break;
        case '"':
          sb.append(attribute ? "&quot;" : "\"");
          break;
        default:
          if (ch >= 0x20 || ch == '\t' || ch == '\n' || ch == '\r') {
            sb.append(ch);
          }
      }
    }
    return sb.toString();
  }

  /** A CDATA section holding {@code s}; a {@code ]]>} inside is split across two sections. */
  public static String cdata(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 12);
    sb.append("<![CDATA[");
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch == ']' && s.startsWith("]]>", i)) {
        sb.append("]]]]><![CDATA[>");
        i += 2;
      } else if (ch >= 0x20 || ch == '\t' || ch == '\n' || ch == '\r') {
        sb.append(ch);
      }
    }
    return sb.append("]]>").toString();
  }
}
