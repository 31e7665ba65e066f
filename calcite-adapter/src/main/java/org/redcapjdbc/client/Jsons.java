package org.redcapjdbc.client;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;

/**
 * The one Jackson configuration for REDCap responses. Lenient the way old REDCap servers need:
 * raw control characters inside strings are accepted (PyCap parsed with {@code strict=False});
 * {@code \/} is standard JSON and needs nothing. Input bytes pass through
 * {@link Utf8SanitizingInputStream}, so invalid UTF-8 becomes U+FFFD instead of failing the
 * whole export, and a UTF-8 byte-order mark is dropped.
 */
final class Jsons {
  static final JsonFactory FACTORY =
      JsonFactory.builder().enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS).build();
  static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);

  private Jsons() {}

  static JsonParser parser(InputStream in) throws IOException {
    return FACTORY.createParser(new Utf8SanitizingInputStream(in));
  }
}
