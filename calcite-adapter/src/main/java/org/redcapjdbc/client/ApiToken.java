package org.redcapjdbc.client;

import java.util.Objects;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A REDCap API token. It exists so that a token can be passed around without being printed:
 * {@link #toString()} is redacted and only {@link #reveal()} gives the secret back (the client
 * calls it when it writes the POST body, and the driver when a new project's token must be shown
 * to the user who created it).
 *
 * <p>Tokens are trimmed (users paste them with trailing newlines). The format check is lenient:
 * REDCap tokens are 32 hex characters (64 for super tokens), but some sites issue other formats,
 * so anything else only logs a warning and the server decides.
 */
public final class ApiToken {
  private static final Logger LOG = LoggerFactory.getLogger(ApiToken.class);
  private static final Pattern STANDARD = Pattern.compile("[0-9A-Fa-f]{32}|[0-9A-Fa-f]{64}");

  private final String value;

  private ApiToken(String value) {
    this.value = value;
  }

  /**
   * Wraps a token.
   *
   * @throws IllegalArgumentException if it is blank after trimming
   */
  public static ApiToken of(String token) {
    Objects.requireNonNull(token, "token");
    String trimmed = token.strip();
    if (trimmed.isEmpty()) {
      throw new IllegalArgumentException(
          "The REDCap API token is empty: copy it from the project's API page in REDCap");
    }
    if (!STANDARD.matcher(trimmed).matches()) {
      LOG.warn(
          "The REDCap API token is not 32 (or 64) hexadecimal characters ({} characters);"
              + " sending it anyway, REDCap will decide whether it is valid",
          trimmed.length());
    }
    return new ApiToken(trimmed);
  }

  /** The secret itself. Never log it. */
  public String reveal() {
    return value;
  }

  /** True for a 64-character super token (only valid for creating projects). */
  public boolean isSuperToken() {
    return value.length() == 64;
  }

  /** Replaces every occurrence of the token in {@code text}: for server texts that may echo it. */
  String redact(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String redacted = text;
    if (redacted.contains(value)) {
      redacted = redacted.replace(value, "[token]");
    }
    // REDCap shows tokens upper-case while clients may send lower-case: redact either spelling.
    String upper = value.toUpperCase(java.util.Locale.ROOT);
    String lower = value.toLowerCase(java.util.Locale.ROOT);
    return redacted.replace(upper, "[token]").replace(lower, "[token]");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ApiToken && ((ApiToken) o).value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return "ApiToken[redacted]";
  }
}
