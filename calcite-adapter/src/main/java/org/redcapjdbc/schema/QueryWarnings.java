package org.redcapjdbc.schema;

import java.sql.SQLWarning;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.calcite.DataContext;

/**
 * Carries warnings from the code that reads REDCap rows (deep inside Calcite's generated code) to
 * the JDBC {@code ResultSet} of the statement that ran it, e.g. a stored value that does not parse
 * as its column's type and was read as NULL. They are kept in the statement's
 * {@link StatementState}, found by its cancel flag.
 */
public final class QueryWarnings {
  /** Warnings kept per statement; beyond it one closing warning says how many were left out. */
  static final int MAX_PER_STATEMENT = 100;

  private QueryWarnings() {}

  /** Records a warning for the statement running the query that {@code root} belongs to. */
  public static void add(DataContext root, String message) {
    AtomicBoolean flag = StatementState.flag(root);
    if (flag != null) {
      add(flag, message);
    }
  }

  /** Records a warning for the statement that owns {@code cancelFlag}. */
  public static void add(AtomicBoolean cancelFlag, String message) {
    StatementState.of(cancelFlag).warnings.add(message);
  }

  /** The warnings recorded for the statement so far, as a JDBC chain, or null when none. */
  public static SQLWarning chain(AtomicBoolean cancelFlag) {
    StatementState state = StatementState.find(cancelFlag);
    return state == null ? null : state.warnings.chain();
  }

  /** Forgets the statement's warnings ({@code clearWarnings}, or a new execution). */
  public static void clear(AtomicBoolean cancelFlag) {
    StatementState state = StatementState.find(cancelFlag);
    if (state != null) {
      state.warnings.clear();
    }
  }

  /** One statement's warnings, in order, up to {@link #MAX_PER_STATEMENT}. */
  static final class Bucket {
    private final List<String> messages = new ArrayList<>();
    private long dropped;

    synchronized void clear() {
      messages.clear();
      dropped = 0;
    }

    synchronized void add(String message) {
      if (messages.size() < MAX_PER_STATEMENT) {
        messages.add(message);
      } else {
        dropped++;
      }
    }

    synchronized SQLWarning chain() {
      if (messages.isEmpty() && dropped == 0) {
        return null;
      }
      SQLWarning head = null;
      SQLWarning tail = null;
      List<String> all = new ArrayList<>(messages);
      if (dropped > 0) {
        all.add(dropped + " more warnings of the same kinds were not kept");
      }
      for (String m : all) {
        SQLWarning w = new SQLWarning(m, "01000");
        if (head == null) {
          head = w;
        } else {
          tail.setNextWarning(w);
        }
        tail = w;
      }
      return head;
    }
  }
}
