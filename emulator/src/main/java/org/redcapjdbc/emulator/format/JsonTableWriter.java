package org.redcapjdbc.emulator.format;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.List;

/** A JSON array of objects, compact, keys in column order: {@code [{"a":"1","b":2}]}. */
final class JsonTableWriter implements TableWriter {
  private static final JsonFactory FACTORY =
      JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

  private final JsonGenerator json;
  private final SerializedString[] keys;

  JsonTableWriter(OutputStream out, List<String> columns) throws IOException {
    this.json = FACTORY.createGenerator(out, JsonEncoding.UTF8);
    this.keys = new SerializedString[columns.size()];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = new SerializedString(columns.get(i));
    }
    json.writeStartArray();
  }

  @Override
  public void row(Object[] cells) throws IOException {
    json.writeStartObject();
    for (int i = 0; i < keys.length; i++) {
      if (cells[i] == ABSENT) {
        continue;
      }
      json.writeFieldName(keys[i]);
      writeValue(json, cells[i]);
    }
    json.writeEndObject();
  }

  static void writeValue(JsonGenerator json, Object v) throws IOException {
    if (v == null) {
      json.writeString("");
    } else if (v instanceof Integer i) {
      json.writeNumber(i);
    } else if (v instanceof Long l) {
      json.writeNumber(l);
    } else if (v instanceof Double d) {
      if (d == Math.rint(d) && Math.abs(d) < 1e15) {
        json.writeNumber(d.longValue());
      } else {
        json.writeNumber(BigDecimal.valueOf(d));
      }
    } else if (v instanceof java.util.Map<?, ?> m) {
      // Nested objects: the forms and forms_export rights of users and roles.
      json.writeStartObject();
      for (java.util.Map.Entry<?, ?> e : m.entrySet()) {
        json.writeFieldName(String.valueOf(e.getKey()));
        writeValue(json, e.getValue());
      }
      json.writeEndObject();
    } else {
      json.writeString(v.toString());
    }
  }

  @Override
  public void finish() throws IOException {
    json.writeEndArray();
    json.flush();
  }
}
