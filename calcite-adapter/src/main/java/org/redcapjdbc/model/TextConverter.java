package org.redcapjdbc.model;

import java.util.Map;

/** VARCHAR columns, and every column under {@code typed=false}: the wire text as is. */
final class TextConverter extends WireConverter {
  TextConverter(String column) {
    super(column, SqlType.VARCHAR, Map.of());
  }

  @Override
  public Object fromWire(String wire, ValueProblemSink problems) {
    return wire == null || wire.isEmpty() ? null : wire;
  }

  @Override
  public String toWire(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof CharSequence text) {
      return text.toString();
    }
    throw cannotWrite(value, "it takes text");
  }
}
