package org.redcapjdbc.emulator.api.project;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.redcapjdbc.emulator.api.ApiException;
import org.redcapjdbc.emulator.api.Params;
import org.redcapjdbc.emulator.api.ResponseChannel;
import org.redcapjdbc.emulator.format.Format;
import org.redcapjdbc.emulator.load.LoadedProject;
import org.redcapjdbc.emulator.load.ProjectData;
import org.redcapjdbc.emulator.load.ProjectLoadException;
import org.redcapjdbc.emulator.model.Arm;
import org.redcapjdbc.emulator.model.Event;
import org.redcapjdbc.emulator.model.Field;
import org.redcapjdbc.emulator.model.FieldType;
import org.redcapjdbc.emulator.model.Form;
import org.redcapjdbc.emulator.model.LogEntry;
import org.redcapjdbc.emulator.model.ProjectDefinition;
import org.redcapjdbc.emulator.model.ProjectInfo;
import org.redcapjdbc.emulator.odm.OdmReader;
import org.redcapjdbc.emulator.store.AccessStore;
import org.redcapjdbc.emulator.store.LogStore;
import org.redcapjdbc.emulator.store.ProjectImporter;
import org.redcapjdbc.emulator.store.ProjectRegistry;

/**
 * Create Project ({@code content=project} with {@code data} and the 64-character super token;
 * docs/redcap-api.md §2.8): {@code data} holds {@code project_title} and {@code purpose} (0–4, both
 * required), and optionally {@code purpose_other}, {@code project_notes}, {@code is_longitudinal},
 * {@code surveys_enabled} and {@code record_autonumbering_enabled}; {@code odm} optionally holds a
 * project XML whose metadata, settings and records the new project takes. Without it the project is
 * what REDCap makes: one instrument {@code form_1} with a {@code record_id} field (and, when
 * longitudinal, one arm with one event). The answer is the new project's 32-character token as
 * plain text; its user is {@link AccessStore#DEFAULT_USER}, with full rights.
 */
public final class ProjectCreation {
  private ProjectCreation() {}

  public static void create(Params p, ProjectRegistry registry, ResponseChannel response)
      throws Exception {
    Format format = Format.parse(p.get("format", "xml"));
    if (format == null) {
      throw ApiException.badRequest("The value of the parameter \"format\" is not valid");
    }
    Map<String, String> row =
        SingleRow.parse(p.raw().getOrDefault("data", List.of("")).get(0), format, ',');
    String title = row.getOrDefault("project_title", "").strip();
    if (title.isEmpty()) {
      throw ApiException.badRequest(
          "The attribute \"project_title\" is missing: a new project needs a title.");
    }
    int purpose = purpose(row.getOrDefault("purpose", ""));
    LoadedProject base;
    String odm = p.get("odm");
    if (odm != null) {
      try {
        base =
            OdmReader.read(
                new ByteArrayInputStream(odm.getBytes(StandardCharsets.UTF_8)),
                "the odm parameter");
      } catch (ProjectLoadException e) {
        throw ApiException.badRequest(
            "The project XML in the parameter \"odm\" could not be read: " + e.getMessage());
      }
    } else {
      base =
          new LoadedProject(
              defaultProject(
                  ProjectInfo.builder(title).build(), flag(row, "is_longitudinal", false)),
              ProjectData.NONE);
    }
    ProjectDefinition def = base.definition();
    ProjectInfo.Builder info =
        def.info().toBuilder().title(title).purpose(purpose).creationTime("");
    if (row.containsKey("purpose_other")) {
      info.purposeOther(row.get("purpose_other").strip());
    }
    if (row.containsKey("project_notes")) {
      info.notes(row.get("project_notes"));
    }
    if (row.containsKey("surveys_enabled")) {
      info.surveysEnabled(flag(row, "surveys_enabled", false));
    }
    info.autoNumbering(
        flag(row, "record_autonumbering_enabled", odm == null || def.info().autoNumbering()));
    ProjectDefinition withInfo = def.toBuilder().info(info.build()).build();
    ProjectImporter.StoredProject stored;
    try {
      stored =
          ProjectImporter.store(
              registry, new LoadedProject(withInfo, base.data().withoutCalcValues(withInfo)), null);
    } catch (ProjectLoadException e) {
      throw ApiException.badRequest("The project could not be created: " + e.getMessage());
    }
    registry
        .database()
        .inTransaction(
            c -> {
              LogStore.write(
                  c,
                  stored.handle().id(),
                  AccessStore.DEFAULT_USER,
                  null,
                  LogEntry.MANAGE,
                  LogEntry.MANAGE_DESIGN,
                  "Create project (API)",
                  "");
              return null;
            });
    send(response, stored.token());
  }

  private static void send(ResponseChannel response, String token) throws IOException {
    try (OutputStream out = response.open(200, Format.PLAIN_TEXT)) {
      out.write(token.getBytes(StandardCharsets.UTF_8));
    }
  }

  static int purpose(String v) throws ApiException {
    try {
      int n = Integer.parseInt(v.strip());
      if (n >= 0 && n <= 4) {
        return n;
      }
    } catch (NumberFormatException e) {
      // falls through
    }
    throw ApiException.badRequest(
        "The attribute \"purpose\" is missing or not valid: it must be 0 (Practice / Just"
            + " for fun), 1 (Other), 2 (Research), 3 (Quality Improvement) or 4 (Operational Support).");
  }

  static boolean flag(Map<String, String> row, String key, boolean fallback) {
    String v = row.getOrDefault(key, "").strip();
    return v.isEmpty() ? fallback : v.equals("1") || v.equalsIgnoreCase("true");
  }

  /** REDCap's new empty project: {@code form_1} with {@code record_id}; one arm and event when longitudinal. */
  static ProjectDefinition defaultProject(ProjectInfo info, boolean longitudinal) {
    ProjectInfo i = info.toBuilder().longitudinal(longitudinal).build();
    Form form = new Form("form_1", "Form 1");
    Field recordId =
        Field.builder("record_id", "form_1", FieldType.TEXT).label("Record ID").build();
    ProjectDefinition.Builder b =
        ProjectDefinition.builder(i).forms(List.of(form)).fields(List.of(recordId));
    if (longitudinal) {
      b.arms(List.of(new Arm(1, "Arm 1")))
          .events(List.of(new Event(0, 1, "Event 1", "event_1_arm_1", "", 1, 0, 0)));
      Map<String, List<String>> mapping = new LinkedHashMap<>();
      mapping.put("event_1_arm_1", new ArrayList<>(List.of("form_1")));
      b.eventForms(mapping);
    } else {
      b.ensureClassicEvent();
    }
    return b.build();
  }
}
