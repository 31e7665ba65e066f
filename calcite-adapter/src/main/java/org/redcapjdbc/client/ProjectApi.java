package org.redcapjdbc.client;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.redcapjdbc.client.RedcapException.Kind;

/**
 * Project structure: data dictionary, export field names, instruments, arms, events,
 * instrument-event mappings, repeating setup, project info and settings, version, project XML,
 * logging, PDFs, and project creation. Obtain through {@link RedcapClient#project()}.
 *
 * <p>List exports return rows as {@code Map<String, String>} in the server's key order (a
 * {@code LinkedHashMap}), with every scalar as text ({@code "arm_num":1} gives {@code "1"}),
 * {@code null} as {@code ""}, and nested objects in the CSV form {@code form_a:1,form_b:0}.
 * Unlike record cursors, blank values stay {@code ""}. Unknown keys are kept, never an error:
 * REDCap adds columns over versions.
 */
public final class ProjectApi {
  private static final Pattern TRAILING_TOKEN = Pattern.compile("([0-9A-Fa-f]{32})\\s*$");

  private final Api api;

  ProjectApi(Api api) {
    this.api = api;
  }

  /** The record-ID field: the first row of the data dictionary (one metadata request). */
  public String recordIdField() {
    List<Map<String, String>> metadata = exportMetadata();
    if (metadata.isEmpty() || metadata.get(0).getOrDefault("field_name", "").isEmpty()) {
      throw new RedcapException(
          Kind.PROTOCOL,
          200,
          "content=metadata",
          null,
          "The project's data dictionary is empty, so it has no record-ID field: add fields"
              + " to the project in REDCap.",
          null);
    }
    return metadata.get(0).get("field_name");
  }

  /** The whole data dictionary. */
  public List<Map<String, String>> exportMetadata() {
    return exportMetadata(List.of(), List.of());
  }

  /** The dictionary rows of these fields and forms (empty lists: all). */
  public List<Map<String, String>> exportMetadata(List<String> fields, List<String> forms) {
    return api.rows(
        FormParams.content("metadata").addArray("fields", fields).addArray("forms", forms));
  }

  /** {@code original_field_name, choice_value, export_field_name} for every exported column. */
  public List<Map<String, String>> exportFieldNames() {
    return exportFieldNames(null);
  }

  /** Export names of one field (null: all). */
  public List<Map<String, String>> exportFieldNames(String field) {
    return api.rows(FormParams.content("exportFieldNames").add("field", field));
  }

  /** {@code instrument_name, instrument_label} in project order. */
  public List<Map<String, String>> exportInstruments() {
    return api.rows(FormParams.content("instrument"));
  }

  /** {@code arm_num, unique_event_name, form}; empty {@code arms}: every arm. */
  public List<Map<String, String>> exportFormEventMappings(List<Integer> arms) {
    return api.rows(FormParams.content("formEventMapping").addArray("arms", arms));
  }

  /** Events of these arms (empty: all). */
  public List<Map<String, String>> exportEvents(List<Integer> arms) {
    return api.rows(FormParams.content("event").addArray("arms", arms));
  }

  /** Arms (empty: all); arms without events are not returned by REDCap. */
  public List<Map<String, String>> exportArms(List<Integer> arms) {
    return api.rows(FormParams.content("arm").addArray("arms", arms));
  }

  /** {@code [event_name,] form_name, custom_form_label}; empty when nothing repeats. */
  public List<Map<String, String>> exportRepeatingFormsEvents() {
    return api.rows(FormParams.content("repeatingFormsEvents"));
  }

  /** Project attributes: one object. */
  public Map<String, String> exportProjectInfo() {
    return api.object(FormParams.content("project"));
  }

  /** The REDCap version, e.g. {@code 15.2.1}. */
  public String exportVersion() {
    return api.plainText(FormParams.content("version"));
  }

  /** The project as CDISC ODM XML, streamed. */
  public RawResponse exportProjectXml(ProjectXmlRequest request) {
    return api.raw(ApiCall.read(request.toParams()));
  }

  /** {@link #exportProjectXml(ProjectXmlRequest)} that {@code abort} can stop. */
  public RawResponse exportProjectXml(ProjectXmlRequest request, CallAbort abort) {
    return api.raw(ApiCall.read(request.toParams()), abort.cancellation);
  }

  /** Logging rows: {@code timestamp, username, action, details, record}, oldest first. */
  public List<Map<String, String>> exportLogging(LogRequest request) {
    return api.rows(request.toParams());
  }

