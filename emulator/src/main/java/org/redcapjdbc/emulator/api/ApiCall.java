package org.redcapjdbc.emulator.api;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.redcapjdbc.emulator.format.Format;
import org.redcapjdbc.emulator.format.TableWriter;
import org.redcapjdbc.emulator.model.ProjectDefinition;
import org.redcapjdbc.emulator.store.ApiUser;
import org.redcapjdbc.emulator.store.Database;
import org.redcapjdbc.emulator.store.ProjectHandle;

/** One authenticated API request, handed to an {@link ApiMethod}. */
public final class ApiCall {
  private final Params params;
  private final ApiUser user;
  private final ProjectHandle project;
  private final Database database;
  private final ResponseChannel response;
  private final ExportFaults faults;
  private final Format format;
  private final Format returnFormat;
  private volatile boolean logged;
  private final String apiUrl;

  public ApiCall(
      Params params,
      ApiUser user,
      ProjectHandle project,
      Database database,
      ResponseChannel response,
      ExportFaults faults,
      Format format,
      Format returnFormat) {
    this(
        params,
        user,
        project,
        database,
        response,
        faults,
        format,
        returnFormat,
        "http://127.0.0.1/api/");
  }

  /** As the other constructor, with the API URL the emulator serves (for survey links). */
  public ApiCall(
      Params params,
      ApiUser user,
      ProjectHandle project,
      Database database,
      ResponseChannel response,
      ExportFaults faults,
      Format format,
      Format returnFormat,
      String apiUrl) {
    this.apiUrl = requireNonNull(apiUrl, "apiUrl");
    this.params = requireNonNull(params, "params");
    this.user = requireNonNull(user, "user");
    this.project = requireNonNull(project, "project");
    this.database = requireNonNull(database, "database");
    this.response = requireNonNull(response, "response");
    this.faults = requireNonNull(faults, "faults");
    this.format = requireNonNull(format, "format");
    this.returnFormat = requireNonNull(returnFormat, "returnFormat");
  }

  public Params params() {
    return params;
  }

  public ApiUser user() {
    return user;
  }

  public ProjectHandle project() {
    return project;
  }

  public ProjectDefinition definition() {
    return project.definition();
  }

  public Database database() {
    return database;
  }

  public ExportFaults faults() {
    return faults;
  }

  /** {@code format}: what data is sent and returned in (REDCap's default is XML). */
  public Format format() {
    return format;
  }

  /** {@code returnFormat}: the shape of errors and import results (defaults to {@code format}). */
  public Format returnFormat() {
    return returnFormat;
  }

  /**
   * Writes a log entry for this request's user, in its own transaction. Methods that log
   * themselves are not given the dispatcher's default entry.
   */
  public void log(String type, String action, String details, String record) {
    database.inTransaction(
        c -> {
          log(c, type, action, details, record);
          return null;
        });
  }

  /** Writes a log entry on {@code c}, inside the caller's transaction. */
  public void log(java.sql.Connection c, String type, String action, String details, String record)
      throws java.sql.SQLException {
    org.redcapjdbc.emulator.store.LogStore.write(
        c, project.id(), user.username(), user.groupId(), type, action, details, record);
    logged = true;
  }

  /** The API URL ({@code http://127.0.0.1:PORT/api/}); survey links are made from it. */
  public String apiUrl() {
    return apiUrl;
  }

  /** Whether the method wrote a log entry itself. */
  public boolean logged() {
    return logged;
  }

  /** Starts a 200 answer in {@code contentType}. */
  public OutputStream stream(String contentType) throws IOException {
    return response.open(200, contentType);
  }

  /** A table in the request's {@code format}, with the CSV delimiter from {@code csvDelimiter}. */
  public TableWriter table(List<String> columns) throws IOException, ApiException {
    Format f = format == Format.ODM ? Format.XML : format;
    return TableWriter.create(f, stream(f.contentType()), columns, null, null, csvDelimiter());
  }

  /** A table as {@link #table(List)} does, under another XML root element ({@code users}). */
  public TableWriter table(List<String> columns, String xmlRoot) throws IOException, ApiException {
    Format f = format == Format.ODM ? Format.XML : format;
    return TableWriter.create(f, stream(f.contentType()), columns, csvDelimiter(), xmlRoot);
  }

  /** Sends a complete body. */
  public void send(String contentType, String body) throws IOException {
    try (OutputStream out = stream(contentType)) {
      out.write(body.getBytes(StandardCharsets.UTF_8));
    }
  }

  /** A plain-text answer with no trailing newline (counts, versions, record names). */
  public void sendPlain(String body) throws IOException {
    send(Format.PLAIN_TEXT, body);
  }

  /** The {@code csvDelimiter} parameter: {@code ,} (default), {@code tab}, {@code ;}, {@code |} or {@code ^}. */
  public char csvDelimiter() throws ApiException {
    String d = params.get("csvDelimiter");
    if (d == null || d.equals(",") || d.equalsIgnoreCase("comma")) {
      return ',';
    }
    switch (d) {
      case "tab":
      case "\t":
        return '\t';
      case ";":
        return ';';
      case "|":
        return '|';
      case "^":
        return '^';
      default:
        throw ApiException.badRequest(
            "The value of the parameter \"csvDelimiter\" is not valid. It must be one of"
                + " the following: , tab ; | ^");
    }
  }
}
