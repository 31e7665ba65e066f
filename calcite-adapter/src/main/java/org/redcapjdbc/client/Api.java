package org.redcapjdbc.client;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Response;
import org.redcapjdbc.client.RedcapException.Kind;

/**
 * The response shapes shared by the API areas: rows of text, one object, plain text, a count,
 * a file. Each reads the whole (small) response and maps every failure to a
 * {@link RedcapException}.
 */
final class Api {
  private static final Pattern XML_COUNT = Pattern.compile("<count>\\s*(\\d+)\\s*</count>");

  final Transport transport;

  Api(Transport transport) {
    this.transport = Objects.requireNonNull(transport, "transport");
  }

  /** A list export: a JSON array of objects, every scalar as text. */
  List<Map<String, String>> rows(FormParams params) {
    return rows(params, new Cancellation());
  }

  /** {@link #rows(FormParams)} that {@code cancellation} can abort. */
  List<Map<String, String>> rows(FormParams params, Cancellation cancellation) {
    params.add("format", "json").add("returnFormat", "json");
    return parse(ApiCall.read(params), '[', "a JSON array", JsonRows::readArray, cancellation);
  }

  /** A single-object export (project info). */
  Map<String, String> object(FormParams params) {
    params.add("format", "json").add("returnFormat", "json");
    return parse(ApiCall.read(params), '{', "a JSON object", JsonRows::readSingleObject);
  }

  /**
   * A plain-text answer (version, next record name, survey links). Sent with {@code format=csv}
   * and {@code returnFormat=csv}, because {@code 20-1} is not JSON and errors then come back as
   * {@code ERROR: …}, which is parsed like the other shapes.
   */
  String plainText(FormParams params) {
    params.add("format", "csv").add("returnFormat", "csv");
    String body = transport.text(ApiCall.read(params));
    String message = ErrorBodies.redcapMessage(body);
    if (message != null || ErrorBodies.looksLikeHtml(body)) {
      throw ErrorBodies.forUnexpectedBody(body, "plain text", params.describe(), transport.token);
    }
    return body.strip();
  }

  /** An import or delete whose answer is a number: bare, {@code {"count":n}} or XML. */
  int writeCount(FormParams params) {
    String body = transport.text(ApiCall.write(params));
    return parseCount(body, params.describe());
  }

  int parseCount(String body, String method) {
    String t = body.strip();
    if (t.matches("\\d+")) {
      return Integer.parseInt(t);
    }
    if (t.startsWith("{")) {
      try {
        JsonNode node = Jsons.MAPPER.readTree(t);
        JsonNode count = node.get("count");
        if (count != null && count.asText().matches("\\d+")) {
          return count.asInt();
        }
      } catch (IOException notJson) {
        // reported below
      }
    }
    Matcher m = XML_COUNT.matcher(t);
    if (m.find()) {
      return Integer.parseInt(m.group(1));
    }
    throw ErrorBodies.forUnexpectedBody(body, "a count", method, transport.token);
  }

  /** A file download: bytes plus the name and type from {@code Content-Type}. */
  FileContent file(FormParams params) {
    String method = params.describe();
    try (Response response = transport.execute(ApiCall.read(params), new Cancellation())) {
      String contentType = response.header("Content-Type");
      byte[] bytes = response.body().bytes();
      FileContent file = FileContent.fromContentType(bytes, contentType);
      // An error sent with status 200 has no file name; a real file always has one.
      if (file.fileName() == null && bytes.length < ErrorBodies.MAX_ERROR_BODY) {
        String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        if (ErrorBodies.redcapMessage(text) != null) {
          throw ErrorBodies.forUnexpectedBody(text, "a file", method, transport.token);
        }
      }
      return file;
    } catch (IOException e) {
      throw transport.transportFailure(e, transport.url, method, "The file download broke off.");
    }
  }

  /** A streamed response for the caller to read. */
  RawResponse raw(ApiCall call) {
    Cancellation cancellation = new Cancellation();
    return new RawResponse(transport.execute(call, cancellation), cancellation);
  }

  /** {@link #raw(ApiCall)} under a caller's handle, which the response leaves alive. */
  RawResponse raw(ApiCall call, Cancellation cancellation) {
    return new RawResponse(transport.execute(call, cancellation), cancellation, false);
  }

  /** A write whose answer carries nothing (file import/delete); an error shape still fails. */
  void writeIgnoringBody(ApiCall call) {
    String body = transport.text(call);
    if (ErrorBodies.redcapMessage(body) != null) {
      throw ErrorBodies.forUnexpectedBody(
          body, "an empty answer", call.describe(), transport.token);
    }
  }

  interface Reader<T> {
    T read(JsonParser parser) throws IOException;
  }

  <T> T parse(ApiCall call, char opener, String expected, Reader<T> reader) {
    return parse(call, opener, expected, reader, new Cancellation());
  }

  <T> T parse(
      ApiCall call, char opener, String expected, Reader<T> reader, Cancellation cancellation) {
    String method = call.describe();
    try (Response response = transport.execute(call, cancellation)) {
      ResponseChecks.expectJsonStart(response, opener, expected, transport, method);
      try (JsonParser parser = Jsons.parser(response.body().byteStream())) {
        return reader.read(parser);
      }
    } catch (IOException e) {
      if (JsonRows.isEndOfInput(e)) {
        throw new RedcapException(
            Kind.PROTOCOL,
            200,
            method,
            null,
            "The REDCap response to "
                + method
                + " ended before the JSON was complete: it is incomplete. Retry.",
            e);
      }
      if (e instanceof JsonParseException) {
        throw new RedcapException(
            Kind.PROTOCOL,
            200,
            method,
            null,
            "The REDCap response to "
                + method
                + " is not valid JSON ("
                + transport.token.redact(((JsonParseException) e).getOriginalMessage())
                + ").",
            e);
      }
      throw transport.transportFailure(e, transport.url, method, "The response broke off.");
    }
  }
}
