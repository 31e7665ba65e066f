package org.redcapjdbc.emulator.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/** JSON columns of the store: string maps kept in insertion order. */
final class Json {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};

  private Json() {}

  static String write(Map<String, ?> map) {
    try {
      return MAPPER.writeValueAsString(map);
    } catch (JsonProcessingException e) {
      throw new StoreException("Could not encode a settings map as JSON", e);
    }
  }

  static Map<String, Object> read(String json) {
    try {
      return MAPPER.readValue(json, MAP);
    } catch (JsonProcessingException e) {
      throw new StoreException("Stored settings are not valid JSON: " + e.getOriginalMessage(), e);
    }
  }

  static Map<String, String> readStrings(String json) {
    Map<String, String> out = new LinkedHashMap<>();
    read(json).forEach((k, v) -> out.put(k, v == null ? "" : String.valueOf(v)));
    return out;
  }
}
