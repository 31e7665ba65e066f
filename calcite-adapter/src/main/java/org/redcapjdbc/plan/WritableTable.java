package org.redcapjdbc.plan;

import java.util.List;
import org.apache.calcite.rel.core.TableModify;

/**
 * A table that INSERT, UPDATE and DELETE can address: every table of the REDCap schemas. The
 * table decides what a statement means in API calls; {@link RedcapTableModify} only hands it the
 * rows. A table that cannot be changed still implements this and refuses in
 * {@link TableWriter#write}, so that users get a sentence saying why rather than a planner error.
 */
public interface WritableTable {

  /**
   * The columns (table column indexes, in this order) that UPDATE and DELETE read from each row
   * they match: the row's key, plus whatever REDCap needs to address the row. Only these columns
   * (and UPDATE's new values) are read, so a DELETE exports the keys of the matching rows and no
   * other field.
   */
  List<Integer> matchedRowColumns();

  /**
   * The writer of one statement, made while it is planned. It must not call REDCap; what can only
   * be known from the rows is checked when it runs.
   *
   * @param operation INSERT, UPDATE or DELETE
   * @param updateColumns for UPDATE, the columns of the SET list in order; otherwise null
   */
  TableWriter writer(TableModify.Operation operation, List<String> updateColumns);
}
