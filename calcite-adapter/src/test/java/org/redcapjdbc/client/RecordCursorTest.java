package org.redcapjdbc.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import mockwebserver3.MockResponse;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.redcapjdbc.client.RedcapException.Kind;

/**
 * The streaming cursor over flat JSON: shapes of docs/redcap-wire-samples.md §1, damage, leniency.
 */
class RecordCursorTest {
  /**
   * PyCap's doctest export against REDCap 15.2.1 (docs/redcap-wire-samples.md §1), compact as PHP
   * writes it.
   */
  static final String SAMPLE =
      "[{\"record_id\":\"1\",\"redcap_event_name\":\"event_1_arm_1\","
          + "\"redcap_repeat_instrument\":\"\",\"redcap_repeat_instance\":1,\"field_1\":\"1\","
          + "\"checkbox_field___1\":\"0\",\"checkbox_field___2\":\"1\",\"upload_field\":"
          + "\"test_upload.txt\",\"form_1_complete\":\"2\"},\n{\"record_id\":\"2\","
          + "\"redcap_event_name\":\"event_1_arm_1\",\"redcap_repeat_instrument\":\"\","
          + "\"redcap_repeat_instance\":1,\"field_1\":\"0\",\"checkbox_field___1\":\"0\","
          + "\"checkbox_field___2\":\"0\",\"upload_field\":\"myupload.txt\",\"form_1_complete\":\"0\"}]";

  private MockRedcap mock;

  @BeforeEach
  void start() throws Exception {
    mock = new MockRedcap();
  }

  @AfterEach
  void stop() throws Exception {
    mock.assertTokenNeverLogged();
    mock.close();
  }

