package org.redcapjdbc.client;

/**
 * An export-report request ({@code content=report}): the report's ID (shown in the REDCap UI) and
 * output options. Reports are always flat; columns are the report's fields in report order.
 */
public final class ReportRequest {
  private final long reportId;
  private final RawOrLabel rawOrLabel;
  private final RawOrLabel rawOrLabelHeaders;
  private final Boolean exportCheckboxLabel;
  private final CsvDelimiter csvDelimiter;
  private final DecimalCharacter decimalCharacter;

  private ReportRequest(Builder b) {
    reportId = b.reportId;
    rawOrLabel = b.rawOrLabel;
    rawOrLabelHeaders = b.rawOrLabelHeaders;
    exportCheckboxLabel = b.exportCheckboxLabel;
    csvDelimiter = b.csvDelimiter;
    decimalCharacter = b.decimalCharacter;
  }

  public static Builder builder(long reportId) {
    return new Builder(reportId);
  }

  public long reportId() {
    return reportId;
  }

  FormParams toParams(String format) {
    return FormParams.content("report")
        .add("report_id", reportId)
        .add("format", format)
        .add("returnFormat", "json")
        .add("rawOrLabel", rawOrLabel == null ? null : rawOrLabel.wire())
        .add("rawOrLabelHeaders", rawOrLabelHeaders == null ? null : rawOrLabelHeaders.wire())
        .addBool("exportCheckboxLabel", exportCheckboxLabel)
        .add("csvDelimiter", csvDelimiter == null ? null : csvDelimiter.wire())
        .add("decimalCharacter", decimalCharacter == null ? null : decimalCharacter.wire());
  }

  /** Builder for {@link ReportRequest}. */
  public static final class Builder {
    private final long reportId;
    private RawOrLabel rawOrLabel;
    private RawOrLabel rawOrLabelHeaders;
    private Boolean exportCheckboxLabel;
    private CsvDelimiter csvDelimiter;
    private DecimalCharacter decimalCharacter;

    private Builder(long reportId) {
      if (reportId <= 0) {
        throw new IllegalArgumentException("report_id must be positive, was " + reportId);
      }
      this.reportId = reportId;
    }

    public Builder rawOrLabel(RawOrLabel v) {
      this.rawOrLabel = v;
      return this;
    }

    public Builder rawOrLabelHeaders(RawOrLabel v) {
      this.rawOrLabelHeaders = v;
      return this;
    }

    public Builder exportCheckboxLabel(Boolean v) {
      this.exportCheckboxLabel = v;
      return this;
    }

    public Builder csvDelimiter(CsvDelimiter v) {
      this.csvDelimiter = v;
      return this;
    }

    public Builder decimalCharacter(DecimalCharacter v) {
      this.decimalCharacter = v;
      return this;
    }

    public ReportRequest build() {
      return new ReportRequest(this);
    }
  }
}
