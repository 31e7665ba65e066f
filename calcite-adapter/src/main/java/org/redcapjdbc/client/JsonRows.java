package org.redcapjdbc.client;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads structural exports (metadata, events, users, …) into rows of text. REDCap mixes JSON types
 * across endpoints ({@code arm_num} is a number, role rights are strings, {@code forms} is an
 * object), so every scalar is coerced to its JSON text, {@code null} to {@code ""}, and a nested
 * object to the CSV export's form {@code form_a:1,form_b:0}; a nested array becomes its elements
 * joined by commas.
 */
final class JsonRows {
  private JsonRows() {}

  /** Reads the array the parser is positioned before; each element must be an object. */
  static List<Map<String, String>> readArray(JsonParser p) throws IOException {
    expect(p.nextToken(), JsonToken.START_ARRAY, p);
    List<Map<String, String>> rows = new ArrayList<>();
    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
      if (t == null) {
        throw new TruncatedJsonException(p);
      }
      expect(t, JsonToken.START_OBJECT, p);
      rows.add(readObjectBody(p));
    }
    expectEnd(p);
    return rows;
  }

  /** Reads a single object (project info). */
  static Map<String, String> readSingleObject(JsonParser p) throws IOException {
    expect(p.nextToken(), JsonToken.START_OBJECT, p);
    Map<String, String> row = readObjectBody(p);
    expectEnd(p);
    return row;
  }

  /** Reads an array of scalars ({@code returnContent=ids}). */
  static List<String> readScalarArray(JsonParser p) throws IOException {
    expect(p.nextToken(), JsonToken.START_ARRAY, p);
    List<String> values = new ArrayList<>();
    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
      if (t == null) {
        throw new TruncatedJsonException(p);
      }
      values.add(text(p, t));
    }
    expectEnd(p);
    return values;
  }

  /** Text of the value at the current token; for containers, the flattened form. */
  static String text(JsonParser p, JsonToken t) throws IOException {
    switch (t) {
      case VALUE_STRING:
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return p.getText();
      case VALUE_TRUE:
        return "true";
      case VALUE_FALSE:
        return "false";
      case VALUE_NULL:
        return "";
      case START_OBJECT:
      case START_ARRAY:
        return nested(p, t);
      default:
        throw new com.fasterxml.jackson.core.JsonParseException(p, "unexpected token " + t);
    }
  }

  private static String nested(JsonParser p, JsonToken start) throws IOException {
    StringBuilder sb = new StringBuilder();
    JsonToken end = start == JsonToken.START_OBJECT ? JsonToken.END_OBJECT : JsonToken.END_ARRAY;
    for (JsonToken t = p.nextToken(); t != end; t = p.nextToken()) {
      if (t == null) {
        throw new TruncatedJsonException(p);
      }
      if (sb.length() > 0) {
        sb.append(',');
      }
      if (t == JsonToken.FIELD_NAME) {
        sb.append(p.currentName()).append(':');
        t = p.nextToken();
        if (t == null) {
          throw new TruncatedJsonException(p);
        }
      }
      sb.append(text(p, t));
    }
    return sb.toString();
  }

  private static Map<String, String> readObjectBody(JsonParser p) throws IOException {
    Map<String, String> row = new LinkedHashMap<>();
    for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
      if (t == null) {
        throw new TruncatedJsonException(p);
      }
      String name = p.currentName();
      JsonToken v = p.nextToken();
      if (v == null) {
        throw new TruncatedJsonException(p);
      }
      row.put(name, text(p, v));
    }
    return row;
  }

  private static void expect(JsonToken t, JsonToken wanted, JsonParser p) throws IOException {
    if (t == null) {
      throw new TruncatedJsonException(p);
    }
    if (t != wanted) {
      throw new com.fasterxml.jackson.core.JsonParseException(
          p, "expected " + wanted + " but found " + t);
    }
  }

  /** Anything but whitespace after the closing bracket means the body is not what it claims. */
  static void expectEnd(JsonParser p) throws IOException {
    JsonToken t = p.nextToken();
    if (t != null) {
      throw new com.fasterxml.jackson.core.JsonParseException(
          p, "unexpected content after the end of the JSON value: " + t);
    }
  }

  /**
   * True if a parse failure means the input ended early. Jackson reports that as
   * {@code JsonEOFException} inside values but as a plain parse error between object entries.
   */
  static boolean isEndOfInput(IOException e) {
    if (e instanceof TruncatedJsonException
        || e instanceof com.fasterxml.jackson.core.io.JsonEOFException) {
      return true;
    }
    return e instanceof com.fasterxml.jackson.core.JsonProcessingException
        && String.valueOf(
                ((com.fasterxml.jackson.core.JsonProcessingException) e).getOriginalMessage())
            .contains("end-of-input");
  }

  /** The body ended inside the JSON value. */
  static final class TruncatedJsonException extends IOException {
    TruncatedJsonException(JsonParser p) {
      super(
          "the response ended before the JSON was complete, at byte "
              + p.currentLocation().getByteOffset());
    }
  }
}