  /** {@link #exportLogging(LogRequest)} that {@code abort} can stop. */
  public List<Map<String, String>> exportLogging(LogRequest request, CallAbort abort) {
    return api.rows(request.toParams(), abort.cancellation);
  }

  /** A PDF of instruments (blank, one record, or all records). */
  public FileContent exportPdf(PdfRequest request) {
    return api.file(request.toParams());
  }

  /** Replaces the data dictionary (development projects). Returns the number of fields. */
  public int importMetadata(List<? extends Map<String, ?>> rows) {
    return importRows(FormParams.content("metadata"), rows);
  }

  /** Adds or renames arms; {@code override} first deletes all arms, events and mappings. */
  public int importArms(List<? extends Map<String, ?>> rows, boolean override) {
    return importRows(
        FormParams.content("arm").add("action", "import").add("override", override ? "1" : "0"),
        rows);
  }

  /** Adds or updates events ({@code unique_event_name} to update); {@code override} replaces. */
  public int importEvents(List<? extends Map<String, ?>> rows, boolean override) {
    return importRows(
        FormParams.content("event").add("action", "import").add("override", override ? "1" : "0"),
        rows);
  }

  /** Replaces all instrument-event mappings with these rows. */
  public int importFormEventMappings(List<? extends Map<String, ?>> rows) {
    return importRows(FormParams.content("formEventMapping").add("action", "import"), rows);
  }

  /** Replaces the repeating instruments and events setup. */
  public int importRepeatingFormsEvents(List<? extends Map<String, ?>> rows) {
    return importRows(FormParams.content("repeatingFormsEvents"), rows);
  }

  /** Updates project attributes; returns the number of values accepted. */
  public int importProjectSettings(Map<String, ?> settings) {
    Objects.requireNonNull(settings, "settings");
    String json = RecordImportRequest.toJsonArray(List.of(settings));
    String object = json.substring(1, json.length() - 1); // one object, as REDCap expects
    return api.writeCount(
        FormParams.content("project_settings")
            .add("format", "json")
            .add("returnFormat", "json")
            .add("data", object));
  }

  /** Deletes arms with their events and data (development projects). */
  public int deleteArms(List<Integer> arms) {
    requireNonEmpty(arms, "arms");
    return api.writeCount(
        FormParams.content("arm")
            .add("action", "delete")
            .add("format", "json")
            .add("returnFormat", "json")
            .addArray("arms", arms));
  }

  /** Deletes events by unique event name. */
  public int deleteEvents(List<String> events) {
    requireNonEmpty(events, "events");
    return api.writeCount(
        FormParams.content("event")
            .add("action", "delete")
            .add("format", "json")
            .add("returnFormat", "json")
            .addArray("events", events));
  }

  /**
   * Creates a project; the client must have been built with a 64-character super token. At least
   * {@code project_title} and {@code purpose} (0–4) are required.
   *
   * @param odm optional project XML to create the project from, or null
   * @return the new project's API token: never log it
   */
  public ApiToken createProject(Map<String, ?> attributes, String odm) {
    Objects.requireNonNull(attributes, "attributes");
    if (!attributes.containsKey("project_title") || !attributes.containsKey("purpose")) {
      throw new IllegalArgumentException("Creating a project needs project_title and purpose");
    }
    FormParams p =
        FormParams.content("project")
            .add("format", "json")
            .add("returnFormat", "json")
            .add("data", RecordImportRequest.toJsonArray(List.of(attributes)))
            .add("odm", odm);
    String body = api.transport.text(ApiCall.write(p));
    // Some servers print debug output before the token; the token is what the body ends with.
    Matcher m = TRAILING_TOKEN.matcher(body);
    if (!m.find()) {
      throw ErrorBodies.forUnexpectedBody(
          body, "the new project's API token", p.describe(), api.transport.token);
    }
    return ApiToken.of(m.group(1));
  }

  private int importRows(FormParams params, List<? extends Map<String, ?>> rows) {
    Objects.requireNonNull(rows, "rows");
    return api.writeCount(
        params
            .add("format", "json")
            .add("returnFormat", "json")
            .add("data", RecordImportRequest.toJsonArray(rows)));
  }

  static void requireNonEmpty(List<?> list, String what) {
    Objects.requireNonNull(list, what);
    if (list.isEmpty()) {
      throw new IllegalArgumentException("No " + what + " given: the call needs at least one");
    }
  }
}
