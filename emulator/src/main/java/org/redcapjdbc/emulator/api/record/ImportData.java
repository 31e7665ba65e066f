package org.redcapjdbc.emulator.api.record;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.redcapjdbc.emulator.api.ApiException;
import org.redcapjdbc.emulator.format.ByteOrderMark;
import org.redcapjdbc.emulator.format.Format;
import org.redcapjdbc.emulator.load.CsvTables;

/**
 * Parses the {@code data} of an import (records, and the structural imports) into rows of
 * column → value, in the order sent. JSON must be an array of objects (values may be numbers);
 * CSV has a header row (a BOM is ignored, blank lines are skipped); XML is
 * {@code <records><item><col>value</col>…</item></records>}.
 */
public final class ImportData {
  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .build();

  /** Parsed rows plus the columns seen, in first-seen order. */
  public record Rows(List<Map<String, String>> rows, Set<String> columns, boolean jsonNotArray) {}

  private ImportData() {}

  public static Rows parse(String data, Format format, char delimiter) throws ApiException {
    switch (format) {
      case JSON:
        return json(data);
      case CSV:
        return csv(data, delimiter);
      case XML:
        return xml(data);
      default:
        throw ApiException.badRequest(
            "The value of the parameter \"format\" is not valid for an import");
    }
  }

  private static Rows json(String data) throws ApiException {
    JsonNode root;
    try {
      root = JSON.readTree(data);
    } catch (IOException e) {
      throw ApiException.badRequest(
          "The data being imported is not formatted correctly. The JSON could not be"
              + " parsed: "
              + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j
                  ? j.getOriginalMessage()
                  : e.getMessage()));
    }
    List<Map<String, String>> rows = new ArrayList<>();
    Set<String> columns = new LinkedHashSet<>();
    if (root == null || !root.isArray()) {
      // REDCap answers a bare object with {"count":0} and imports nothing (PyCap #103).
      return new Rows(rows, columns, true);
    }
    for (JsonNode item : root) {
      if (!item.isObject()) {
        throw ApiException.badRequest(
            "The data being imported is not formatted correctly. Each item of the JSON"
                + " array must be an object of field names and values.");
      }
      Map<String, String> row = new LinkedHashMap<>();
      Iterator<Map.Entry<String, JsonNode>> it = item.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        JsonNode v = e.getValue();
        String text = v == null || v.isNull() ? "" : v.isValueNode() ? v.asText() : v.toString();
        row.put(e.getKey(), text);
        columns.add(e.getKey());
      }
      rows.add(row);
    }
    return new Rows(rows, columns, false);
  }

  private static Rows csv(String data, char delimiter) throws ApiException {
    CsvTables.Lines parsed;
    try {
      parsed = CsvTables.lines(data, delimiter);
    } catch (IOException e) {
      throw ApiException.badRequest(
          "The data being imported is not formatted correctly. The CSV could not be"
              + " parsed: "
              + e.getMessage());
    }
    List<String> header = parsed.header();
    Set<String> columns = new LinkedHashSet<>(header);
    List<Map<String, String>> rows = new ArrayList<>();
    for (CsvTables.Line line : parsed.lines()) {
      List<String> cells = line.cells();
      if (cells.size() == 1 && cells.get(0).isEmpty()) {
        continue;
      }
      if (cells.size() > header.size()) {
        throw ApiException.badRequest(
            "The data being imported is not formatted correctly. Line "
                + line.number()
                + " of the CSV data has more cells ("
                + cells.size()
                + ") than the header ("
                + header.size()
                + ").");
      }
      Map<String, String> row = new LinkedHashMap<>();
      boolean blank = true;
      for (int i = 0; i < header.size(); i++) {
        String v = i < cells.size() ? cells.get(i) : "";
        blank &= v.isEmpty();
        row.put(header.get(i), v);
      }
      // Blank rows are ignored (REDCap 6.10).
      if (!blank) {
        rows.add(row);
      }
    }
    return new Rows(rows, columns, false);
  }

  private static Rows xml(String data) throws ApiException {
    List<Map<String, String>> rows = new ArrayList<>();
    Set<String> columns = new LinkedHashSet<>();
    try {
      XMLInputFactory factory = XMLInputFactory.newFactory();
      factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
      factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
      factory.setProperty(XMLInputFactory.IS_COALESCING, true);
      String body = ByteOrderMark.strip(data);
      XMLStreamReader x = factory.createXMLStreamReader(new StringReader(body));
      int depth = 0;
      Map<String, String> row = null;
      while (x.hasNext()) {
        int t = x.next();
        if (t == XMLStreamConstants.START_ELEMENT) {
          depth++;
          if (depth == 2) {
            row = new LinkedHashMap<>();
          } else if (depth == 3 && row != null) {
            String name = x.getLocalName();
            String value = elementValue(x);
            depth--;
            row.put(name, value);
            columns.add(name);
          }
        } else if (t == XMLStreamConstants.END_ELEMENT) {
          if (depth == 2 && row != null) {
            rows.add(row);
            row = null;
          }
          depth--;
        }
      }
    } catch (XMLStreamException e) {
      throw ApiException.badRequest(
          "The data being imported is not formatted correctly. The XML could not be"
              + " parsed: "
              + e.getMessage());
    }
    return new Rows(rows, columns, false);
  }

  /**
   * The text of the current element; an element with child elements (the {@code forms} rights of
   * a user) gives {@code child:text} pairs joined by commas, as CSV writes them.
   */
  private static String elementValue(XMLStreamReader x) throws XMLStreamException {
    StringBuilder text = new StringBuilder();
    StringBuilder pairs = new StringBuilder();
    while (x.hasNext()) {
      int t = x.next();
      if (t == XMLStreamConstants.CHARACTERS
          || t == XMLStreamConstants.CDATA
          || t == XMLStreamConstants.SPACE) {
        text.append(x.getText());
      } else if (t == XMLStreamConstants.START_ELEMENT) {
        String child = x.getLocalName();
        String value = x.getElementText();
        if (pairs.length() > 0) {
          pairs.append(',');
        }
        pairs.append(child).append(':').append(value.strip());
      } else if (t == XMLStreamConstants.END_ELEMENT) {
        break;
      }
    }
    return pairs.length() > 0 ? pairs.toString() : text.toString();
  }
}
