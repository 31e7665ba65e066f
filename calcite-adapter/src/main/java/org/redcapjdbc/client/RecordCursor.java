package org.redcapjdbc.client;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import okhttp3.Response;
import org.redcapjdbc.client.RedcapException.Kind;

/**
 * A {@link RowCursor} over one flat JSON export response, parsed as it arrives with Jackson's
 * streaming parser: one row in memory at a time.
 *
 * <p>The request is sent at the first {@link #next()}, not when the cursor is created, so a cursor
 * can be bound and handed to another thread first, and cancelled before anything was sent.
 *
 * <p>Speed: a row is a {@code String[]} refilled in place. REDCap sends the keys of every row in
 * the same order, so each key is first compared, as bytes, with the key seen at the same position
 * in the previous row ({@link JsonParser#nextFieldName(SerializableString)}): a key that matches
 * is neither decoded nor looked up, and its slot is the one remembered for that position. Only
 * when the order changes is the name decoded and its slot looked up by name. (The key names were
 * most of the parser's work: a row of a 100-field project has as many keys as values.) Values of
 * unbound keys are skipped without being decoded.
 */
public final class RecordCursor implements RowCursor {
  private final Transport transport;
  private final ApiCall call;
  private final Cancellation cancellation;

  private List<String> columns;
  private Map<String, Integer> slotByName;
  private boolean autoBind;
  private String[] values = new String[0];
  private int[] slotAtPosition = new int[16];
  private SerializableString[] expectedNames = new SerializableString[16];
  private final Set<String> unbound = new LinkedHashSet<>();

  /** Per bound slot: whether some row carried its key (see {@link #absentColumns()}). */
  private boolean[] carried = new boolean[0];

  private Response response;
  private JsonParser parser;
  private long rows;
  private boolean started;
  private boolean done;
  private boolean closed;

  RecordCursor(Transport transport, ApiCall call, Cancellation cancellation) {
    this.transport = Objects.requireNonNull(transport, "transport");
    this.call = Objects.requireNonNull(call, "call");
    this.cancellation = Objects.requireNonNull(cancellation, "cancellation");
  }

  @Override
  public RecordCursor bind(List<String> columns) {
    Objects.requireNonNull(columns, "columns");
    if (started) {
      throw new IllegalStateException("bind() must be called before the first next()");
    }
    List<String> copy = List.copyOf(columns);
    Map<String, Integer> slots = new HashMap<>(copy.size() * 2);
    for (int i = 0; i < copy.size(); i++) {
      if (slots.putIfAbsent(copy.get(i), i) != null) {
        throw new IllegalArgumentException("column bound twice: " + copy.get(i));
      }
    }
    this.columns = copy;
    this.slotByName = slots;
    this.values = new String[copy.size()];
    return this;
  }

  @Override
  public List<String> columns() {
    return columns == null ? List.of() : Collections.unmodifiableList(columns);
  }

  @Override
  public boolean next() {
    if (closed) {
      throw new IllegalStateException("cursor is closed");
    }
    if (done) {
      return false;
    }
    if (!started) {
      try {
        start();
      } catch (RuntimeException e) {
        close(); // a failed start leaves nothing to read
        throw e;
      }
    }
    try {
      JsonToken t = parser.nextToken();
      if (t == JsonToken.END_ARRAY) {
        JsonRows.expectEnd(parser);
        done = true;
        release();
        return false;
      }
      if (t != JsonToken.START_OBJECT) {
        if (t == null) {
          throw new JsonRows.TruncatedJsonException(parser);
        }
        throw new JsonParseException(parser, "expected a row object but found " + t);
      }
      readRow();
      rows++;
      return true;
    } catch (IOException | RuntimeException e) {
      if (e instanceof RedcapException) {
        close();
        throw (RedcapException) e;
      }
      RedcapException failure = failure(e);
      close();
      throw failure;
    }
  }

