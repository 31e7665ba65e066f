package org.redcapjdbc.model;

/** Where a table column's values come from. */
public enum ColumnKind {
  /** The record-ID field (the first field of the dictionary). Always NOT NULL, always in the key. */
  RECORD_ID,
  /**
   * A column REDCap adds to exports: {@code redcap_event_name}, {@code redcap_repeat_instrument},
   * {@code redcap_repeat_instance}, {@code redcap_data_access_group}. Never requested in
   * {@code fields[]}.
   */
  PSEUDO,
  /** A field's own column. */
  FIELD,
  /** One option of a checkbox field, {@code field___code}. */
  CHECKBOX_OPTION,
  /** An instrument's status, {@code <form>_complete}. */
  COMPLETE,
  /** {@code <field>_label}: the label of a coded field's value, computed from the dictionary. */
  LABEL
}
