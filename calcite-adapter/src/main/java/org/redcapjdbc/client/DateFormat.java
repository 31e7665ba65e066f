package org.redcapjdbc.client;

/** {@code dateFormat} of record imports: {@code 2016-12-31}, {@code 12/31/2016}, {@code 31/12/2016}. */
public enum DateFormat {
  YMD,
  MDY,
  DMY;

  public String wire() {
    return name();
  }
}
