package org.redcapjdbc.plan;

import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;

/**
 * Runs one planned INSERT, UPDATE or DELETE each time its statement executes. Public because the
 * code Calcite generates for {@link RedcapTableModify} calls it.
 */
public interface TableWriter {

  /**
   * Applies the statement to {@code rows} and returns its update count. The rows are, in
   * Calcite's internal representation: for INSERT, whole table rows (columns the statement did
   * not name hold their default); for UPDATE, the {@link WritableTable#matchedRowColumns()} of
   * each matched row followed by the new value of each SET column; for DELETE, the
   * {@link WritableTable#matchedRowColumns()} of each matched row.
   *
   * @param root the execution's context: parameters, the statement's cancel flag
   */
  long write(DataContext root, Enumerable<Object[]> rows);
}
