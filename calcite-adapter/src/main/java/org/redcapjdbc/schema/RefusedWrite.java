package org.redcapjdbc.schema;

import static java.util.Objects.requireNonNull;

import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.redcapjdbc.plan.TableWriter;

/**
 * A statement a table cannot run, refused when it runs with a sentence saying why and what to do
 * instead. Planning succeeds, so that the message reaches the user whole (Calcite shortens
 * failures while preparing to "Error while preparing statement").
 */
final class RefusedWrite implements TableWriter {
  private final String what;
  private final String why;
  private final String sqlState;

  RefusedWrite(String what, String why, String sqlState) {
    this.what = requireNonNull(what, "what");
    this.why = requireNonNull(why, "why");
    this.sqlState = requireNonNull(sqlState, "sqlState");
  }

  @Override
  public long write(DataContext root, Enumerable<Object[]> rows) {
    throw new RedcapWriteException(what + " is not possible: " + why, 0, sqlState, null);
  }
}
