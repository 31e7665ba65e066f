package org.redcapjdbc.client;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** Filters of the logging export ({@code content=log}); all optional. Whole-project logs are big. */
public final class LogRequest {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final LogType logType;
  private final String user;
  private final String record;
  private final String dag;
  private final String beginTime;
  private final String endTime;

  private LogRequest(Builder b) {
    logType = b.logType;
    user = b.user;
    record = b.record;
    dag = b.dag;
    beginTime = b.beginTime;
    endTime = b.endTime;
  }

  public static Builder builder() {
    return new Builder();
  }

  FormParams toParams() {
    return FormParams.content("log")
        .add("logtype", logType == null ? null : logType.wire())
        .add("user", user)
        .add("record", record)
        .add("dag", dag)
        .add("beginTime", beginTime)
        .add("endTime", endTime);
  }

  /** Builder for {@link LogRequest}. */
  public static final class Builder {
    private LogType logType;
    private String user;
    private String record;
    private String dag;
    private String beginTime;
    private String endTime;

    private Builder() {}

    public Builder logType(LogType v) {
      this.logType = v;
      return this;
    }

    public Builder user(String v) {
      this.user = v;
      return this;
    }

    public Builder record(String v) {
      this.record = v;
      return this;
    }

    /** The DAG's unique group name. */
    public Builder dag(String v) {
      this.dag = v;
      return this;
    }

    /** {@code YYYY-MM-DD HH:MM}, server time. */
    public Builder beginTime(String v) {
      this.beginTime = v;
      return this;
    }

    public Builder beginTime(LocalDateTime v) {
      return beginTime(v == null ? null : v.format(TIME));
    }

    public Builder endTime(String v) {
      this.endTime = v;
      return this;
    }

    public Builder endTime(LocalDateTime v) {
      return endTime(v == null ? null : v.format(TIME));
    }

    public LogRequest build() {
      return new LogRequest(this);
    }
  }
}
