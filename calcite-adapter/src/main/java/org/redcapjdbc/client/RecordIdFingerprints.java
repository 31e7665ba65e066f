package org.redcapjdbc.client;

/**
 * The distinct record IDs of one answer, held as 64-bit fingerprints in an open-addressed table:
 * the single-request export adds each new ID of a whole-project read, which with a
 * {@code HashSet<String>} cost a node and two pointer hops per record (a tenth of the client CPU
 * of reading an instrument table).
 *
 * <p>Two different IDs share a fingerprint with a chance of about n²/2⁶⁵ (10⁻¹¹ for 20,000
 * records). Such a pair counts once: the answer then looks a record short and an ID pass checks
 * it, which costs a request and loses nothing; only a record REDCap also left out, and whose
 * fingerprint another ID has, would go unnoticed.
 */
final class RecordIdFingerprints {
  private static final int MAX_CAPACITY = 1 << 30;

  private long[] slots;
  private int size;

  /** A set sized so that {@code expected} IDs fill at most half its slots. */
  RecordIdFingerprints(long expected) {
    int capacity = 16;
    while (capacity < MAX_CAPACITY && capacity < expected * 2) {
      capacity <<= 1;
    }
    slots = new long[capacity];
  }

  /** Adds {@code id}; false if it (or its fingerprint) was there. */
  boolean add(String id) {
    long f = fingerprint(id);
    int mask = slots.length - 1;
    for (int i = (int) f & mask; ; i = (i + 1) & mask) {
      long s = slots[i];
      if (s == 0) {
        slots[i] = f;
        if (++size * 2 > slots.length && slots.length < MAX_CAPACITY) {
          grow();
        }
        return true;
      }
      if (s == f) {
        return false;
      }
    }
  }

  boolean contains(String id) {
    long f = fingerprint(id);
    int mask = slots.length - 1;
    for (int i = (int) f & mask; ; i = (i + 1) & mask) {
      long s = slots[i];
      if (s == 0) {
        return false;
      }
      if (s == f) {
        return true;
      }
    }
  }

  int size() {
    return size;
  }

  private void grow() {
    long[] old = slots;
    slots = new long[old.length * 2];
    int mask = slots.length - 1;
    for (long f : old) {
      if (f != 0) {
        int i = (int) f & mask;
        while (slots[i] != 0) {
          i = (i + 1) & mask;
        }
        slots[i] = f;
      }
    }
  }

  /** FNV-1a over the UTF-16 units, then a 64-bit finaliser; never 0 (0 marks a free slot). */
  static long fingerprint(String id) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < id.length(); i++) {
      h = (h ^ id.charAt(i)) * 0x100000001b3L;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h == 0 ? 1 : h;
  }
}
