package org.redcapjdbc.emulator.api.survey;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.redcapjdbc.emulator.api.Access;
import org.redcapjdbc.emulator.api.ApiCall;
import org.redcapjdbc.emulator.api.ApiException;
import org.redcapjdbc.emulator.api.ExportMethod;
import org.redcapjdbc.emulator.api.Params;
import org.redcapjdbc.emulator.format.TableWriter;
import org.redcapjdbc.emulator.model.Event;
import org.redcapjdbc.emulator.model.ProjectDefinition;
import org.redcapjdbc.emulator.model.Survey;
import org.redcapjdbc.emulator.store.RecordData;
import org.redcapjdbc.emulator.store.RecordHeader;
import org.redcapjdbc.emulator.store.RecordStore;
import org.redcapjdbc.emulator.store.SurveyStore;

/**
 * The survey methods (docs/redcap-api.md §2.14, docs/redcap-wire-samples.md §20.4) for instruments
 * that are surveys in the project: {@code surveyLink}, {@code surveyQueueLink},
 * {@code surveyReturnCode}, {@code surveyAccessCode} (plain text, no trailing newline) and
 * {@code participantList}. Links are made from the emulator's own address
 * ({@code http://127.0.0.1:PORT/surveys/?s=…}); codes are made on first use and then kept. Every
 * method needs Manage Survey Participants besides API export.
 */
public final class SurveyMethods {
  private SurveyMethods() {}

  /** The survey, event and instance a request names. */
  private record Target(Survey survey, Event event, int instance) {}

  private static Target target(ApiCall call, boolean needsInstrument) throws ApiException {
    Access.require(call, "manage_survey_participants", "API Export", "Manage Survey Participants");
    ProjectDefinition def = call.definition();
    Params p = call.params();
    String instrument = p.get("instrument");
    Survey survey = null;
    if (needsInstrument) {
      if (instrument == null) {
        throw ApiException.badRequest(
            "The parameter \"instrument\" is missing: name the survey's unique instrument"
                + " name.");
      }
      if (def.form(instrument) == null) {
        throw ApiException.badRequest(
            "The value of the parameter \"instrument\" is not valid: '"
                + instrument
                + "' is not an instrument of this project.");
      }
      survey = def.survey(instrument);
      if (survey == null || !def.hasSurveys()) {
        throw ApiException.badRequest(
            "The instrument '"
                + instrument
                + "' has not been enabled as a survey in this"
                + " project.");
      }
    }
    Event event = def.firstEvent();
    if (def.isLongitudinal() && needsInstrument) {
      String e = p.get("event");
      if (e == null) {
        throw ApiException.badRequest(
            "The parameter \"event\" is missing: a longitudinal project needs the unique"
                + " event name.");
      }
      event = def.event(e);
      if (event == null) {
        throw ApiException.badRequest(
            "The value of the parameter \"event\" is not valid: '"
                + e
                + "' is not a unique event name of this project.");
      }
      if (!def.isDesignated(event, instrument)) {
        throw ApiException.badRequest(
            "The instrument '" + instrument + "' is not designated for the event '" + e + "'.");
      }
    }
    int instance = 1;
    if (p.get("repeat_instance") != null) {
      try {
        instance = Integer.parseInt(p.get("repeat_instance").strip());
      } catch (NumberFormatException ex) {
        instance = 0;
      }
      if (instance < 1) {
        throw ApiException.badRequest(
            "The value of the parameter \"repeat_instance\" is not valid: it must be a"
                + " positive integer.");
      }
    }
    return new Target(survey, event, instance);
  }

  /** The record a request names, when it exists and the caller may see it. */
  private static String record(ApiCall call, Connection c) throws Exception {
    String record = call.params().get("record");
    if (record == null) {
      throw ApiException.badRequest("The parameter \"record\" is missing: name the record.");
    }
    Optional<RecordHeader> h = RecordStore.header(c, call.definition().id(), record);
    if (h.isEmpty() || (call.user().inDag() && !call.user().groupId().equals(h.get().groupId()))) {
      throw ApiException.badRequest("The record \"" + record + "\" does not exist");
    }
    return record;
  }

  static String surveysUrl(ApiCall call) {
    String api = call.apiUrl();
    return api.endsWith("api/")
        ? api.substring(0, api.length() - 4) + "surveys/"
        : api + "surveys/";
  }

