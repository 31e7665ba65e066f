package org.redcapjdbc.client;

import java.util.List;
import java.util.Objects;

/**
 * What a record import reported, per its {@link ReturnContent}: the number of distinct records
 * (REDCap counts records, not rows), their IDs, or for auto-numbered imports the new ID of each
 * sent ID.
 */
public final class RecordImportResult {
  private final ReturnContent returnContent;
  private final int count;
  private final List<String> ids;
  private final List<AutoId> autoIds;

  RecordImportResult(
      ReturnContent returnContent, int count, List<String> ids, List<AutoId> autoIds) {
    this.returnContent = Objects.requireNonNull(returnContent, "returnContent");
    this.count = count;
    this.ids = List.copyOf(ids);
    this.autoIds = List.copyOf(autoIds);
  }

  public ReturnContent returnContent() {
    return returnContent;
  }

  /** Records written: the count REDCap sent, or the number of IDs; -1 for NOTHING. */
  public int count() {
    return count;
  }

  /** With {@link ReturnContent#IDS}: the record IDs written; otherwise empty. */
  public List<String> ids() {
    return ids;
  }

  /** With {@link ReturnContent#AUTO_IDS}: new ID ↔ sent ID pairs; otherwise empty. */
  public List<AutoId> autoIds() {
    return autoIds;
  }

  @Override
  public String toString() {
    return "RecordImportResult{" + returnContent + ", count=" + count + "}";
  }

  /** The ID REDCap assigned to a record sent with a provisional ID. */
  public static final class AutoId {
    private final String newId;
    private final String sentId;

    public AutoId(String newId, String sentId) {
      this.newId = Objects.requireNonNull(newId, "newId");
      this.sentId = Objects.requireNonNull(sentId, "sentId");
    }

    public String newId() {
      return newId;
    }

    public String sentId() {
      return sentId;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof AutoId
          && ((AutoId) o).newId.equals(newId)
          && ((AutoId) o).sentId.equals(sentId);
    }

    @Override
    public int hashCode() {
      return newId.hashCode() * 31 + sentId.hashCode();
    }

    @Override
    public String toString() {
      return newId + "<-" + sentId;
    }
  }
}