  private List<List<String>> readAll(RowCursor cursor) {
    List<List<String>> rows = new ArrayList<>();
    try (cursor) {
      while (cursor.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 0; i < cursor.columns().size(); i++) {
          row.add(cursor.value(i));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  private RecordCursor export() {
    return mock.client().records().export(RecordExportRequest.all());
  }

  @Test
  void boundColumnsComeBackInBindOrderWithNumbersAsTextAndBlankAsNull() {
    mock.json(SAMPLE);
    RecordCursor c =
        export()
            .bind(
                List.of(
                    "redcap_repeat_instance",
                    "record_id",
                    "redcap_repeat_instrument",
                    "checkbox_field___2",
                    "never_sent"));
    assertThat(readAll(c))
        .containsExactly(
            Arrays.asList("1", "1", null, "1", null), Arrays.asList("1", "2", null, "0", null));
    assertThat(c.rowCount()).isEqualTo(2);
    assertThat(c.unboundColumns())
        .containsExactly(
            "redcap_event_name",
            "field_1",
            "checkbox_field___1",
            "upload_field",
            "form_1_complete");
    assertThat(c.requestCount()).isEqualTo(1);
  }

  @Test
  void unboundCursorBindsTheFirstRowsKeys() {
    mock.json("[{\"a\":\"1\",\"b\":\"x\"},{\"a\":\"2\",\"c\":\"late\",\"b\":\"y\"}]");
    RecordCursor c = export();
    List<List<String>> rows = readAll(c);
    assertThat(c.columns()).containsExactly("a", "b");
    assertThat(rows).containsExactly(List.of("1", "x"), List.of("2", "y"));
    assertThat(c.unboundColumns()).containsExactly("c");
  }

  @Test
  void keysInAChangedOrderStillLandInTheirColumns() {
    mock.json("[{\"a\":\"1\",\"b\":\"2\"},{\"b\":\"4\",\"a\":\"3\"},{\"a\":\"5\"}]");
    RecordCursor c = export().bind(List.of("a", "b"));
    assertThat(readAll(c))
        .containsExactly(List.of("1", "2"), List.of("3", "4"), Arrays.asList("5", null));
  }

  @Test
  void valueByNameAndBooleansAndNullAndNestedValues() {
    mock.json(
        "[{\"a\":true,\"b\":false,\"c\":null,\"d\":{\"f1\":1,\"f2\":0},\"e\":[1,\"x\"],"
            + "\"f\":-1.50}]");
    RecordCursor c = export().bind(List.of("a", "b", "c", "d", "e", "f"));
    assertThat(c.next()).isTrue();
    assertThat(c.value("a")).isEqualTo("true");
    assertThat(c.value("b")).isEqualTo("false");
    assertThat(c.value("c")).isNull();
    assertThat(c.value("d")).isEqualTo("f1:1,f2:0");
    assertThat(c.value("e")).isEqualTo("1,x");
    assertThat(c.value("f")).isEqualTo("-1.50");
    assertThat(c.next()).isFalse();
    assertThatThrownBy(() -> c.value("zz")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void emptyArrayIsZeroRows() {
    mock.json("[]");
    assertThat(readAll(export().bind(List.of("record_id")))).isEmpty();
  }

  @Test
  void emptyBodyIsAProtocolErrorNotZeroRows() {
    mock.json("");
    RedcapException e = failOn(export().bind(List.of("record_id")));
    assertThat(e.kind()).isEqualTo(Kind.PROTOCOL);
    assertThat(e.getMessage()).contains("empty body").contains("smaller batches");
  }

  @Test
  void htmlBodyWithStatus200IsAProtocolError() {
    mock.enqueue(
        MockRedcap.text(
            200,
            "<html><head><title>Data export is not able to complete"
                + "</title></head><body>…</body></html>"));
    RedcapException e = failOn(export().bind(List.of("record_id")));
    assertThat(e.kind()).isEqualTo(Kind.PROTOCOL);
    assertThat(e.getMessage()).contains("HTML page").contains("Data export is not able");
  }

  @Test
  void anObjectInsteadOfAnArrayIsAnError() {
    mock.json("{\"record_id\":\"1\"}");
    RedcapException e = failOn(export());
    assertThat(e.kind()).isEqualTo(Kind.PROTOCOL);
    assertThat(e.getMessage()).contains("JSON array");
  }

  @Test
  void trailingContentAfterTheArrayIsAnError() {
    mock.json("[{\"a\":\"1\"}] <br>Warning: something");
    RecordCursor c = export().bind(List.of("a"));
    assertThat(c.next()).isTrue();
    assertThatThrownBy(c::next)
        .isInstanceOf(RedcapException.class)
        .hasMessageContaining("not valid JSON");
  }

  /** A response cut anywhere before its closing bracket must fail, never yield fewer rows. */
  @Test
  void truncatedJsonFailsAtEveryCutOffset() {
    String body = SAMPLE;
    int lastBracket = body.lastIndexOf(']');
    int failures = 0;
    for (int cut = 1; cut < lastBracket; cut += 7) {
      mock.json(body.substring(0, cut));
      RecordCursor c = export().bind(List.of("record_id", "redcap_repeat_instance"));
      try {
        while (c.next()) {
          // drain
        }
        throw new AssertionError("cut at " + cut + " read " + c.rowCount() + " rows silently");
      } catch (RedcapException e) {
        assertThat(e.kind()).as("cut at %d", cut).isEqualTo(Kind.PROTOCOL);
        assertThat(e.getMessage()).as("cut at %d", cut).containsAnyOf("incomplete", "empty body");
        failures++;
      }
    }
    assertThat(failures).isGreaterThan(40);
  }

  /**
   * Keys repeated row after row are matched as bytes against the previous row's (no decoding):
   * a cut at any byte of such a body still fails.
   */
  @Test
  void bodyOfRepeatedKeysCutAtAnyByteFails() {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < 5; i++) {
      sb.append(i == 0 ? "" : ",")
          .append("{\"record_id\":\"")
          .append(i)
          .append("\",\"age\":\"4")
          .append(i)
          .append("\",\"skipped\":\"x\"}");
    }
    String body = sb.append("]").toString();
    for (int cut = 1; cut < body.length(); cut++) {
      mock.json(body.substring(0, cut));
      RecordCursor c = export().bind(List.of("record_id", "age"));
      int at = cut;
      assertThatThrownBy(
              () -> {
                while (c.next()) {
                  // drain
                }
              })
          .as("cut at %d", at)
          .isInstanceOf(RedcapException.class)
          .satisfies(e -> assertThat(((RedcapException) e).kind()).isEqualTo(Kind.PROTOCOL));
    }
    mock.json(body);
    List<List<String>> rows = readAll(export().bind(List.of("age", "record_id")));
    assertThat(rows).hasSize(5);
    assertThat(rows.get(4)).containsExactly("44", "4");
  }

  /** Short codes are read without a new string each time: they must still read as sent. */
  @Test
  void shortCodesAndBlanksReadAsSent() {
    List<String> sent = List.of("0", "7", "42", "05", "", "100", "-1", "9x", "x9", "99", " 1");
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < sent.size(); i++) {
      sb.append(i == 0 ? "" : ",").append("{\"v\":\"").append(sent.get(i)).append("\"}");
    }
    mock.json(sb.append("]").toString());
    List<String> read = new java.util.ArrayList<>();
    for (List<String> row : readAll(export().bind(List.of("v")))) {
      read.add(row.get(0));
    }
    assertThat(read)
        .containsExactly("0", "7", "42", "05", null, "100", "-1", "9x", "x9", "99", " 1");
  }

  /** A key written with an escape is the same key: it lands in its column. */
  @Test
  void escapedKeyAfterPlainOnesLandsInItsColumn() {
    mock.json("[{\"ab\":\"1\",\"c\":\"2\"},{\"a\\u0062\":\"3\",\"c\":\"4\"}]");
    assertThat(readAll(export().bind(List.of("c", "ab"))))
        .containsExactly(List.of("2", "1"), List.of("4", "3"));
  }

  @Test
  void bodyCutAfterTheLastRowButBeforeTheBracketSaysHowManyRowsArrived() {
    mock.json(SAMPLE.substring(0, SAMPLE.length() - 1));
    RecordCursor c = export().bind(List.of("record_id"));
    assertThat(c.next()).isTrue();
    assertThat(c.next()).isTrue();
    assertThatThrownBy(c::next)
        .isInstanceOf(RedcapException.class)
        .hasMessageContaining("after 2 complete rows")
        .hasMessageContaining("incomplete");
  }

  @Test
  void connectionDroppedMidBodyIsAnError() {
    // Content-Length promises more than is sent: OkHttp sees the stream end early.
    mock.enqueue(
        new MockResponse.Builder()
            .setHeader("Content-Length", String.valueOf(SAMPLE.length() + 500))
            .body(new Buffer().writeUtf8(SAMPLE.substring(0, 200)))
            .onResponseEnd(mockwebserver3.SocketEffect.ShutdownConnection.INSTANCE)
            .build());
    RedcapException e = failOn(export().bind(List.of("record_id")));
    assertThat(e.kind()).isIn(Kind.TRANSPORT, Kind.PROTOCOL);
    assertThat(e.getMessage()).containsAnyOf("incomplete", "broke off");
  }

  @Test
  void byteOrderMarkDoesNotMatter() {
    Buffer body =
        new Buffer()
            .write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF})
            .writeUtf8("[{\"record_id\":\"1\"}]");
    mock.enqueue(new MockResponse.Builder().body(body).build());
    assertThat(readAll(export().bind(List.of("record_id")))).containsExactly(List.of("1"));
  }

  @Test
  void rawControlCharactersAndEscapedSlashesAreAccepted() {
    mock.json("[{\"notes\":\"line1\nline2\ttab\u0001\",\"url\":\"http:\\/\\/x\\/y\"}]");
    assertThat(readAll(export().bind(List.of("notes", "url"))))
        .containsExactly(List.of("line1\nline2\ttab\u0001", "http://x/y"));
  }

  @Test
  void invalidUtf8BytesBecomeReplacementCharacters() {
    Buffer body =
        new Buffer()
            .writeUtf8("[{\"name\":\"caf")
            .write(new byte[] {(byte) 0xE9}) // Latin-1 é: not UTF-8
            .writeUtf8(" Привет\",\"x\":\"")
            .write(new byte[] {(byte) 0xC3}) // truncated 2-byte sequence
            .writeUtf8("\"}]");
    mock.enqueue(new MockResponse.Builder().body(body).build());
    assertThat(readAll(export().bind(List.of("name", "x"))))
        .containsExactly(List.of("caf\uFFFD Привет", "\uFFFD"));
  }

  @Test
  void jsonErrorBodyWith200CarriesTheMessage() {
    mock.json("{\"error\":\"REDCap ran out of server memory. The request cannot be processed.\"}");
    RedcapException e = failOn(export());
    assertThat(e.kind()).isEqualTo(Kind.SERVER);
    assertThat(e.redcapMessage()).startsWith("REDCap ran out of server memory");
  }

  @Test
  void nothingIsSentBeforeTheFirstNextAndCancelBeforehandSendsNothing() {
    RecordCursor c = export().bind(List.of("a"));
    c.cancel();
    RedcapException e = failOn(c);
    assertThat(e.kind()).isEqualTo(Kind.CANCELLED);
    assertThat(mock.server.getRequestCount()).isZero();
  }

  @Test
  void bindAfterReadingIsRefused() {
    mock.json("[{\"a\":\"1\"},{\"a\":\"2\"}]");
    RecordCursor c = export().bind(List.of("a"));
    c.next();
    assertThatThrownBy(() -> c.bind(List.of("a"))).isInstanceOf(IllegalStateException.class);
    c.close();
    assertThatThrownBy(c::next).isInstanceOf(IllegalStateException.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ERROR: You do not have permissions to use the API",
        "<?xml version=\"1.0\" encoding=\"UTF-8\" ?><hash><error>You do not have permissions to use"
            + " the API</error></hash>"
      })
  void plainTextAndXmlErrorBodiesWith200AreRecognised(String body) {
    mock.enqueue(new MockResponse.Builder().body(body).build());
    RedcapException e = failOn(export());
    assertThat(e.redcapMessage()).isEqualTo("You do not have permissions to use the API");
  }

  @Test
  void utf8SanitizerHandlesSequencesSplitAcrossReads() throws Exception {
    byte[] euro = "€".getBytes(StandardCharsets.UTF_8);
    java.io.InputStream slow =
        new java.io.InputStream() {
          int i;

          @Override
          public int read() {
            return i < euro.length ? euro[i++] & 0xFF : -1;
          }

          @Override
          public int read(byte[] b, int off, int len) {
            int r = read();
            if (r < 0) {
              return -1;
            }
            b[off] = (byte) r;
            return 1;
          }
        };
    byte[] out = new Utf8SanitizingInputStream(slow).readAllBytes();
    assertThat(new String(out, StandardCharsets.UTF_8)).isEqualTo("€");
    byte[] bad = {'a', (byte) 0xED, (byte) 0xA0, (byte) 0x80, 'b', (byte) 0xF0, (byte) 0x9F};
    assertThat(
            new String(
                new Utf8SanitizingInputStream(new java.io.ByteArrayInputStream(bad)).readAllBytes(),
                StandardCharsets.UTF_8))
        .isEqualTo("a\uFFFD\uFFFD\uFFFDb\uFFFD\uFFFD");
  }

  /** The ASCII scan reads eight bytes at a time: a bad byte at any offset of a run is found. */
  @Test
  void sanitizerFindsABadByteAtEveryOffsetOfAnAsciiRun() throws Exception {
    for (int run = 0; run <= 40; run++) {
      byte[] in = new byte[run + 1 + 9 + 2];
      java.util.Arrays.fill(in, (byte) 'x');
      in[run] = (byte) 0xFF;
      in[run + 10] = (byte) 0xC3; // é, valid, after the bad byte
      in[run + 11] = (byte) 0xA9;
      String out =
          new String(
              new Utf8SanitizingInputStream(new java.io.ByteArrayInputStream(in)).readAllBytes(),
              StandardCharsets.UTF_8);
      assertThat(out).isEqualTo("x".repeat(run) + "\uFFFD" + "x".repeat(9) + "é");
    }
  }

  private RedcapException failOn(RowCursor cursor) {
    try (cursor) {
      while (cursor.next()) {
        // drain
      }
    } catch (RedcapException e) {
      MockRedcap.assertNoToken(e);
      return e;
    }
    throw new AssertionError("expected a RedcapException, read " + cursor.rowCount() + " rows");
  }
}
