package org.redcapjdbc.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringReader;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.redcapjdbc.client.RedcapException.Kind;

/**
 * Turns an error response into a {@link RedcapException}. REDCap sends its message in one of three
 * shapes, chosen by {@code returnFormat}: {@code {"error":"…"}}, plain text {@code ERROR: …}, or
 * {@code <hash><error>…</error></hash>}. Web servers in front of it send HTML pages instead.
 */
final class ErrorBodies {
  /** Error bodies are read up to this size; REDCap's are a few hundred bytes. */
  static final int MAX_ERROR_BODY = 64 * 1024;

  private static final Pattern TITLE =
      Pattern.compile("<title>(.*?)</title>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  private static final XMLInputFactory XML = newXmlFactory();

  private ErrorBodies() {}

  /** REDCap's message from a body in any of the three error shapes, or null if it is not one. */
  static String redcapMessage(String body) {
    String t = strip(body);
    if (t.startsWith("{")) {
      try {
        JsonNode node = Jsons.MAPPER.readTree(t);
        JsonNode error = node == null ? null : node.get("error");
        if (error == null) {
          return null;
        }
        StringBuilder msg =
            new StringBuilder(error.isValueNode() ? error.asText() : error.toString());
        // Old servers added detail keys, e.g. "fields": [...]; keep them with the message.
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          if (!e.getKey().equals("error")) {
            msg.append(" (")
                .append(e.getKey())
                .append(": ")
                .append(flatten(e.getValue()))
                .append(')');
          }
        }
        return msg.toString();
      } catch (java.io.IOException notJson) {
        return null;
      }
    }
    if (t.regionMatches(true, 0, "ERROR:", 0, 6)) {
      return t.substring(6).strip();
    }
    if (t.startsWith("<") && t.contains("<error")) {
      return xmlError(t);
    }
    return null;
  }

  static boolean looksLikeHtml(String body) {
    String t = strip(body).toLowerCase(Locale.ROOT);
    return t.startsWith("<!doctype html")
        || t.startsWith("<html")
        || t.startsWith("<head")
        || t.startsWith("<body")
        || (t.startsWith("<") && t.contains("<html"));
  }

  /** The exception for a non-2xx response. */
  static RedcapException forStatus(
      int status, String body, String url, String method, String retryNote, ApiToken token) {
    String message = token.redact(redcapMessage(body));
    Kind kind;
    String hint;
    if (status == 401 || status == 403) {
      kind = Kind.AUTH;
      hint =
          "Check the API token (32 hexadecimal characters, issued for this project and user)"
              + " and that the user has API rights: API Export for reads, API Import/Update for"
              + " writes, Delete Record for deletes.";
    } else if (status == 400) {
      kind = Kind.VALIDATION;
      hint = "REDCap rejected the request; the message says which parameter or value to fix.";
    } else if (status == 404) {
      kind = Kind.PROTOCOL;
      hint =
          "The URL "
              + url
              + " is not a REDCap API endpoint; it must be the API address,"
              + " ending in /api/ (e.g. https://redcap.example.edu/api/).";
    } else if (status == 429) {
      kind = Kind.SERVER;
      hint =
          "REDCap is rate-limiting this client; wait a while, lower parallelism, or ask the"
              + " REDCap administrator about the API rate limit.";
    } else if (status == 501) {
      kind = Kind.SERVER;
      hint =
          "This REDCap version does not implement "
              + method
              + ", or the POST body was lost"
              + " on a redirect: check that the URL uses https and ends in /api/.";
    } else if (status >= 500) {
      kind = Kind.SERVER;
      hint =
          "The REDCap server failed; try again later. Large exports can exhaust the server:"
              + " use a smaller batch size.";
    } else {
      kind = Kind.PROTOCOL;
      hint = "This is not a response REDCap sends; check the URL " + url + ".";
    }
    String what = message != null ? message : describeBody(body, token);
    String full =
        "REDCap API call "
            + method
            + " failed with HTTP "
            + status
            + ": "
            + what
            + (what.endsWith(".") ? " " : ". ")
            + hint
            + (retryNote == null ? "" : " " + retryNote);
    return new RedcapException(kind, status, method, message, full, null);
  }

  /** The exception for an HTTP 200 whose body is not the expected answer. */
  static RedcapException forUnexpectedBody(
      String body, String expected, String method, ApiToken token) {
    String message = token.redact(redcapMessage(body));
    if (message != null) {
      return new RedcapException(
          Kind.SERVER,
          200,
          method,
          message,
          "REDCap API call " + method + " returned an error with HTTP 200: " + message,
          null);
    }
    String hint;
    if (strip(body).isEmpty()) {
      hint =
          "REDCap sends an empty body when an export is too large for the server;"
              + " export in smaller batches (fewer records per request).";
    } else if (looksLikeHtml(body)) {
      hint =
          "An HTML page usually means the URL is not the API endpoint (it must end in /api/),"
              + " a login or proxy page intervened, or the export could not complete on the server.";
    } else {
      hint = "The server may not be REDCap, or the response was damaged; check the URL.";
    }
    return new RedcapException(
        Kind.PROTOCOL,
        200,
        method,
        null,
        "REDCap API call "
            + method
            + " returned "
            + describeBody(body, token)
            + " where "
            + expected
            + " was expected. "
            + hint,
        null);
  }

  /** A short, safe description of a body that carries no REDCap message. */
  static String describeBody(String body, ApiToken token) {
    String t = strip(body);
    if (t.isEmpty()) {
      return "an empty body";
    }
    if (looksLikeHtml(t)) {
      Matcher m = TITLE.matcher(t);
      return m.find()
          ? "an HTML page titled '" + token.redact(m.group(1).strip()) + "'"
          : "an HTML page";
    }
    String snippet = t.length() > 200 ? t.substring(0, 200) + "…" : t;
    return "'" + token.redact(snippet.replaceAll("\\s+", " ")) + "'";
  }

  private static String strip(String body) {
    if (body == null) {
      return "";
    }
    return ByteOrderMark.strip(body.strip()).strip();
  }

  private static String flatten(JsonNode node) {
    if (node.isArray()) {
      StringBuilder sb = new StringBuilder();
      for (JsonNode n : node) {
        sb.append(sb.length() == 0 ? "" : ", ").append(n.isValueNode() ? n.asText() : n.toString());
      }
      return sb.toString();
    }
    return node.isValueNode() ? node.asText() : node.toString();
  }

  private static String xmlError(String xml) {
    try {
      XMLStreamReader r = XML.createXMLStreamReader(new StringReader(xml));
      try {
        while (r.hasNext()) {
          if (r.next() == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("error")) {
            return r.getElementText().strip();
          }
        }
      } finally {
        r.close();
      }
    } catch (XMLStreamException notXml) {
      // fall through: not an XML error document
    }
    return null;
  }

  private static XMLInputFactory newXmlFactory() {
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    return f;
  }
}
