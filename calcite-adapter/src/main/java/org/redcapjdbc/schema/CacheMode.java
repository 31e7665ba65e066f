package org.redcapjdbc.schema;

import java.util.Locale;

/**
 * Where statements read records from: REDCap on every statement ({@link #OFF}), or a local copy
 * of the project's records kept up to date by delta refresh ({@link #MEMORY}, {@link #DISK}; see
 * docs/snapshot-cache.md).
 */
public enum CacheMode {
  /** Every statement exports what it reads (the default). */
  OFF,
  /** A copy in this JVM's memory, shared by its connections to the same URL and token. */
  MEMORY,
  /** As {@link #MEMORY}, and kept encrypted on disk so that a new JVM starts from it. */
  DISK;

  /** The mode named {@code text} (any case); null when it names none. */
  public static CacheMode byName(String text) {
    for (CacheMode m : values()) {
      if (m.name().equalsIgnoreCase(text.trim())) {
        return m;
      }
    }
    return null;
  }

  /** The property value, lower case. */
  public String propertyValue() {
    return name().toLowerCase(Locale.ROOT);
  }
}
