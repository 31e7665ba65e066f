package org.redcapjdbc.schema;

import java.sql.SQLWarning;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.calcite.DataContext;

/**
 * Carries warnings from the code that reads REDCap rows (deep inside Calcite's generated code) to
 * the JDBC {@code ResultSet} of the statement that ran it, e.g. a stored value that does not parse
 * as its column's type and was read as NULL.
 *
 * <p>The key is the statement's cancel flag: Calcite puts that very {@link AtomicBoolean} into the
 * query's {@link DataContext}, and the driver can find it from the statement, so no other state has
 * to be threaded through Calcite. Keys are weak, so a forgotten statement leaves nothing behind.
 */
public final class QueryWarnings {
  /** Warnings kept per statement; beyond it one closing warning says how many were left out. */
  static final int MAX_PER_STATEMENT = 100;

  private static final Map<AtomicBoolean, Bucket> BUCKETS =
      Collections.synchronizedMap(new WeakHashMap<>());

  private QueryWarnings() {
  }

  /** Records a warning for the statement running the query that {@code root} belongs to. */
  public static void add(DataContext root, String message) {
    Object flag = root == null ? null : root.get(DataContext.Variable.CANCEL_FLAG.camelName);
    if (flag instanceof AtomicBoolean) {
      add((AtomicBoolean) flag, message);
    }
  }

  /** Records a warning for the statement that owns {@code cancelFlag}. */
  public static void add(AtomicBoolean cancelFlag, String message) {
    BUCKETS.computeIfAbsent(cancelFlag, k -> new Bucket()).add(message);
  }

  /** The warnings recorded for the statement so far, as a JDBC chain, or null when none. */
  public static SQLWarning chain(AtomicBoolean cancelFlag) {
    Bucket b = BUCKETS.get(cancelFlag);
    return b == null ? null : b.chain();
  }

  /** Forgets the statement's warnings ({@code clearWarnings}, or a new execution). */
  public static void clear(AtomicBoolean cancelFlag) {
    BUCKETS.remove(cancelFlag);
  }

  private static final class Bucket {
    private final List<String> messages = new ArrayList<>();
    private long dropped;

    synchronized void add(String message) {
      if (messages.size() < MAX_PER_STATEMENT) {
        messages.add(message);
      } else {
        dropped++;
      }
    }

    synchronized SQLWarning chain() {
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
