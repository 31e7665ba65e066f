package org.redcapjdbc.it.reliability;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;

/** Fresh API tokens for test projects, so that each one can be looked for in every output. */
final class Tokens {
  private static final SecureRandom RANDOM = new SecureRandom();

  private Tokens() {}

  /** 32 upper-case hexadecimal characters, as REDCap issues them. */
  static String next() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes).toUpperCase(Locale.ROOT);
  }
}
