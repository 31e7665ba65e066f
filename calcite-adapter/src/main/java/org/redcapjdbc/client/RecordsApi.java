package org.redcapjdbc.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.redcapjdbc.client.RedcapException.Kind;

/**
 * Record calls: export (streaming JSON cursor, batched cursor, raw CSV; flat or EAV), reports,
 * import, delete, rename and next record name. Obtain through {@link RedcapClient#records()}.
 */
public final class RecordsApi {
  private final Api api;
  private final ProjectApi project;

  RecordsApi(Api api, ProjectApi project) {
    this.api = api;
    this.project = project;
  }

  /**
   * A streaming cursor over one export request ({@code format=json}, flat or EAV per
   * {@link RecordExportRequest#type()}). Nothing is sent until the first {@code next()}.
   * EAV rows have the columns {@code record, field_name, value} (plus
   * {@code redcap_event_name} and repeat columns where the project has them).
   */
  public RecordCursor export(RecordExportRequest request) {
    RecordExportRequest r = withRecordIdField(request);
    return new RecordCursor(api.transport, ApiCall.read(r.toParams("json")), new Cancellation());
  }

  /**
   * A batched export (see {@link BatchedRecordExport}): the way to read a whole project.
   * Nothing is sent until the first {@code next()}; the record-ID field is looked up then, only
   * if the request does not carry it and the chosen path needs it.
   */
  public BatchedRecordExport exportBatched(RecordExportRequest request, BatchOptions options) {
    return new BatchedRecordExport(api.transport, request, options, project::recordIdField);
  }

  /**
   * The export as raw CSV ({@code format=csv}), read by the caller with a CSV parser: values may
   * hold quoted commas and newlines.
   */
  public RawResponse exportCsv(RecordExportRequest request) {
    RecordExportRequest r = withRecordIdField(request);
    return api.raw(ApiCall.read(r.toParams("csv")));
  }

  /** A report's rows as a streaming cursor. */
  public RecordCursor exportReport(ReportRequest request) {
    return new RecordCursor(
        api.transport, ApiCall.read(request.toParams("json")), new Cancellation());
  }

  /** A report as raw CSV. */
  public RawResponse exportReportCsv(ReportRequest request) {
    return api.raw(ApiCall.read(request.toParams("csv")));
  }

  /**
   * Imports records. Never retried once the body may have reached the server.
   *
   * @throws RedcapException with REDCap's per-cell messages verbatim on a validation failure
   */
  public RecordImportResult importRecords(RecordImportRequest request) {
    FormParams params = request.toParams();
    String method = params.describe();
    String body = api.transport.text(ApiCall.write(params));
    ReturnContent rc = request.returnContent();
    switch (rc) {
      case NOTHING:
        if (ErrorBodies.redcapMessage(body) != null) {
          throw ErrorBodies.forUnexpectedBody(body, "no content", method, api.transport.token);
        }
        return new RecordImportResult(rc, -1, List.of(), List.of());
      case IDS:
        {
          List<String> ids = idList(body, method);
          return new RecordImportResult(rc, ids.size(), ids, List.of());
        }
      case AUTO_IDS:
        {
          List<RecordImportResult.AutoId> pairs = new ArrayList<>();
          for (String pair : idList(body, method)) {
            int comma = pair.indexOf(',');
            if (comma < 0) {
              throw ErrorBodies.forUnexpectedBody(
                  body, "\"new,sent\" ID pairs", method, api.transport.token);
            }
            pairs.add(
                new RecordImportResult.AutoId(
                    pair.substring(0, comma).strip(), pair.substring(comma + 1).strip()));
          }
          return new RecordImportResult(rc, pairs.size(), List.of(), pairs);
        }
      default:
        return new RecordImportResult(rc, api.parseCount(body, method), List.of(), List.of());
    }
  }

  /** {@code ["1","2"]} in JSON; a header line then one ID per line in CSV. */
  private List<String> idList(String body, String method) {
    String t = body.strip();
    if (t.startsWith("[")) {
      try (com.fasterxml.jackson.core.JsonParser p = Jsons.FACTORY.createParser(t)) {
        return JsonRows.readScalarArray(p);
      } catch (java.io.IOException e) {
        throw new RedcapException(
            Kind.PROTOCOL,
            200,
            method,
            null,
            "The import answer is not a valid JSON list of IDs: " + e.getMessage(),
            e);
      }
    }
    if (ErrorBodies.redcapMessage(t) != null || ErrorBodies.looksLikeHtml(t)) {
      throw ErrorBodies.forUnexpectedBody(body, "a list of IDs", method, api.transport.token);
    }
    List<String> ids = new ArrayList<>();
    String[] lines = t.split("\r?\n");
    for (int i = 1; i < lines.length; i++) { // line 0 is the CSV header
      if (!lines[i].isBlank()) {
        ids.add(lines[i].strip().replaceAll("^\"|\"$", ""));
      }
    }
    return ids;
  }

  /**
   * Deletes whole records (in every arm).
   *
   * @return the number of records deleted
   */
  public int deleteRecords(List<String> records) {
    return deleteRecords(records, null, null, null, null);
  }

  /**
   * Deletes records or parts of them. Leaving out {@code instrument}, {@code event} or
   * {@code repeatInstance} widens the delete, up to whole records: pass all that apply.
   *
   * @param arm arm number (multi-arm projects), or null for every arm
   * @param instrument a form name to delete only that form's data, or null
   * @param event a unique event name, or null
   * @param repeatInstance a repeat instance, or null
   * @return the number of records affected
   * @throws IllegalArgumentException for an empty list or blank ID, before any request
   */
  public int deleteRecords(
      List<String> records, Integer arm, String instrument, String event, Integer repeatInstance) {
    requireIds(records);
    FormParams p =
        FormParams.content("record")
            .add("action", "delete")
            .add("format", "json")
            .add("returnFormat", "json")
            .addArray("records", records)
            .add("arm", arm)
            .add("instrument", instrument)
            .add("event", event)
            .add("repeat_instance", repeatInstance);
    return api.writeCount(p);
  }

  /**
   * Renames a record.
   *
   * @param arm the arm number in multi-arm projects, or null
   * @return REDCap's answer, 1 on success
   */
  public int renameRecord(String record, String newRecordName, Integer arm) {
    requireId(record, "record");
    requireId(newRecordName, "new record name");
    FormParams p =
        FormParams.content("record")
            .add("action", "rename")
            .add("record", record)
            .add("new_record_name", newRecordName)
            .add("arm", arm)
            .add("format", "json")
            .add("returnFormat", "json");
    return api.writeCount(p);
  }

  /** The next record name REDCap would assign (not reserved), e.g. {@code 6} or {@code 20-1}. */
  public String generateNextRecordName() {
    return api.plainText(FormParams.content("generateNextRecordName"));
  }

  private RecordExportRequest withRecordIdField(RecordExportRequest request) {
    Objects.requireNonNull(request, "request");
    if (request.restrictsColumns() && request.recordIdField() == null) {
      return request.toBuilder().recordIdField(project.recordIdField()).build();
    }
    return request;
  }

  private static void requireIds(List<String> records) {
    Objects.requireNonNull(records, "records");
    if (records.isEmpty()) {
      throw new IllegalArgumentException("No record IDs given: a delete needs at least one");
    }
    for (String r : records) {
      requireId(r, "record");
    }
  }

  private static void requireId(String id, String what) {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("The " + what + " ID is empty");
    }
  }
}
