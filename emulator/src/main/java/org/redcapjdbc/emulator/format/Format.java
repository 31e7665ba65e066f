package org.redcapjdbc.emulator.format;

import java.util.Locale;

/** The {@code format} and {@code returnFormat} values REDCap understands. */
public enum Format {
  JSON("application/json; charset=utf-8"),
  CSV("text/csv; charset=utf-8"),
  XML("text/xml; charset=utf-8"),
  /** CDISC ODM: only for record exports. */
  ODM("text/xml; charset=utf-8");

  /** Content type of plain-text answers (counts, versions, record names), as PHP sends them. */
  public static final String PLAIN_TEXT = "text/html; charset=UTF-8";

  private final String contentType;

  Format(String contentType) {
    this.contentType = contentType;
  }

  public String contentType() {
    return contentType;
  }

  /** Parses a parameter value; null for unknown values. */
  public static Format parse(String value) {
    if (value == null) {
      return null;
    }
    switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "json":
        return JSON;
      case "csv":
        return CSV;
      case "xml":
        return XML;
      case "odm":
        return ODM;
      default:
        return null;
    }
  }
}