  private static SurveyStore.Codes codes(ApiCall call, Target t) throws Exception {
    try (Connection c = call.database().connection()) {
      String record = record(call, c);
      return SurveyStore.codes(
          c, call.definition().id(), t.survey().formName(), t.event().id(), record, t.instance());
    }
  }

  /** {@code surveyLink}: {@code …/surveys/?s=HASH}. */
  public static final class Link extends ExportMethod {
    @Override
    public void handle(ApiCall call) throws Exception {
      Target t = target(call, true);
      call.sendPlain(surveysUrl(call) + "?s=" + codes(call, t).hash());
    }
  }

  /** {@code surveyAccessCode}: the 9-character code a participant types at {@code …/surveys/}. */
  public static final class AccessCode extends ExportMethod {
    @Override
    public void handle(ApiCall call) throws Exception {
      Target t = target(call, true);
      call.sendPlain(codes(call, t).accessCode());
    }
  }

  /** {@code surveyReturnCode}: 8 characters; the survey must have Save &amp; Return Later on. */
  public static final class ReturnCode extends ExportMethod {
    @Override
    public void handle(ApiCall call) throws Exception {
      Target t = target(call, true);
      if (!"1".equals(t.survey().attributes().get("save_and_return"))) {
        throw ApiException.badRequest(
            "The survey '"
                + t.survey().formName()
                + "' does not have the 'Save & Return"
                + " Later' feature enabled, so it has no return codes.");
      }
      call.sendPlain(codes(call, t).returnCode());
    }
  }

  /** {@code surveyQueueLink}: {@code …/surveys/?sq=HASH} (the project must have surveys). */
  public static final class QueueLink extends ExportMethod {
    @Override
    public void handle(ApiCall call) throws Exception {
      target(call, false);
      if (!call.definition().hasSurveys()) {
        throw ApiException.badRequest("The Survey Queue has not been enabled in this project.");
      }
      String hash;
      try (Connection c = call.database().connection()) {
        hash = SurveyStore.queueHash(c, call.definition().id(), record(call, c));
      }
      call.sendPlain(surveysUrl(call) + "?sq=" + hash);
    }
  }

  /**
   * {@code participantList}: one row per record (visible to the caller) with data in the event,
   * for instance 1: {@code email} (blank: no invitation e-mails here), {@code email_occurrence},
   * {@code identifier} (the survey identifier), {@code record}, {@code invitation_sent_status} 0,
   * {@code invitation_send_time} blank, {@code response_status} (2 completed, 1 partial, 0 none,
   * from the survey timestamp), {@code survey_access_code}, {@code survey_link},
   * {@code survey_queue_link}.
   */
  public static final class ParticipantList extends ExportMethod {
    @Override
    public void handle(ApiCall call) throws Exception {
      Target t = target(call, true);
      ProjectDefinition def = call.definition();
      String base = surveysUrl(call);
      List<Object[]> rows = new ArrayList<>();
      try (Connection c = call.database().connection()) {
        List<RecordHeader> headers = new ArrayList<>();
        for (RecordHeader h : RecordStore.listRecords(c, def.id())) {
          if (!call.user().inDag() || call.user().groupId().equals(h.groupId())) {
            headers.add(h);
          }
        }
        for (RecordData d : RecordStore.load(c, def.id(), headers).values()) {
          if (!d.hasEvent(t.event().id())) {
            continue;
          }
          SurveyStore.Codes codes =
              SurveyStore.codes(c, def.id(), t.survey().formName(), t.event().id(), d.record(), 1);
          String stamp = d.surveyTimestamp(t.event().id(), t.survey().formName(), 1);
          int status =
              stamp == null || stamp.isEmpty() ? 0 : stamp.equals("[not completed]") ? 1 : 2;
          rows.add(
              new Object[] {
                "",
                "",
                d.header().surveyIdentifier(),
                d.record(),
                0,
                "",
                status,
                codes.accessCode(),
                base + "?s=" + codes.hash(),
                base + "?sq=" + SurveyStore.queueHash(c, def.id(), d.record())
              });
        }
      }
      TableWriter w =
          call.table(
              List.of(
                  "email",
                  "email_occurrence",
                  "identifier",
                  "record",
                  "invitation_sent_status",
                  "invitation_send_time",
                  "response_status",
                  "survey_access_code",
                  "survey_link",
                  "survey_queue_link"));
      for (Object[] r : rows) {
        w.row(r);
      }
      w.finish();
    }
  }
}
