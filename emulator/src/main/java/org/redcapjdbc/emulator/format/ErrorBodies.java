package org.redcapjdbc.emulator.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * REDCap's error bodies in the three shapes {@code returnFormat} selects: JSON
 * {@code {"error":"…"}}, CSV {@code ERROR: …} and XML
 * {@code <?xml version="1.0" encoding="UTF-8" ?><hash><error>…</error></hash>}.
 */
public final class ErrorBodies {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ErrorBodies() {}

  public static String render(Format format, String message) {
    switch (format) {
      case JSON:
        Map<String, String> m = new LinkedHashMap<>();
        m.put("error", message);
        try {
          return MAPPER.writeValueAsString(m);
        } catch (JsonProcessingException e) {
          throw new IllegalStateException("Could not encode an error message", e);
        }
      case CSV:
        return "ERROR: " + message;
      case XML:
      case ODM:
      default:
        return XmlText.DECLARATION + "<hash><error>" + XmlText.escape(message) + "</error></hash>";
    }
  }

  public static String contentType(Format format) {
    return format == Format.ODM ? Format.XML.contentType() : format.contentType();
  }
}
