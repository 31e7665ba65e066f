package org.redcapjdbc.client;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import okhttp3.FormBody;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.RequestBody;

/**
 * The parameters of one API call, in the order they are sent. The token is not one of them: it is
 * added only when the body is written ({@link #toFormBody}), so a {@code FormParams} can be logged
 * or put into an exception without risk.
 */
final class FormParams {
  private final List<String[]> pairs = new ArrayList<>();

  static FormParams content(String content) {
    return new FormParams().add("content", content);
  }

  /** Adds a parameter; a null value means "leave it out". */
  FormParams add(String name, Object value) {
    Objects.requireNonNull(name, "name");
    if (value != null) {
      pairs.add(new String[] {name, value.toString()});
    }
    return this;
  }

  /** Adds a boolean as {@code true}/{@code false} (REDCap accepts any case and 1/0). */
  FormParams addBool(String name, Boolean value) {
    return value == null ? this : add(name, value ? "true" : "false");
  }

  /** Adds an array as indexed brackets, {@code name[0]=…&name[1]=…}: the form REDCap checks. */
  FormParams addArray(String name, Collection<?> values) {
    if (values != null) {
      int i = 0;
      for (Object v : values) {
        add(name + "[" + i++ + "]", Objects.requireNonNull(v, name + " element"));
      }
    }
    return this;
  }

  /** The first value of {@code name}, or null. */
  String get(String name) {
    for (String[] p : pairs) {
      if (p[0].equals(name)) {
        return p[1];
      }
    }
    return null;
  }

  /** {@code content=record, action=delete}: names the call in logs and errors. */
  String describe() {
    String action = get("action");
    return "content=" + get("content") + (action == null ? "" : ", action=" + action);
  }

  RequestBody toFormBody(ApiToken token) {
    FormBody.Builder body = new FormBody.Builder();
    body.add("token", token.reveal());
    for (String[] p : pairs) {
      body.add(p[0], p[1]);
    }
    return body.build();
  }

  RequestBody toMultipartBody(ApiToken token, String fileName, byte[] content, MediaType type) {
    MultipartBody.Builder body = new MultipartBody.Builder().setType(MultipartBody.FORM);
    body.addFormDataPart("token", token.reveal());
    for (String[] p : pairs) {
      body.addFormDataPart(p[0], p[1]);
    }
    body.addFormDataPart("file", fileName, RequestBody.create(content, type));
    return body.build();
  }

  @Override
  public String toString() {
    return describe();
  }
}