  private void readRow() throws IOException {
    String[] vals = values;
    Arrays.fill(vals, null);
    JsonParser p = parser;
    int pos = 0;
    JsonToken t;
    while (true) {
      int slot;
      SerializableString expected = pos < expectedNames.length ? expectedNames[pos] : null;
      if (expected != null && p.nextFieldName(expected)) {
        // The key the previous row had here: Jackson matched its bytes without decoding or
        // hashing the name.
        slot = slotAtPosition[pos];
      } else {
        t = expected != null ? p.currentToken() : p.nextToken();
        if (t != JsonToken.FIELD_NAME) {
          break;
        }
        String name = p.currentName();
        slot = slotFor(name);
        remember(pos, name, slot);
        vals = values; // auto-binding may have grown the row
      }
      t = p.nextToken();
      if (slot >= 0) {
        if (slot >= carried.length) {
          carried = Arrays.copyOf(carried, Math.max(slot + 1, values.length));
        }
        carried[slot] = true;
        if (t == JsonToken.VALUE_STRING) {
          vals[slot] = stringValue(p);
        } else if (t == null) {
          throw new JsonRows.TruncatedJsonException(p);
        } else {
          String v = JsonRows.text(p, t);
          vals[slot] = v.isEmpty() ? null : v;
        }
      } else if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
        p.skipChildren();
      } else if (t == null) {
        throw new JsonRows.TruncatedJsonException(p);
      }
      pos++;
    }
    t = p.currentToken();
    if (t != JsonToken.END_OBJECT) {
      if (t == null) {
        throw new JsonRows.TruncatedJsonException(p);
      }
      throw new JsonParseException(p, "expected a field name but found " + t);
    }
    if (autoBind) {
      autoBind = false; // the first row fixed the columns; later new keys are unbound
      columns = List.copyOf(columns);
    }
  }

  /** Codes of up to two digits (choices, statuses, checkboxes, ages), as shared strings. */
  private static final String[] SMALL_NUMBERS = new String[100];

  static {
    for (int i = 0; i < SMALL_NUMBERS.length; i++) {
      SMALL_NUMBERS[i] = Integer.toString(i);
    }
  }

  /**
   * The current string value, null when blank. Blank values and codes of one or two digits, most
   * of a REDCap export's values, are read without allocating a string.
   */
  private static String stringValue(JsonParser p) throws IOException {
    char[] chars = p.getTextCharacters();
    int offset = p.getTextOffset();
    int length = p.getTextLength();
    if (length == 0) {
      return null;
    }
    if (length <= 2) {
      int d0 = chars[offset] - '0';
      if (d0 >= 0 && d0 <= 9) {
        if (length == 1) {
          return SMALL_NUMBERS[d0];
        }
        int d1 = chars[offset + 1] - '0';
        if (d0 > 0 && d1 >= 0 && d1 <= 9) {
          return SMALL_NUMBERS[d0 * 10 + d1];
        }
      }
    }
    return new String(chars, offset, length);
  }

  private int slotFor(String name) {
    Integer slot = slotByName.get(name);
    if (slot != null) {
      return slot;
    }
    if (autoBind) {
      int s = columns.size();
      columns.add(name);
      slotByName.put(name, s);
      values = Arrays.copyOf(values, s + 1);
      return s;
    }
    unbound.add(name);
    return -1;
  }

  private void remember(int pos, String name, int slot) {
    if (pos >= expectedNames.length) {
      int n = Math.max(pos + 1, expectedNames.length * 2);
      slotAtPosition = Arrays.copyOf(slotAtPosition, n);
      expectedNames = Arrays.copyOf(expectedNames, n);
    }
    slotAtPosition[pos] = slot;
    expectedNames[pos] = new SerializedString(name);
  }

  private void start() {
    started = true;
    if (columns == null) {
      autoBind = true;
      columns = new ArrayList<>();
      slotByName = new HashMap<>();
    }
    String method = call.describe();
    response = transport.execute(call, cancellation);
    ResponseChecks.expectJsonStart(response, '[', "a JSON array of records", transport, method);
    try {
      parser = Jsons.parser(response.body().byteStream());
      parser.nextToken(); // the opening '[' checked above
    } catch (IOException e) {
      RedcapException failure = failure(e);
      close();
      throw failure;
    }
  }

  @Override
  public String value(int index) {
    return values[index];
  }

  /** The value of a bound column by name (a hash lookup: prefer {@link #value(int)}). */
  public String value(String column) {
    Integer slot = slotByName == null ? null : slotByName.get(column);
    if (slot == null) {
      throw new IllegalArgumentException("column not bound: " + column);
    }
    return values[slot];
  }

  @Override
  public Set<String> unboundColumns() {
    return Collections.unmodifiableSet(unbound);
  }

  @Override
  public Set<String> absentColumns() {
    if (rows == 0 || columns == null) {
      return Set.of();
    }
    Set<String> absent = new LinkedHashSet<>();
    for (int i = 0; i < columns.size(); i++) {
      if (i >= carried.length || !carried[i]) {
        absent.add(columns.get(i));
      }
    }
    return Collections.unmodifiableSet(absent);
  }

  @Override
  public long rowCount() {
    return rows;
  }

  /** Bytes of the JSON answer the parser has read so far (0 before the request). */
  long bytesRead() {
    com.fasterxml.jackson.core.JsonParser p = parser;
    return p == null ? 0 : Math.max(0, p.currentLocation().getByteOffset());
  }

  @Override
  public int requestCount() {
    return cancellation.requestCount();
  }

  @Override
  public void cancel() {
    cancellation.cancel();
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (!done) {
      // Abort first: closing an unfinished body would otherwise try to drain it.
      cancellation.cancel();
    }
    release();
  }

  private void release() {
    try {
      if (parser != null) {
        parser.close();
      }
    } catch (IOException ignored) {
      // the connection is being discarded anyway
    } finally {
      if (response != null) {
        response.close();
      }
    }
  }

  private RedcapException failure(Exception e) {
    String method = call.describe();
    if (cancellation.isCancelled()) {
      return transport.cancelled(method, e);
    }
    String after = " after " + rows + " complete row" + (rows == 1 ? "" : "s");
    if (e instanceof IOException && JsonRows.isEndOfInput((IOException) e)) {
      return new RedcapException(
          Kind.PROTOCOL,
          200,
          method,
          null,
          "The REDCap export response"
              + " ended"
              + after
              + ", before the closing ']': it is incomplete, so the export failed"
              + " rather than return fewer rows. Retry, or export in smaller batches.",
          e);
    }
    if (e instanceof JsonParseException) {
      return new RedcapException(
          Kind.PROTOCOL,
          200,
          method,
          null,
          "The REDCap export response"
              + " is not valid JSON"
              + after
              + " ("
              + transport.token.redact(e.getMessage())
              + "). Check that the URL is the REDCap API endpoint.",
          e);
    }
    if (e instanceof IOException) {
      return transport.transportFailure(
          (IOException) e,
          transport.url,
          method,
          "The export response broke off" + after + " and is incomplete.");
    }
    return new RedcapException(
        Kind.PROTOCOL,
        200,
        method,
        null,
        "Reading the REDCap export response failed" + after + ": " + e,
        e);
  }
}
