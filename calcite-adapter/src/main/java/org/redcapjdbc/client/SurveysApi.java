package org.redcapjdbc.client;

import java.util.List;
import java.util.Map;

/**
 * Survey helpers: links, queue links, return and access codes, participant lists. Obtain through
 * {@link RedcapClient#surveys()}. The single-value calls answer in plain text.
 */
public final class SurveysApi {
  private final Api api;

  SurveysApi(Api api) {
    this.api = api;
  }

  /** The survey URL for a record's instrument (event and instance where they apply). */
  public String surveyLink(String record, String instrument, String event, Integer repeatInstance) {
    return api.plainText(address("surveyLink", record, instrument, event, repeatInstance));
  }

  /** The record's survey queue URL. */
  public String surveyQueueLink(String record) {
    return api.plainText(FormParams.content("surveyQueueLink").add("record", required(record)));
  }

  /** The Save-and-Return code (8 characters). */
  public String surveyReturnCode(
      String record, String instrument, String event, Integer repeatInstance) {
    return api.plainText(address("surveyReturnCode", record, instrument, event, repeatInstance));
  }

  /** The survey access code (9 characters; REDCap 14+). */
  public String surveyAccessCode(
      String record, String instrument, String event, Integer repeatInstance) {
    return api.plainText(address("surveyAccessCode", record, instrument, event, repeatInstance));
  }

  /** Participants of a survey instrument (and event in longitudinal projects). */
  public List<Map<String, String>> participantList(String instrument, String event) {
    if (instrument == null || instrument.isBlank()) {
      throw new IllegalArgumentException("participantList needs the survey's instrument name");
    }
    return api.rows(
        FormParams.content("participantList").add("instrument", instrument).add("event", event));
  }

  private static FormParams address(
      String content, String record, String instrument, String event, Integer repeatInstance) {
    if (instrument == null || instrument.isBlank()) {
      throw new IllegalArgumentException(content + " needs the survey's instrument name");
    }
    return FormParams.content(content)
        .add("record", required(record))
        .add("instrument", instrument)
        .add("event", event)
        .add("repeat_instance", repeatInstance);
  }

  private static String required(String record) {
    if (record == null || record.isBlank()) {
      throw new IllegalArgumentException("A survey call needs a record ID; it was empty");
    }
    return record;
  }
}
