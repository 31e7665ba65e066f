package org.redcapjdbc.model;

import java.util.Locale;
import java.util.Map;

/** yesno, truefalse and checkbox-option columns: {@code 1} is true, {@code 0} is false. */
final class BooleanConverter extends WireConverter {
  BooleanConverter(String column, Map<String, String> missingDataCodes) {
    super(column, SqlType.BOOLEAN, missingDataCodes);
  }

  @Override
  public Object fromWire(String wire, ValueProblemSink problems) {
    if (wire == null || wire.isEmpty()) {
      return null;
    }
    if (wire.length() == 1) {
      char c = wire.charAt(0);
      if (c == '1') {
        return Boolean.TRUE;
      }
      if (c == '0') {
        return Boolean.FALSE;
      }
    }
    return reject(wire, problems, ValueProblem.Kind.UNPARSABLE, "is not 1 or 0");
  }

  @Override
  public String toWire(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Boolean b) {
      return b ? "1" : "0";
    }
    if (value instanceof Number n && (n.doubleValue() == 0 || n.doubleValue() == 1)) {
      return n.doubleValue() == 1 ? "1" : "0";
    }
    if (value instanceof CharSequence text) {
      String t = text.toString().trim().toLowerCase(Locale.ROOT);
      if (t.isEmpty()) {
        return "";
      }
      if (t.equals("1") || t.equals("true")) {
        return "1";
      }
      if (t.equals("0") || t.equals("false")) {
        return "0";
      }
    }
    throw cannotWrite(value, "it takes TRUE or FALSE (1 or 0)");
  }
}
