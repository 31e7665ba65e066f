package org.redcapjdbc.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.redcapjdbc.emulator.EmulatedProject;
import org.redcapjdbc.emulator.RedcapEmulator;

/**
 * A record export spoken directly with the JDK's HTTP client and Jackson, never through the
 * driver: what the write tests check their results against. Values are the wire's text, blank
 * included, so a test sees exactly what REDCap stores.
 */
final class RawRecords {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private RawRecords() {}

  /** Every flat row (raw values) of these records, or of all records when none are given. */
  static List<Map<String, String>> export(
      RedcapEmulator emulator, EmulatedProject project, String... records) {
    List<String> params =
        new ArrayList<>(
            List.of(
                "content",
                "record",
                "format",
                "json",
                "type",
                "flat",
                "rawOrLabel",
                "raw",
                "exportDataAccessGroups",
                "true"));
    for (int i = 0; i < records.length; i++) {
      params.add("records[" + i + "]");
      params.add(records[i]);
    }
    JsonNode tree = post(emulator, project, params);
    List<Map<String, String>> rows = new ArrayList<>();
    for (JsonNode row : tree) {
      Map<String, String> map = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = row.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        map.put(e.getKey(), e.getValue().asText());
      }
      rows.add(map);
    }
    return rows;
  }

  /** The only row of a record in a classic project without repeats. */
  static Map<String, String> one(RedcapEmulator emulator, EmulatedProject project, String record) {
    List<Map<String, String>> rows = export(emulator, project, record);
    if (rows.size() != 1) {
      throw new AssertionError("Expected one row for record " + record + ", got " + rows);
    }
    return rows.get(0);
  }

  /** The record IDs of the project, in export order, each once. */
  static List<String> recordIds(RedcapEmulator emulator, EmulatedProject project, String idField) {
    List<String> ids = new ArrayList<>();
    for (Map<String, String> row : export(emulator, project)) {
      String id = row.get(idField);
      if (!ids.contains(id)) {
        ids.add(id);
      }
    }
    return ids;
  }

  private static JsonNode post(
      RedcapEmulator emulator, EmulatedProject project, List<String> params) {
    StringJoiner body = new StringJoiner("&");
    body.add("token=" + project.token());
    for (int i = 0; i < params.size(); i += 2) {
      body.add(
          URLEncoder.encode(params.get(i), StandardCharsets.UTF_8)
              + "="
              + URLEncoder.encode(params.get(i + 1), StandardCharsets.UTF_8));
    }
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(emulator.url()))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
            .build();
    try {
      HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new AssertionError(
            "Raw export failed: HTTP " + response.statusCode() + " " + response.body());
      }
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new AssertionError("Raw export failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("Interrupted", e);
    }
  }
}
