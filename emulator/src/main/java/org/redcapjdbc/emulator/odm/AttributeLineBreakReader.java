package org.redcapjdbc.emulator.odm;

import java.io.IOException;
import java.io.Reader;

/**
 * Escapes raw line breaks and tabs inside XML attribute values as character references.
 *
 * <p>REDCap writes multi-line values literally into {@code ItemData Value="…"}; a conforming XML
 * parser would normalize each such line break to a space, changing the data. Rewriting them as
 * {@code &#10;}, {@code &#13;} and {@code &#9;} before parsing keeps them. Comments, CDATA
 * sections, processing instructions and text are passed through untouched.
 */
final class AttributeLineBreakReader extends Reader {
  private enum State {
    TEXT,
    LT,
    BANG,
    BANG_DASH,
    COMMENT,
    CDATA,
    DECLARATION,
    PI,
    TAG,
    ATTRIBUTE
  }

  private final Reader in;
  private final char[] inBuf = new char[8192];
  private final StringBuilder out = new StringBuilder(16384);
  private int outPos;
  private State state = State.TEXT;
  private char quote;
  // The last two characters seen, to find "-->", "]]>" and "?>".
  private char prev1;
  private char prev2;
  private boolean eof;

  AttributeLineBreakReader(Reader in) {
    this.in = in;
  }

  @Override
  public int read(char[] cbuf, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    while (outPos >= out.length()) {
      if (eof) {
        return -1;
      }
      out.setLength(0);
      outPos = 0;
      int n = in.read(inBuf);
      if (n < 0) {
        eof = true;
        return -1;
      }
      for (int i = 0; i < n; i++) {
        accept(inBuf[i]);
      }
    }
    int count = Math.min(len, out.length() - outPos);
    out.getChars(outPos, outPos + count, cbuf, off);
    outPos += count;
    return count;
  }

  private void accept(char ch) {
    switch (state) {
      case TEXT:
        if (ch == '<') {
          state = State.LT;
        }
        break;
      case LT:
        state = ch == '!' ? State.BANG : ch == '?' ? State.PI : ch == '>' ? State.TEXT : State.TAG;
        break;
      case BANG:
        state =
            ch == '-'
                ? State.BANG_DASH
                : ch == '[' ? State.CDATA : ch == '>' ? State.TEXT : State.DECLARATION;
        break;
      case BANG_DASH:
        state = ch == '-' ? State.COMMENT : State.DECLARATION;
        prev1 = 0;
        prev2 = 0;
        break;
      case COMMENT:
        if (ch == '>' && prev1 == '-' && prev2 == '-') {
          state = State.TEXT;
        }
        break;
      case CDATA:
        if (ch == '>' && prev1 == ']' && prev2 == ']') {
          state = State.TEXT;
        }
        break;
      case PI:
        if (ch == '>' && prev1 == '?') {
          state = State.TEXT;
        }
        break;
      case DECLARATION:
      case TAG:
        if (ch == '"' || ch == '\'') {
          if (state == State.TAG) {
            quote = ch;
            state = State.ATTRIBUTE;
          }
        } else if (ch == '>') {
          state = State.TEXT;
        }
        break;
      case ATTRIBUTE:
        if (ch == quote) {
          state = State.TAG;
        } else if (ch == '\n') {
          out.append("&#10;");
          shift(ch);
          return;
        } else if (ch == '\r') {
          out.append("&#13;");
          shift(ch);
          return;
        } else if (ch == '\t') {
          out.append("&#9;");
          shift(ch);
          return;
        }
        break;
      default:
        throw new AssertionError(state);
    }
    out.append(ch);
    shift(ch);
  }

  private void shift(char ch) {
    prev2 = prev1;
    prev1 = ch;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
