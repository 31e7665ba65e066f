package org.redcapjdbc.client;

/**
 * The distinct record IDs of one answer, held as 64-bit fingerprints in an open-addressed table:
 * the single-request export adds each new ID of a whole-project read, which with a
 * {@code HashSet<String>} cost a node and two pointer hops per record (a tenth of the client CPU
 * of reading an instrument table).
 *
 * <p>An ID of up to 18 digits without a leading zero (REDCap's auto-numbered IDs) is its own
 * fingerprint, exact, and goes to the slot of its number, so that the ascending IDs of an export
 * fill the table in order rather than at random places (each a cache miss in a table of this
 * size). Other IDs are hashed: two of them share a fingerprint with a chance of about n²/2⁶⁴
 * (10⁻¹¹ for 20,000 records). Such a pair counts once: the answer then looks a record short and
 * an ID pass checks it, which costs a request and loses nothing; only a record REDCap also left
 * out, and whose fingerprint another ID has, would go unnoticed.
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
    int i = slotOf(f);
    if (slots[i] == f) {
      return false;
    }
    slots[i] = f;
    if (++size * 2 > slots.length && slots.length < MAX_CAPACITY) {
      grow();
    }
    return true;
  }

  boolean contains(String id) {
    return slots[slotOf(fingerprint(id))] != 0;
  }

  int size() {
    return size;
  }

  /** The slot holding {@code f}, else the free slot where it would go (linear probing). */
  private int slotOf(long f) {
    int mask = slots.length - 1;
    int i = (int) f & mask;
    while (slots[i] != 0 && slots[i] != f) {
      i = (i + 1) & mask;
    }
    return i;
  }

  private void grow() {
    long[] old = slots;
    slots = new long[old.length * 2];
    for (long f : old) {
      if (f != 0) {
        slots[slotOf(f)] = f;
      }
    }
  }

  /**
   * Odd for a number (twice it plus one: exact), even otherwise (FNV-1a over the UTF-16 units and
   * a 64-bit finaliser); never 0, which marks a free slot. The slot is the fingerprint's low bits,
   * so numbers go to the slot of their value.
   */
  static long fingerprint(String id) {
    int length = id.length();
    if (length > 0 && length <= 18 && (id.charAt(0) != '0' || length == 1)) {
      long number = 0;
      int i = 0;
      for (; i < length; i++) {
        char c = id.charAt(i);
        if (c < '0' || c > '9') {
          break;
        }
        number = number * 10 + (c - '0');
      }
      if (i == length) {
        return (number << 1) | 1;
      }
    }
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < id.length(); i++) {
      h = (h ^ id.charAt(i)) * 0x100000001b3L;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    h &= ~1L;
    return h == 0 ? 2 : h;
  }
}
