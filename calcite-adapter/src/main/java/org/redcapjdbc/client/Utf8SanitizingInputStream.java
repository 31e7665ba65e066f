package org.redcapjdbc.client;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Passes UTF-8 through unchanged, replacing each invalid byte with U+FFFD (EF BF BD) and dropping a
 * leading byte-order mark.
 *
 * <p>Why: REDCap data occasionally holds bytes that are not UTF-8 (legacy imports; redcapAPI maps
 * them to a replacement character). Jackson's byte parser would reject the whole response, losing
 * every row for one bad byte in a notes field. Replacing keeps the row and makes the damage
 * visible. The check is a tight loop over bytes with an ASCII fast path, so the cost next to JSON
 * parsing is small.
 */
final class Utf8SanitizingInputStream extends FilterInputStream {
  private static final byte[] REPLACEMENT = {(byte) 0xEF, (byte) 0xBF, (byte) 0xBD};
  private static final VarHandle EIGHT_BYTES =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long HIGH_BITS = 0x8080808080808080L;

  private final byte[] in = new byte[16 * 1024];

  /** Output staging; a chunk can grow at most threefold (each byte replaced by 3 bytes). */
  private final byte[] out = new byte[3 * in.length + 8];

  private int inLen; // bytes in 'in' not yet decoded (an incomplete tail is kept)
  private int outPos;
  private int outLen;
  private boolean eof;
  private boolean first = true;

  Utf8SanitizingInputStream(InputStream source) {
    super(source);
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    while (outPos == outLen) {
      if (eof && inLen == 0) {
        return -1;
      }
      fill();
    }
    int n = Math.min(len, outLen - outPos);
    System.arraycopy(out, outPos, b, off, n);
    outPos += n;
    return n;
  }

  @Override
  public int available() {
    return outLen - outPos;
  }

  @Override
  public long skip(long n) throws IOException {
    byte[] tmp = new byte[(int) Math.min(n, 8192)];
    int read = read(tmp, 0, tmp.length);
    return Math.max(read, 0);
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  private void fill() throws IOException {
    if (!eof) {
      int n = super.in.read(in, inLen, in.length - inLen);
      if (n < 0) {
        eof = true;
      } else {
        inLen += n;
      }
    }
    int start = 0;
    if (first && (inLen >= 3 || eof)) {
      first = false;
      start = ByteOrderMark.utf8Length(in, inLen);
    } else if (first) {
      return; // wait for three bytes before deciding about a BOM
    }
    outPos = 0;
    outLen = 0;
    int i = start;
    while (i < inLen) {
      int b = in[i];
      if (b >= 0) { // ASCII run
        int runEnd = i + 1;
        // Eight bytes at a time while none has its high bit set (REDCap's JSON is mostly ASCII).
        while (runEnd + Long.BYTES <= inLen
            && ((long) EIGHT_BYTES.get(in, runEnd) & HIGH_BITS) == 0) {
          runEnd += Long.BYTES;
        }
        while (runEnd < inLen && in[runEnd] >= 0) {
          runEnd++;
        }
        System.arraycopy(in, i, out, outLen, runEnd - i);
        outLen += runEnd - i;
        i = runEnd;
        continue;
      }
      int lead = b & 0xFF;
      int need;
      int min2 = 0x80;
      int max2 = 0xBF;
      if (lead >= 0xC2 && lead <= 0xDF) {
        need = 1;
      } else if (lead >= 0xE0 && lead <= 0xEF) {
        need = 2;
        if (lead == 0xE0) {
          min2 = 0xA0;
        } else if (lead == 0xED) {
          max2 = 0x9F;
        }
      } else if (lead >= 0xF0 && lead <= 0xF4) {
        need = 3;
        if (lead == 0xF0) {
          min2 = 0x90;
        } else if (lead == 0xF4) {
          max2 = 0x8F;
        }
      } else {
        replace();
        i++;
        continue;
      }
      if (i + need >= inLen && !eof) {
        break; // incomplete sequence at the end of the chunk: decide when more bytes arrive
      }
      int valid = 0;
      for (int k = 1; k <= need && i + k < inLen; k++) {
        int c = in[i + k] & 0xFF;
        int lo = k == 1 ? min2 : 0x80;
        int hi = k == 1 ? max2 : 0xBF;
        if (c < lo || c > hi) {
          break;
        }
        valid++;
      }
      if (valid == need) {
        System.arraycopy(in, i, out, outLen, need + 1);
        outLen += need + 1;
        i += need + 1;
      } else {
        replace();
        i++;
      }
    }
    // Keep the undecided tail for the next fill.
    int tail = inLen - i;
    System.arraycopy(in, i, in, 0, tail);
    inLen = tail;
  }

  private void replace() {
    System.arraycopy(REPLACEMENT, 0, out, outLen, 3);
    outLen += 3;
  }
}
