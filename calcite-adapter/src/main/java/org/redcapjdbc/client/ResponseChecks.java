package org.redcapjdbc.client;

import java.io.IOException;
import okhttp3.Response;
import okio.BufferedSource;

/**
 * Looks at the start of a 200 response, without consuming it, to catch answers that are not the
 * expected JSON before a parser reports something cryptic: an empty body (REDCap's answer to an
 * export too large for it), an HTML page, or an error body sent with status 200.
 */
final class ResponseChecks {
  private ResponseChecks() {}

  /**
   * Checks that the body's first significant character is {@code opener} ({@code [} or {@code {}).
   *
   * @throws RedcapException otherwise, carrying REDCap's message if the body is an error
   */
  static void expectJsonStart(
      Response response, char opener, String expected, Transport transport, String method) {
    BufferedSource peek = response.body().source().peek();
    int first = -1;
    try {
      while (peek.request(1)) {
        int b = peek.readByte() & 0xFF;
        if (b == ' ' || b == '\t' || b == '\r' || b == '\n' || ByteOrderMark.isUtf8Byte(b)) {
          continue; // whitespace, or part of a UTF-8 byte-order mark
        }
        first = b;
        break;
      }
    } catch (IOException e) {
      response.close();
      throw transport.transportFailure(
          e, response.request().url(), method, "The response was cut off before it started.");
    }
    if (first == opener) {
      return;
    }
    String body = Transport.readBounded(response);
    response.close();
    throw ErrorBodies.forUnexpectedBody(body, expected, method, transport.token);
  }
}
