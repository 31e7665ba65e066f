package org.redcapjdbc.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A downloaded file: its bytes, the file name and the MIME type. REDCap sends the name only in the
 * {@code Content-Type} header, as {@code <mime>; name="<file>"[; charset=…]} (the help text shows
 * single quotes; both are accepted).
 */
public final class FileContent {
  private final byte[] content;
  private final String fileName;
  private final String mimeType;
  private final String charset;

  public FileContent(byte[] content, String fileName, String mimeType, String charset) {
    this.content = Objects.requireNonNull(content, "content").clone();
    this.fileName = fileName;
    this.mimeType = mimeType;
    this.charset = charset;
  }

  /** Builds from the body and the raw {@code Content-Type} header (which may be null). */
  public static FileContent fromContentType(byte[] content, String contentType) {
    List<String> parts = splitParameters(contentType == null ? "" : contentType);
    String mime =
        parts.isEmpty() || parts.get(0).isEmpty() ? null : parts.get(0).toLowerCase(Locale.ROOT);
    String name = null;
    String charset = null;
    for (int i = 1; i < parts.size(); i++) {
      String part = parts.get(i);
      int eq = part.indexOf('=');
      if (eq <= 0) {
        continue;
      }
      String key = part.substring(0, eq).strip().toLowerCase(Locale.ROOT);
      String value = unquote(part.substring(eq + 1).strip());
      if (key.equals("name") || key.equals("filename")) {
        name = value;
      } else if (key.equals("charset")) {
        charset = value;
      }
    }
    return new FileContent(content, name, mime, charset);
  }

  /** Splits on {@code ;} outside quotes, so a name like {@code "a;b.txt"} survives. */
  static List<String> splitParameters(String header) {
    List<String> parts = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    char quote = 0;
    for (int i = 0; i < header.length(); i++) {
      char c = header.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
        cur.append(c);
      } else if (c == '"' || c == '\'') {
        quote = c;
        cur.append(c);
      } else if (c == ';') {
        parts.add(cur.toString().strip());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    parts.add(cur.toString().strip());
    return parts;
  }

  private static String unquote(String v) {
    if (v.length() >= 2) {
      char first = v.charAt(0);
      if ((first == '"' || first == '\'') && v.charAt(v.length() - 1) == first) {
        return v.substring(1, v.length() - 1);
      }
    }
    return v;
  }

  public byte[] content() {
    return content.clone();
  }

  public int size() {
    return content.length;
  }

  /** The file name from the header, or null if the server sent none. */
  public String fileName() {
    return fileName;
  }

  /** E.g. {@code image/jpeg}; null if no Content-Type was sent. */
  public String mimeType() {
    return mimeType;
  }

  /** The charset parameter, e.g. {@code UTF-8}, or null. */
  public String charset() {
    return charset;
  }

  @Override
  public String toString() {
    return "FileContent{" + fileName + ", " + mimeType + ", " + content.length + " bytes}";
  }
}
