package org.redcapjdbc.emulator.api;

/** The record-dropping fault, as a record export sees it. */
public interface ExportFaults {
  /** Whether to silently leave out the next record of an export of {@code exportSize} records. */
  boolean dropRecord(int exportSize);

  ExportFaults NONE = size -> false;
}
