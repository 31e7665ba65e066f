package org.redcapjdbc.client;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okio.BufferedSource;
import org.redcapjdbc.client.RedcapException.Kind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one API call: a POST to the API URL with the token in the body, re-POSTed by hand on
 * redirects (OkHttp's own redirect handling turns POST into GET and loses the body), retried with
 * backoff where that is safe, and turned into a {@link RedcapException} when it fails. Returns
 * only successful responses, with the body still unread so that exports can stream it.
 */
final class Transport {
  private static final Logger LOG = LoggerFactory.getLogger(Transport.class);
  private static final int MAX_REDIRECTS = 5;

  final HttpUrl url;
  final ApiToken token;
  final OkHttpClient http;
  final RetryPolicy retry;
  final boolean allowHttp;

  /** This client's share of the host's request limit, or null when it has none. */
  private final RequestGovernor.Lease governor;

  Transport(
      HttpUrl url,
      ApiToken token,
      OkHttpClient http,
      RetryPolicy retry,
      boolean allowHttp,
      int maxRequestsPerMinute) {
    this.url = Objects.requireNonNull(url, "url");
    this.token = Objects.requireNonNull(token, "token");
    this.http = Objects.requireNonNull(http, "http");
    this.retry = Objects.requireNonNull(retry, "retry");
    this.allowHttp = allowHttp;
    // Keyed by the configured URL: requests re-POSTed after a redirect count there too, which
    // errs on the side of sending fewer.
    this.governor = RequestGovernor.forHost(url, maxRequestsPerMinute);
  }

  /**
   * Executes the call and returns a 2xx response whose body the caller must close.
   *
   * @throws RedcapException on any failure, after the retries the call allows
   */
  Response execute(ApiCall call, Cancellation cancellation) {
    String method = call.describe();
    HttpUrl target = url;
    int redirects = 0;
    for (int attempt = 0; ; attempt++) {
      // Every attempt is a request to the server, retries and redirects included.
      if (cancellation.isCancelled() || governor != null && !governor.acquire(cancellation)) {
        throw cancelled(method, null);
      }
      Request request = new Request.Builder().url(target).post(call.body(token)).build();
      Call httpCall = http.newCall(request);
      cancellation.register(httpCall);
      LOG.debug("POST {} {} (attempt {})", target, method, attempt + 1);
      Response response;
      try {
        response = httpCall.execute();
      } catch (IOException e) {
        if (cancellation.isCancelled()) {
          throw cancelled(method, e);
        }
        boolean notSent = provesNothingSent(e);
        boolean retryable = !call.write || notSent;
        if (retryable && attempt < retry.maxRetries) {
          pause(cancellation, method, attempt, retry.backoffMillis(attempt), e.toString());
          continue;
        }
        String note =
            !retryable
                ? "Not retried: the request body may already have reached the server, and repeating"
                    + " an import or delete could apply it twice; check the project before retrying."
                : attempt > 0 ? "Gave up after " + (attempt + 1) + " attempts." : null;
        throw transportFailure(e, target, method, note);
      }

      int code = response.code();
      if (isRedirect(code)) {
        String location = response.header("Location");
        response.close();
        HttpUrl next = location == null ? null : target.resolve(location);
        if (next == null) {
          throw new RedcapException(
              Kind.PROTOCOL,
              code,
              method,
              null,
              "REDCap API call "
                  + method
                  + " was redirected (HTTP "
                  + code
                  + ") without a usable Location header;"
                  + " check the URL "
                  + target
                  + ".",
              null);
        }
        if (++redirects > MAX_REDIRECTS) {
          throw new RedcapException(
              Kind.PROTOCOL,
              code,
              method,
              null,
              "REDCap API call "
                  + method
                  + " was redirected more than "
                  + MAX_REDIRECTS
                  + " times; the last location was "
                  + next
                  + ". Configure the final API URL directly.",
              null);
        }
        try {
          RedcapHttp.checkScheme(next, allowHttp);
        } catch (IllegalArgumentException insecure) {
          throw new RedcapException(
              Kind.PROTOCOL,
              code,
              method,
              null,
              "REDCap API call "
                  + method
                  + " was redirected to "
                  + next
                  + ", which was refused: "
                  + insecure.getMessage(),
              insecure);
        }
        LOG.warn(
            "REDCap API URL {} redirects (HTTP {}) to {}; re-sending the POST there."
                + " Configure that URL directly to save a round trip.",
            target,
            code,
            next);
        target = next;
        attempt--; // a redirect is not a failure
        continue;
      }
      if (code >= 200 && code < 300) {
        return response;
      }

      String body = readBounded(response);
      String retryAfterHeader = response.header("Retry-After");
      response.close();
      long wait = RetryPolicy.retryAfterMillis(retryAfterHeader, Instant.now());
      holdHost(code, wait);
      boolean retryableStatus = RetryPolicy.isRetryableStatus(code);
      if (retryableStatus && !call.write && attempt < retry.maxRetries) {
        if (wait > RetryPolicy.MAX_RETRY_AFTER.toMillis()) {
          throw ErrorBodies.forStatus(
              code,
              body,
              target.toString(),
              method,
              "The server asked to"
                  + " wait "
                  + wait / 1000
                  + " s before retrying (Retry-After), longer than the "
                  + RetryPolicy.MAX_RETRY_AFTER.toMinutes()
                  + " minutes this client waits.",
              token);
        }
        pause(
            cancellation,
            method,
            attempt,
            wait >= 0 ? wait : retry.backoffMillis(attempt),
            "HTTP " + code);
        continue;
      }
      String note = null;
      if (retryableStatus && call.write) {
        note =
            "Not retried: an import or delete that reached the server may have been applied;"
                + " check the project before repeating it.";
      } else if (retryableStatus && attempt > 0) {
        note = "Gave up after " + (attempt + 1) + " attempts.";
      }
      throw ErrorBodies.forStatus(code, body, target.toString(), method, note, token);
    }
  }

  /** Executes a call and returns the whole body as UTF-8 text. */
  String text(ApiCall call) {
    try (Response response = execute(call, new Cancellation())) {
      return response.body().string();
    } catch (IOException e) {
      // The server answered 2xx before the body broke off: a write has most likely been applied.
      throw transportFailure(
          e,
          url,
          call.describe(),
          call.write
              ? "The response was cut off after the server accepted the request, so the import or"
                  + " delete may have been applied; it was not retried. Check the project before"
                  + " repeating it."
              : "The response was cut off.");
    }
  }

  /**
   * After a 429 or 503 with Retry-After, holds every request to the host, from any client in the
   * JVM, not only this call's retry: the server is overloaded or counting, and the others would
   * be refused too. A pause longer than this client ever waits is not passed on: the call that
   * met it fails saying so, and so will the others on their own answer.
   */
  private void holdHost(int code, long retryAfterMillis) {
    if (governor != null
        && (code == 429 || code == 503)
        && retryAfterMillis > 0
        && retryAfterMillis <= RetryPolicy.MAX_RETRY_AFTER.toMillis()) {
      governor.hold(retryAfterMillis);
    }
  }

  /** Sleeps before a retry; fails as cancelled if cancelled meanwhile. */
  private void pause(
      Cancellation cancellation, String method, int attempt, long millis, String why) {
    LOG.warn(
        "REDCap API call {} failed ({}); retry {} of {} in {} ms",
        method,
        why,
        attempt + 1,
        retry.maxRetries,
        millis);
    if (cancellation.sleep(millis)) {
      throw cancelled(method, null);
    }
  }

  static boolean isRedirect(int code) {
    return code == 301 || code == 302 || code == 303 || code == 307 || code == 308;
  }

  /** Failures that happen before a byte of the request can have left: safe to retry a write. */
  static boolean provesNothingSent(IOException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof UnknownHostException
          || t instanceof ConnectException
          || t instanceof NoRouteToHostException) {
        return true;
      }
      if (t instanceof SocketTimeoutException
          && t.getMessage() != null
          && t.getMessage().toLowerCase(java.util.Locale.ROOT).contains("connect timed out")) {
        return true;
      }
    }
    return false;
  }

  RedcapException cancelled(String method, Throwable cause) {
    return new RedcapException(
        Kind.CANCELLED, 0, method, null, "REDCap API call " + method + " was cancelled", cause);
  }

  RedcapException transportFailure(IOException e, HttpUrl target, String method, String note) {
    String host = target.host() + ":" + target.port();
    String what;
    if (e instanceof UnknownHostException) {
      what =
          "the host "
              + target.host()
              + " could not be resolved. Check the URL, DNS and proxy"
              + " settings.";
    } else if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
      what =
          "could not connect to "
              + host
              + " ("
              + e.getMessage()
              + "). Check that the server"
              + " is up and reachable, and the URL and proxy settings.";
    } else if (e instanceof SocketTimeoutException || e instanceof InterruptedIOException) {
      what =
          "timed out talking to "
              + host
              + " ("
              + e.getMessage()
              + "). Large exports can take"
              + " minutes: raise readTimeout, or export in smaller batches.";
    } else if (e instanceof SSLPeerUnverifiedException) {
      // A trusted certificate issued to another name: a trust store would not help, and the
      // advice must not be to trust more.
      what =
          "the server's TLS certificate is not valid for the host name "
              + target.host()
              + " ("
              + e.getMessage()
              + "). Connect with the host name the certificate names (the"
              + " server's usual address, not its IP address or an alias).";
    } else if (e instanceof SSLException) {
      what =
          "the TLS connection to "
              + host
              + " failed ("
              + e.getMessage()
              + "). If the server"
              + " uses a private certificate authority, configure a trust store holding it"
              + " (connection properties trustStore and trustStorePassword).";
    } else {
      what = "the connection to " + host + " failed (" + e + ").";
    }
    String message =
        "REDCap API call " + method + " failed: " + what + (note == null ? "" : " " + note);
    return new RedcapException(Kind.TRANSPORT, 0, method, null, token.redact(message), e);
  }

  /** Reads at most {@link ErrorBodies#MAX_ERROR_BODY} bytes of an error body. */
  static String readBounded(Response response) {
    try {
      BufferedSource source = response.body().source();
      source.request(ErrorBodies.MAX_ERROR_BODY);
      long n = Math.min(source.getBuffer().size(), ErrorBodies.MAX_ERROR_BODY);
      return new String(source.getBuffer().readByteArray(n), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }
}
