package org.redcapjdbc.model;

import static java.util.Objects.requireNonNull;

/**
 * One column name of a flat export and where it comes from, as REDCap's
 * {@code exportFieldNames} method describes it: {@code race___1} comes from field {@code race},
 * choice {@code 1}. For a column that is not a checkbox option the choice code is empty and the
 * names are equal; {@code <form>_complete} columns have themselves as original name.
 */
public record ExportFieldName(String exportName, String originalFieldName, String choiceCode) {
  public ExportFieldName {
    requireNonNull(exportName, "exportName");
    requireNonNull(originalFieldName, "originalFieldName");
    requireNonNull(choiceCode, "choiceCode");
  }

  /** Whether this column is one option of a checkbox field. */
  public boolean isCheckboxOption() {
    return !choiceCode.isEmpty();
  }
}
