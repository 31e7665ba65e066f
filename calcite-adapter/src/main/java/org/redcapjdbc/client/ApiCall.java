package org.redcapjdbc.client;

import java.io.IOException;
import java.util.Objects;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.BufferedSink;

/** One API call to make: its parameters, whether it changes data, and an optional file part. */
final class ApiCall {
  final FormParams params;

  /** Writes (imports, deletes, renames) are never re-sent once their body may have left. */
  final boolean write;

  private final String fileName;
  private final byte[] fileContent;
  private final MediaType fileType;

  private ApiCall(
      FormParams params, boolean write, String fileName, byte[] fileContent, MediaType fileType) {
    this.params = Objects.requireNonNull(params, "params");
    this.write = write;
    this.fileName = fileName;
    this.fileContent = fileContent;
    this.fileType = fileType;
  }

  static ApiCall read(FormParams params) {
    return new ApiCall(params, false, null, null, null);
  }

  static ApiCall write(FormParams params) {
    return new ApiCall(params, true, null, null, null);
  }

  static ApiCall upload(FormParams params, String fileName, byte[] content, MediaType type) {
    return new ApiCall(
        params,
        true,
        Objects.requireNonNull(fileName, "fileName"),
        Objects.requireNonNull(content, "content"),
        Objects.requireNonNull(type, "type"));
  }

  String describe() {
    return params.describe();
  }

  RequestBody body(ApiToken token) {
    RequestBody body =
        fileName == null
            ? params.toFormBody(token)
            : params.toMultipartBody(token, fileName, fileContent, fileType);
    // A one-shot body stops OkHttp from silently re-sending a write on a stale pooled connection.
    return write ? new OneShot(body) : body;
  }

  /** Delegates to a body and declares it one-shot. */
  private static final class OneShot extends RequestBody {
    private final RequestBody delegate;

    OneShot(RequestBody delegate) {
      this.delegate = delegate;
    }

    @Override
    public MediaType contentType() {
      return delegate.contentType();
    }

    @Override
    public long contentLength() throws IOException {
      return delegate.contentLength();
    }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
      delegate.writeTo(sink);
    }

    @Override
    public boolean isOneShot() {
      return true;
    }
  }
}
