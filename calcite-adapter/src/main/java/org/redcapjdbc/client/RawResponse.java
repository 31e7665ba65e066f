package org.redcapjdbc.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import okhttp3.MediaType;
import okhttp3.Response;

/**
 * A successful response whose body the caller reads as it arrives: CSV exports, project XML,
 * reports in CSV. Close it (try-with-resources); {@link #cancel()} aborts from another thread.
 *
 * <p>An empty CSV body is passed through: since REDCap 17.4.1 an empty result may come without
 * even a header line. A body cut off by the network fails the read with an {@code IOException}
 * from OkHttp; for CSV, a body that does not end in a newline was cut off by the server.
 */
public final class RawResponse implements AutoCloseable {
  private final Response response;
  private final Cancellation cancellation;
  private final boolean ownsCancellation;

  RawResponse(Response response, Cancellation cancellation) {
    this(response, cancellation, true);
  }

  /**
   * @param ownsCancellation false when {@code cancellation} is a caller's {@link CallAbort},
   *     which outlives this response and must not be cancelled by closing it
   */
  RawResponse(Response response, Cancellation cancellation, boolean ownsCancellation) {
    this.response = Objects.requireNonNull(response, "response");
    this.cancellation = Objects.requireNonNull(cancellation, "cancellation");
    this.ownsCancellation = ownsCancellation;
  }

  /** The {@code Content-Type} header, e.g. {@code text/csv; charset=utf-8}, or null. */
  public String contentType() {
    return response.header("Content-Type");
  }

  /**
   * A response header, or null: the snapshot cache reads the server's clock from {@code Date}.
   */
  public String header(String name) {
    return response.header(name);
  }

  /** The body as bytes. */
  public InputStream stream() {
    return response.body().byteStream();
  }

  /** The body as text, in the charset of the Content-Type (UTF-8 when none). */
  public Reader reader() {
    return new InputStreamReader(stream(), charset());
  }

  /** Reads the whole body as text. */
  public String text() {
    try {
      return new String(stream().readAllBytes(), charset());
    } catch (IOException e) {
      throw new UncheckedIOException("reading the REDCap response failed", e);
    }
  }

  private Charset charset() {
    String ct = contentType();
    MediaType type = ct == null ? null : MediaType.parse(ct);
    Charset cs = type == null ? null : type.charset(null);
    return cs == null ? StandardCharsets.UTF_8 : cs;
  }

  public void cancel() {
    cancellation.cancel();
  }

  /** Releases the connection; a body not read to its end is aborted rather than drained. */
  @Override
  public void close() {
    if (ownsCancellation) {
      cancellation.cancel();
    }
    response.close();
  }
}
