package org.redcapjdbc.emulator.model;

import static java.util.Objects.requireNonNull;

/**
 * Project-level settings, as {@code content=project} exports them. Times are server-local
 * {@code YYYY-MM-DD HH:MM:SS} text; an unset time is empty.
 */
public final class ProjectInfo {
  private final String title;
  private final String creationTime;
  private final String productionTime;
  private final boolean inProduction;
  private final String language;
  private final int purpose;
  private final String purposeOther;
  private final String notes;
  private final String customRecordLabel;
  private final String secondaryUniqueField;
  private final boolean longitudinal;
  private final boolean surveysEnabled;
  private final boolean schedulingEnabled;
  private final boolean autoNumbering;
  private final boolean randomizationEnabled;
  private final String irbNumber;
  private final String grantNumber;
  private final String piFirstName;
  private final String piLastName;
  private final String piEmail;
  private final boolean displayTodayNowButton;
  private final String missingDataCodes;
  private final boolean bypassBranchingErasePrompt;

  private ProjectInfo(Builder b) {
    this.title = requireNonNull(b.title, "title");
    this.creationTime = nz(b.creationTime);
    this.productionTime = nz(b.productionTime);
    this.inProduction = b.inProduction;
    this.language = b.language == null || b.language.isEmpty() ? "English" : b.language;
    this.purpose = b.purpose;
    this.purposeOther = nz(b.purposeOther);
    this.notes = nz(b.notes);
    this.customRecordLabel = nz(b.customRecordLabel);
    this.secondaryUniqueField = nz(b.secondaryUniqueField);
    this.longitudinal = b.longitudinal;
    this.surveysEnabled = b.surveysEnabled;
    this.schedulingEnabled = b.schedulingEnabled;
    this.autoNumbering = b.autoNumbering;
    this.randomizationEnabled = b.randomizationEnabled;
    this.irbNumber = nz(b.irbNumber);
    this.grantNumber = nz(b.grantNumber);
    this.piFirstName = nz(b.piFirstName);
    this.piLastName = nz(b.piLastName);
    this.piEmail = nz(b.piEmail);
    this.displayTodayNowButton = b.displayTodayNowButton;
    this.missingDataCodes = nz(b.missingDataCodes);
    this.bypassBranchingErasePrompt = b.bypassBranchingErasePrompt;
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  public static Builder builder(String title) {
    return new Builder().title(title);
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.title = title;
    b.creationTime = creationTime;
    b.productionTime = productionTime;
    b.inProduction = inProduction;
    b.language = language;
    b.purpose = purpose;
    b.purposeOther = purposeOther;
    b.notes = notes;
    b.customRecordLabel = customRecordLabel;
    b.secondaryUniqueField = secondaryUniqueField;
    b.longitudinal = longitudinal;
    b.surveysEnabled = surveysEnabled;
    b.schedulingEnabled = schedulingEnabled;
    b.autoNumbering = autoNumbering;
    b.randomizationEnabled = randomizationEnabled;
    b.irbNumber = irbNumber;
    b.grantNumber = grantNumber;
    b.piFirstName = piFirstName;
    b.piLastName = piLastName;
    b.piEmail = piEmail;
    b.displayTodayNowButton = displayTodayNowButton;
    b.missingDataCodes = missingDataCodes;
    b.bypassBranchingErasePrompt = bypassBranchingErasePrompt;
    return b;
  }

  public String title() {
    return title;
  }

  public String creationTime() {
    return creationTime;
  }

  public String productionTime() {
    return productionTime;
  }

  public boolean inProduction() {
    return inProduction;
  }

  public String language() {
    return language;
  }

  public int purpose() {
    return purpose;
  }

  public String purposeOther() {
    return purposeOther;
  }

  public String notes() {
    return notes;
  }

  public String customRecordLabel() {
    return customRecordLabel;
  }

  public String secondaryUniqueField() {
    return secondaryUniqueField;
  }

  public boolean longitudinal() {
    return longitudinal;
  }

  public boolean surveysEnabled() {
    return surveysEnabled;
  }

  public boolean schedulingEnabled() {
    return schedulingEnabled;
  }

  public boolean autoNumbering() {
    return autoNumbering;
  }

  public boolean randomizationEnabled() {
    return randomizationEnabled;
  }

  public String irbNumber() {
    return irbNumber;
  }

  public String grantNumber() {
    return grantNumber;
  }

  public String piFirstName() {
    return piFirstName;
  }

  public String piLastName() {
    return piLastName;
  }

  public String piEmail() {
    return piEmail;
  }

  public boolean displayTodayNowButton() {
    return displayTodayNowButton;
  }

  public String missingDataCodes() {
    return missingDataCodes;
  }

  public boolean bypassBranchingErasePrompt() {
    return bypassBranchingErasePrompt;
  }

  /** Builder with REDCap's defaults for a new project. */
  public static final class Builder {
    private String title;
    private String creationTime;
    private String productionTime;
    private boolean inProduction;
    private String language = "English";
    private int purpose;
    private String purposeOther;
    private String notes;
    private String customRecordLabel;
    private String secondaryUniqueField;
    private boolean longitudinal;
    private boolean surveysEnabled;
    private boolean schedulingEnabled;
    private boolean autoNumbering;
    private boolean randomizationEnabled;
    private String irbNumber;
    private String grantNumber;
    private String piFirstName;
    private String piLastName;
    private String piEmail;
    private boolean displayTodayNowButton = true;
    private String missingDataCodes;
    private boolean bypassBranchingErasePrompt;

    public Builder title(String v) {
      title = v;
      return this;
    }

    public Builder creationTime(String v) {
      creationTime = v;
      return this;
    }

    public Builder productionTime(String v) {
      productionTime = v;
      return this;
    }

    public Builder inProduction(boolean v) {
      inProduction = v;
      return this;
    }

    public Builder language(String v) {
      language = v;
      return this;
    }

    public Builder purpose(int v) {
      purpose = v;
      return this;
    }

    public Builder purposeOther(String v) {
      purposeOther = v;
      return this;
    }

    public Builder notes(String v) {
      notes = v;
      return this;
    }

    public Builder customRecordLabel(String v) {
      customRecordLabel = v;
      return this;
    }

    public Builder secondaryUniqueField(String v) {
      secondaryUniqueField = v;
      return this;
    }

    public Builder longitudinal(boolean v) {
      longitudinal = v;
      return this;
    }

    public Builder surveysEnabled(boolean v) {
      surveysEnabled = v;
      return this;
    }

    public Builder schedulingEnabled(boolean v) {
      schedulingEnabled = v;
      return this;
    }

    public Builder autoNumbering(boolean v) {
      autoNumbering = v;
      return this;
    }

    public Builder randomizationEnabled(boolean v) {
      randomizationEnabled = v;
      return this;
    }

    public Builder irbNumber(String v) {
      irbNumber = v;
      return this;
    }

    public Builder grantNumber(String v) {
      grantNumber = v;
      return this;
    }

    public Builder piFirstName(String v) {
      piFirstName = v;
      return this;
    }

    public Builder piLastName(String v) {
      piLastName = v;
      return this;
    }

    public Builder piEmail(String v) {
      piEmail = v;
      return this;
    }

    public Builder displayTodayNowButton(boolean v) {
      displayTodayNowButton = v;
      return this;
    }

    public Builder missingDataCodes(String v) {
      missingDataCodes = v;
      return this;
    }

    public Builder bypassBranchingErasePrompt(boolean v) {
      bypassBranchingErasePrompt = v;
      return this;
    }

    public ProjectInfo build() {
      return new ProjectInfo(this);
    }
  }
}
