package org.redcapjdbc.client;

/**
 * What to render as PDF ({@code content=pdf}): blank instruments by default; one record (optionally
 * one event, instrument and repeat instance), or every record with {@link Builder#allRecords()}.
 */
public final class PdfRequest {
  private final String record;
  private final String event;
  private final String instrument;
  private final Integer repeatInstance;
  private final boolean allRecords;
  private final Boolean compactDisplay;

  private PdfRequest(Builder b) {
    record = b.record;
    event = b.event;
    instrument = b.instrument;
    repeatInstance = b.repeatInstance;
    allRecords = b.allRecords;
    compactDisplay = b.compactDisplay;
  }

  public static Builder builder() {
    return new Builder();
  }

  FormParams toParams() {
    FormParams p =
        FormParams.content("pdf")
            .add("record", record)
            .add("event", event)
            .add("instrument", instrument)
            .add("repeat_instance", repeatInstance)
            .addBool("compactDisplay", compactDisplay)
            .add("returnFormat", "json");
    // REDCap treats any value of allRecords as true, so it is sent only when wanted.
    return allRecords ? p.add("allRecords", "true") : p;
  }

  /** Builder for {@link PdfRequest}. */
  public static final class Builder {
    private String record;
    private String event;
    private String instrument;
    private Integer repeatInstance;
    private boolean allRecords;
    private Boolean compactDisplay;

    private Builder() {}

    public Builder record(String v) {
      this.record = v;
      return this;
    }

    public Builder event(String v) {
      this.event = v;
      return this;
    }

    public Builder instrument(String v) {
      this.instrument = v;
      return this;
    }

    public Builder repeatInstance(Integer v) {
      this.repeatInstance = v;
      return this;
    }

    public Builder allRecords() {
      this.allRecords = true;
      return this;
    }

    public Builder compactDisplay(Boolean v) {
      this.compactDisplay = v;
      return this;
    }

    public PdfRequest build() {
      return new PdfRequest(this);
    }
  }
}
