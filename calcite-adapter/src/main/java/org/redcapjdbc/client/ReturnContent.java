package org.redcapjdbc.client;

/** {@code returnContent} of record imports: what the response reports. */
public enum ReturnContent {
  /** The number of distinct records written. */
  COUNT("count"),
  /** The record IDs written. */
  IDS("ids"),
  /** With {@code forceAutoNumber}: pairs of new ID and the ID that was sent. */
  AUTO_IDS("auto_ids"),
  /** Nothing useful: the response body is ignored. */
  NOTHING("nothing");

  private final String wire;

  ReturnContent(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }
}
