package org.redcapjdbc.emulator.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.redcapjdbc.emulator.model.Arm;
import org.redcapjdbc.emulator.model.Dag;
import org.redcapjdbc.emulator.model.Event;
import org.redcapjdbc.emulator.model.Field;
import org.redcapjdbc.emulator.model.FieldType;
import org.redcapjdbc.emulator.model.Form;
import org.redcapjdbc.emulator.model.ProjectDefinition;
import org.redcapjdbc.emulator.model.ProjectInfo;
import org.redcapjdbc.emulator.model.RepeatingEntry;
import org.redcapjdbc.emulator.model.Report;
import org.redcapjdbc.emulator.model.Survey;
import org.redcapjdbc.emulator.model.UserRole;

/** Reads and writes project definitions (everything but records) in the structural tables. */
public final class ProjectStore {
  private static final String[] STRUCTURE_TABLES = {
    "redcap_forms",
    "redcap_metadata",
    "redcap_arms",
    "redcap_surveys",
    "redcap_reports",
    "redcap_user_roles",
  };

  private ProjectStore() {}

  /** Stores a new project, assigning its project, event and group ids. */
  public static ProjectDefinition insert(Connection c, ProjectDefinition def) throws SQLException {
    int projectId = nextValue(c, "redcap_project_seq");
    ProjectDefinition withIds = assignIds(c, def.toBuilder().id(projectId).build());
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO redcap_projects (project_id, title, settings_json) VALUES (?, ?, ?)")) {
      ps.setInt(1, projectId);
      ps.setString(2, def.title());
      ps.setString(3, Json.write(ProjectInfoCodec.toMap(def.info())));
      ps.executeUpdate();
    }
    writeStructure(c, withIds);
    return withIds;
  }

  /**
   * Replaces the stored structure of an existing project with {@code def}. Events and groups that
   * keep their id keep their data; new ones get fresh ids.
   */
  public static ProjectDefinition replace(Connection c, ProjectDefinition def) throws SQLException {
    ProjectDefinition withIds = assignIds(c, def);
    int id = def.id();
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE redcap_projects SET title = ?, settings_json = ? WHERE project_id = ?")) {
      ps.setString(1, def.title());
      ps.setString(2, Json.write(ProjectInfoCodec.toMap(def.info())));
      ps.setInt(3, id);
      ps.executeUpdate();
    }
    for (String table : STRUCTURE_TABLES) {
      execute(c, "DELETE FROM " + table + " WHERE project_id = ?", id);
    }
    execute(
        c,
        "DELETE FROM redcap_event_forms WHERE event_id IN (SELECT event_id FROM redcap_events WHERE project_id = ?)",
        id);
    execute(
        c,
        "DELETE FROM redcap_repeat WHERE event_id IN (SELECT event_id FROM redcap_events WHERE project_id = ?)",
        id);
    execute(c, "DELETE FROM redcap_events WHERE project_id = ?", id);
    execute(c, "DELETE FROM redcap_data_access_groups WHERE project_id = ?", id);
    writeStructure(c, withIds);
    return withIds;
  }

  /**
   * Rewrites only the DAGs and user roles of a project (DAG, role and user-role methods): groups that
   * keep their id keep their records; new groups get fresh ids.
   */
  public static ProjectDefinition replaceGroupsAndRoles(Connection c, ProjectDefinition def)
      throws SQLException {
    ProjectDefinition withIds = assignIds(c, def);
    int id = def.id();
    execute(c, "DELETE FROM redcap_data_access_groups WHERE project_id = ?", id);
    execute(c, "DELETE FROM redcap_user_roles WHERE project_id = ?", id);
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO redcap_data_access_groups (group_id, project_id, group_name, unique_name) VALUES (?, ?, ?, ?)")) {
      for (Dag d : withIds.dags()) {
        ps.setInt(1, d.id());
        ps.setInt(2, id);
        ps.setString(3, d.name());
        ps.setString(4, d.uniqueName());
        ps.addBatch();
      }
      ps.executeBatch();
    }
    writeRoles(c, withIds);
    return withIds;
  }

  /** Updates the settings (project info) of a project and its title. */
  public static void updateInfo(Connection c, ProjectDefinition def) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE redcap_projects SET title = ?, settings_json = ? WHERE project_id = ?")) {
      ps.setString(1, def.title());
      ps.setString(2, Json.write(ProjectInfoCodec.toMap(def.info())));
      ps.setInt(3, def.id());
      ps.executeUpdate();
    }
  }

  private static ProjectDefinition assignIds(Connection c, ProjectDefinition def)
      throws SQLException {
    List<Event> events = new ArrayList<>();
    for (Event e : def.events()) {
      events.add(e.id() == 0 ? e.withId(nextValue(c, "redcap_event_seq")) : e);
    }
    List<Dag> dags = new ArrayList<>();
    for (Dag d : def.dags()) {
      dags.add(d.id() == 0 ? d.withId(nextValue(c, "redcap_group_seq")) : d);
    }
    return def.toBuilder().events(events).dags(dags).build();
  }

  private static void writeStructure(Connection c, ProjectDefinition def) throws SQLException {
    int id = def.id();
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO redcap_forms (project_id, form_order, form_name, form_label) VALUES (?, ?, ?, ?)")) {
      int order = 0;
      for (Form f : def.forms()) {
        ps.setInt(1, id);
        ps.setInt(2, ++order);
        ps.setString(3, f.name());
        ps.setString(4, f.label());
        ps.addBatch();
      }
      ps.executeBatch();
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO redcap_metadata (project_id, field_order, field_name, form_name, section_header,"
                + " element_type, element_label, element_enum, element_note, element_validation_type,"
                + " element_validation_min, element_validation_max, field_phi, branching_logic, field_req,"
                + " custom_alignment, question_num, grid_name, grid_rank, misc)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      int order = 0;
      for (Field f : def.fields()) {
        int i = 0;
        ps.setInt(++i, id);
        ps.setInt(++i, ++order);
        ps.setString(++i, f.name());
        ps.setString(++i, f.formName());
        ps.setString(++i, f.sectionHeader());
        ps.setString(++i, f.type().apiName());
        ps.setString(++i, f.label());
        ps.setString(++i, f.choicesOrCalculation());
        ps.setString(++i, f.note());
        ps.setString(++i, f.validation());
        ps.setString(++i, f.validationMin());
        ps.setString(++i, f.validationMax());
        ps.setBoolean(++i, f.identifier());
        ps.setString(++i, f.branchingLogic());
        ps.setBoolean(++i, f.required());
        ps.setString(++i, f.customAlignment());
        ps.setString(++i, f.questionNumber());
        ps.setString(++i, f.matrixGroupName());
        ps.setBoolean(++i, f.matrixRanking());
        ps.setString(++i, f.annotation());
        ps.addBatch();
      }
      ps.executeBatch();
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO redcap_arms (project_id, arm_num, arm_name) VALUES (?, ?, ?)")) {
      for (Arm a : def.arms()) {
        ps.setInt(1, id);
        ps.setInt(2, a.number());
        ps.setString(3, a.name());
        ps.addBatch();
      }
      ps.executeBatch();
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO redcap_events (event_id, project_id, arm_num, event_order, descrip, unique_name,"
                + " custom_event_label, day_offset, offset_min, offset_max) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      int order = 0;
      for (Event e : def.events()) {
        ps.setInt(1, e.id());
        ps.setInt(2, id);
        ps.setInt(3, e.armNumber());
        ps.setInt(4, ++order);
        ps.setString(5, e.name());
        ps.setString(6, e.uniqueName());
        ps.setString(7, e.customLabel());
        ps.setDouble(8, e.dayOffset());
        ps.setDouble(9, e.offsetMin());
        ps.setDouble(10, e.offsetMax());
        ps.addBatch();
      }
      ps.executeBatch();
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO redcap_event_forms (event_id, form_name, form_order) VALUES (?, ?, ?)")) {
      for (Map.Entry<String, List<String>> e : def.eventForms().entrySet()) {
        Event event = def.event(e.getKey());
        if (event == null) {
          continue;
        }
        int order = 0;
        for (String form : e.getValue()) {
          ps.setInt(1, event.id());
          ps.setString(2, form);
          ps.setInt(3, ++order);
          ps.addBatch();
        }
      }
      ps.executeBatch();
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO redcap_repeat (event_id, form_name, custom_repeat_form_label, repeat_order) VALUES (?, ?, ?, ?)")) {
      int order = 0;
      for (RepeatingEntry r : def.repeating()) {
        Event event = def.event(r.eventUniqueName());
        if (event == null) {
          continue;
        }
        ps.setInt(1, event.id());
        ps.setString(2, r.isRepeatingEvent() ? "" : r.formName());
        ps.setString(3, r.customLabel());
        ps.setInt(4, ++order);
        ps.addBatch();
      }
      ps.executeBatch();
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO redcap_data_access_groups (group_id, project_id, group_name, unique_name) VALUES (?, ?, ?, ?)")) {
      for (Dag d : def.dags()) {
        ps.setInt(1, d.id());
        ps.setInt(2, id);
        ps.setString(3, d.name());
        ps.setString(4, d.uniqueName());
        ps.addBatch();
      }
      ps.executeBatch();
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO redcap_surveys (project_id, survey_order, form_name, title, attributes_json) VALUES (?, ?, ?, ?, ?)")) {
      int order = 0;
      for (Survey s : def.surveys()) {
        ps.setInt(1, id);
        ps.setInt(2, ++order);
        ps.setString(3, s.formName());
        ps.setString(4, s.title());
        ps.setString(5, Json.write(s.attributes()));
        ps.addBatch();
      }
      ps.executeBatch();
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO redcap_reports (project_id, report_order, unique_report_name, title, report_fields,"
                + " attributes_json) VALUES (?, ?, ?, ?, ?, ?)")) {
      int order = 0;
      for (Report r : def.reports()) {
        ps.setInt(1, id);
        ps.setInt(2, ++order);
        ps.setString(3, r.uniqueName());
        ps.setString(4, r.title());
        ps.setString(5, String.join(",", r.fields()));
        ps.setString(6, Json.write(r.attributes()));
        ps.addBatch();
      }
      ps.executeBatch();
    }
    writeRoles(c, def);
  }

  private static void writeRoles(Connection c, ProjectDefinition def) throws SQLException {
    int id = def.id();
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO redcap_user_roles (project_id, role_order, unique_role_name, role_label, attributes_json)"
                + " VALUES (?, ?, ?, ?, ?)")) {
      int order = 0;
      for (UserRole r : def.roles()) {
        ps.setInt(1, id);
        ps.setInt(2, ++order);
        ps.setString(3, r.uniqueRoleName());
        ps.setString(4, r.label());
        ps.setString(5, Json.write(r.attributes()));
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /** Every stored project, in project-id order. */
  public static List<ProjectDefinition> loadAll(Connection c) throws SQLException {
    List<ProjectDefinition> list = new ArrayList<>();
    Map<Integer, String> settings = new LinkedHashMap<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT project_id, settings_json FROM redcap_projects ORDER BY project_id")) {
      while (rs.next()) {
        settings.put(rs.getInt(1), rs.getString(2));
      }
    }
    for (Map.Entry<Integer, String> e : settings.entrySet()) {
      list.add(load(c, e.getKey(), ProjectInfoCodec.fromMap(Json.read(e.getValue()))));
    }
    return list;
  }

  private static ProjectDefinition load(Connection c, int id, ProjectInfo info)
      throws SQLException {
    List<Form> forms = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT form_name, form_label FROM redcap_forms WHERE project_id = ? ORDER BY form_order")) {
      ps.setInt(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          forms.add(new Form(rs.getString(1), rs.getString(2)));
        }
      }
    }
    List<Field> fields = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT field_name, form_name, section_header, element_type, element_label, element_enum, element_note,"
                + " element_validation_type, element_validation_min, element_validation_max, field_phi,"
                + " branching_logic, field_req, custom_alignment, question_num, grid_name, grid_rank, misc"
                + " FROM redcap_metadata WHERE project_id = ? ORDER BY field_order")) {
      ps.setInt(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          fields.add(
              Field.builder(rs.getString(1), rs.getString(2), FieldType.fromName(rs.getString(4)))
                  .sectionHeader(rs.getString(3))
                  .label(rs.getString(5))
                  .choicesOrCalculation(rs.getString(6))
                  .note(rs.getString(7))
                  .validation(rs.getString(8))
                  .validationMin(rs.getString(9))
                  .validationMax(rs.getString(10))
                  .identifier(rs.getBoolean(11))
                  .branchingLogic(rs.getString(12))
                  .required(rs.getBoolean(13))
                  .customAlignment(rs.getString(14))
                  .questionNumber(rs.getString(15))
                  .matrixGroupName(rs.getString(16))
                  .matrixRanking(rs.getBoolean(17))
                  .annotation(rs.getString(18))
                  .build());
        }
      }
    }
    List<Arm> arms = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT arm_num, arm_name FROM redcap_arms WHERE project_id = ? ORDER BY arm_num")) {
      ps.setInt(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          arms.add(new Arm(rs.getInt(1), rs.getString(2)));
        }
      }
    }
    List<Event> events = new ArrayList<>();
    Map<Integer, String> uniqueById = new LinkedHashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT event_id, arm_num, descrip, unique_name, custom_event_label, day_offset, offset_min, offset_max"
                + " FROM redcap_events WHERE project_id = ? ORDER BY event_order")) {
      ps.setInt(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Event e =
              new Event(
                  rs.getInt(1),
                  rs.getInt(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getDouble(6),
                  rs.getDouble(7),
                  rs.getDouble(8));
          events.add(e);
          uniqueById.put(e.id(), e.uniqueName());
        }
      }
    }
    Map<String, List<String>> eventForms = new LinkedHashMap<>();
    List<RepeatingEntry> repeating = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT f.event_id, f.form_name FROM redcap_event_forms f JOIN redcap_events e ON e.event_id = f.event_id"
                + " WHERE e.project_id = ? ORDER BY e.event_order, f.form_order")) {
      ps.setInt(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          eventForms
              .computeIfAbsent(uniqueById.get(rs.getInt(1)), k -> new ArrayList<>())
              .add(rs.getString(2));
        }
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT r.event_id, r.form_name, r.custom_repeat_form_label FROM redcap_repeat r"
                + " JOIN redcap_events e ON e.event_id = r.event_id WHERE e.project_id = ? ORDER BY r.repeat_order")) {
      ps.setInt(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String form = rs.getString(2);
          repeating.add(
              new RepeatingEntry(
                  uniqueById.get(rs.getInt(1)), form.isEmpty() ? null : form, rs.getString(3)));
        }
      }
    }
    List<Dag> dags = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT group_id, unique_name, group_name FROM redcap_data_access_groups WHERE project_id = ? ORDER BY group_id")) {
      ps.setInt(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          dags.add(new Dag(rs.getInt(1), rs.getString(2), rs.getString(3)));
        }
      }
    }
    List<Survey> surveys = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT form_name, title, attributes_json FROM redcap_surveys WHERE project_id = ? ORDER BY survey_order")) {
      ps.setInt(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          surveys.add(
              new Survey(rs.getString(1), rs.getString(2), Json.readStrings(rs.getString(3))));
        }
      }
    }
    List<Report> reports = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT unique_report_name, title, report_fields, attributes_json FROM redcap_reports"
                + " WHERE project_id = ? ORDER BY report_order")) {
      ps.setInt(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String f = rs.getString(3);
          reports.add(
              new Report(
                  rs.getString(1),
                  rs.getString(2),
                  f.isEmpty() ? List.of() : List.of(f.split(",")),
                  Json.readStrings(rs.getString(4))));
        }
      }
    }
    List<UserRole> roles = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT unique_role_name, role_label, attributes_json FROM redcap_user_roles WHERE project_id = ? ORDER BY role_order")) {
      ps.setInt(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          roles.add(
              new UserRole(rs.getString(1), rs.getString(2), Json.readStrings(rs.getString(3))));
        }
      }
    }
    return ProjectDefinition.builder(info)
        .id(id)
        .forms(forms)
        .fields(fields)
        .arms(arms)
        .events(events)
        .eventForms(eventForms)
        .repeating(repeating)
        .dags(dags)
        .surveys(surveys)
        .reports(reports)
        .roles(roles)
        .build();
  }

  static int nextValue(Connection c, String sequence) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT NEXT VALUE FOR " + sequence)) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private static void execute(Connection c, String sql, int projectId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setInt(1, projectId);
      ps.executeUpdate();
    }
  }
}
