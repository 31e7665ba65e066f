package org.redcapjdbc.schema;

import static org.redcapjdbc.schema.SystemTable.SystemColumn.integer;
import static org.redcapjdbc.schema.SystemTable.SystemColumn.key;
import static org.redcapjdbc.schema.SystemTable.SystemColumn.text;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.schema.Table;
import org.apache.calcite.sql.type.SqlTypeName;
import org.redcapjdbc.client.RedcapClient;
import org.redcapjdbc.model.Arm;
import org.redcapjdbc.model.Choice;
import org.redcapjdbc.model.Event;
import org.redcapjdbc.model.ExportFieldName;
import org.redcapjdbc.model.Field;
import org.redcapjdbc.model.FormEventMapping;
import org.redcapjdbc.model.Instrument;
import org.redcapjdbc.model.ProjectModel;
import org.redcapjdbc.schema.SystemTable.SystemColumn;

/**
 * The tables of the {@code meta} schema. The project's structure (dictionary, field names,
 * choices, instruments, events, arms, mappings, repeating setup, project info) comes from the
 * connection's snapshot and costs no request; users, roles, DAGs and their mappings are exported
 * afresh by each query, since they are what administrators change. Columns carry REDCap's API
 * names; a value REDCap leaves blank is NULL. Classic projects have empty {@code events},
 * {@code arms} and {@code form_event_mapping} tables (REDCap answers those calls with 400 there).
 */
final class SystemTables {
  /** The data dictionary's columns, in the API's order. */
  static final List<String> METADATA_COLUMNS =
      List.of(
          "field_name",
          "form_name",
          "section_header",
          "field_type",
          "field_label",
          "select_choices_or_calculations",
          "field_note",
          "text_validation_type_or_show_slider_number",
          "text_validation_min",
          "text_validation_max",
          "identifier",
          "branching_logic",
          "required_field",
          "custom_alignment",
          "question_number",
          "matrix_group_name",
          "matrix_ranking",
          "field_annotation");

  /** Project attributes as REDCap 15 exports them (content=project). */
  static final List<String> PROJECT_INFO_COLUMNS =
      List.of(
          "project_id",
          "project_title",
          "creation_time",
          "production_time",
          "in_production",
          "project_language",
          "purpose",
          "purpose_other",
          "project_notes",
          "custom_record_label",
          "secondary_unique_field",
          "is_longitudinal",
          "has_repeating_instruments_or_events",
          "surveys_enabled",
          "scheduling_enabled",
          "record_autonumbering_enabled",
          "randomization_enabled",
          "ddp_enabled",
          "project_irb_number",
          "project_grant_number",
          "project_pi_firstname",
          "project_pi_lastname",
          "project_pi_email",
          "display_today_now_button",
          "missing_data_codes",
          "external_modules",
          "bypass_branching_erase_field_prompt");

  /** The rights columns users and roles share (values as REDCap exports them). */
  private static final List<String> RIGHTS =
      List.of(
          "design",
          "alerts",
          "user_rights",
          "data_access_groups",
          "reports",
          "stats_and_charts",
          "manage_survey_participants",
          "calendar",
          "data_import_tool",
          "data_comparison_tool",
          "logging",
          "email_logging",
          "file_repository",
          "data_quality_create",
          "data_quality_execute",
          "api_export",
          "api_import",
          "api_modules",
          "mobile_app",
          "mobile_app_download_data",
          "record_create",
          "record_rename",
          "record_delete",
          "lock_records_all_forms",
          "lock_records",
          "lock_records_customization",
          "random_setup",
          "random_dashboard",
          "random_perform",
          "mycap_participants",
          "forms",
          "forms_export");

  private SystemTables() {}

  /** Every system table by name, in the order tools list them. */
  static Map<String, Table> all(ProjectSession session, Map<String, String> dataTableOfForm) {
    ProjectModel model = session.model();
    RedcapClient client = session.client();
    Map<String, Table> t = new LinkedHashMap<>();
    t.put("metadata", metadata(model));
    t.put("field_names", fieldNames(model));
    t.put("choices", choices(model));
    t.put("instruments", instruments(model, dataTableOfForm));
    t.put("events", events(model));
    t.put("arms", arms(model));
    t.put("form_event_mapping", formEventMapping(model));
    t.put("repeating_forms_events", repeatingFormsEvents(session));
    t.put("users", users(client));
    t.put("user_roles", userRoles(client));
    t.put("user_role_mapping", userRoleMapping(client));
    t.put("dags", dags(client));
    t.put("user_dag_mapping", userDagMapping(client));
    t.put("project_info", projectInfo(model));
    t.put("files", new FilesTable(session));
    t.put("log", new LogTable(session));
    t.put("file_repository", new FileRepositoryTable(session));
    return writable(session, t);
  }

  /**
   * Gives the tables that REDCap's API can change their writes ({@link StructureWrites}), and
   * every other one the sentence that explains why it cannot be changed.
   */
  private static Map<String, Table> writable(ProjectSession session, Map<String, Table> tables) {
    Map<String, String> why =
        Map.of(
            "metadata",
                "the data dictionary is changed in REDCap's Online Designer or by a data"
                    + " dictionary upload, not through SQL.",
            "field_names", "it is computed from the data dictionary.",
            "choices",
                "it is computed from the data dictionary (change the field's choices in"
                    + " REDCap).",
            "instruments", "instruments are part of the data dictionary, changed in REDCap.",
            "repeating_forms_events",
                "REDCap replaces the whole repeating setup at once; change it"
                    + " in the project setup in REDCap.",
            "project_info", "project settings are changed in REDCap.",
            "user_roles", "roles are managed on REDCap's User Rights page.",
            "user_role_mapping", "roles are assigned on REDCap's User Rights page.",
            "user_dag_mapping",
                "users are assigned to groups on REDCap's DAG page, or by UPDATE of"
                    + " "
                    + session.metaSchema()
                    + ".users SET data_access_group.");
    Map<String, Table> out = new LinkedHashMap<>();
    for (Map.Entry<String, Table> e : tables.entrySet()) {
      Table table = e.getValue();
      if (table instanceof SystemTable system) {
        List<SystemColumn> columns = system.columns();
        String name = session.metaSchema() + "." + e.getKey();
        switch (e.getKey()) {
          case "arms":
            table = system.writable(StructureWrites.arms(session, columns));
            break;
          case "events":
            table = system.writable(StructureWrites.events(session, columns));
            break;
          case "dags":
            table = system.writable(StructureWrites.dags(session, columns));
            break;
          case "users":
            table = system.writable(StructureWrites.users(session, columns));
            break;
          case "form_event_mapping":
            table = system.writable(StructureWrites.formEventMapping(session, columns));
            break;
          default:
            table =
                system.readOnly(
                    name, why.getOrDefault(e.getKey(), "it cannot be changed through SQL."));
        }
      }
      out.put(e.getKey(), table);
    }
    return out;
  }

  private static SystemTable metadata(ProjectModel model) {
    List<SystemColumn> columns = new ArrayList<>();
    for (String name : METADATA_COLUMNS) {
      boolean required =
          name.equals("field_name") || name.equals("form_name") || name.equals("field_type");
      columns.add(
          new SystemColumn(name, SqlTypeName.VARCHAR, !required, "Data dictionary column " + name));
    }
    List<Map<String, String>> rows = new ArrayList<>();
    for (Field f : model.fields()) {
      rows.add(f.dictionaryRow());
    }
    return SystemTable.fixed(
        "The data dictionary (content=metadata): one row per field, in"
            + " dictionary order; the first is the record-ID field",
        columns,
        List.of("field_name"),
        SystemTable.fromMaps(rows, columns));
  }

  private static SystemTable fieldNames(ProjectModel model) {
    List<SystemColumn> columns =
        List.of(
            key("original_field_name", "The field in the data dictionary"),
            text("choice_value", "The checkbox option's code; NULL for other fields"),
            key("export_field_name", "The column name in exports and in the records table"));
    List<Object[]> rows = new ArrayList<>();
    for (ExportFieldName e : model.exportFieldNames()) {
      rows.add(
          new Object[] {
            e.originalFieldName(), e.choiceCode().isEmpty() ? null : e.choiceCode(), e.exportName()
          });
    }
    return SystemTable.fixed(
        "Export column names and the field and checkbox option each comes"
            + " from (content=exportFieldNames; file fields included)",
        columns,
        List.of("export_field_name"),
        rows);
  }

  private static SystemTable choices(ProjectModel model) {
    List<SystemColumn> columns =
        List.of(
            key("field_name", "The radio, dropdown, checkbox, yes/no or true/false field"),
            key("code", "The code REDCap stores and exports"),
            text("label", "The choice's label as the dictionary writes it (HTML kept)"),
            integer("sort_order", false, "The choice's position in the field's list, from 1"));
    List<Object[]> rows = new ArrayList<>();
    for (Field f : model.fields()) {
      int position = 1;
      for (Choice c : f.choices()) {
        rows.add(new Object[] {f.name(), c.code(), c.label(), position++});
      }
    }
    return SystemTable.fixed(
        "The choices of coded fields, parsed from the data dictionary",
        columns,
        List.of("field_name", "code"),
        rows);
  }

  private static SystemTable instruments(ProjectModel model, Map<String, String> tableOfForm) {
    List<SystemColumn> columns =
        List.of(
            key("instrument_name", "The instrument's unique name"),
            text("instrument_label", "The instrument's label"),
            key("table_name", "Its table in the redcap schema"),
            new SystemColumn(
                "repeating",
                SqlTypeName.BOOLEAN,
                false,
                "Whether it repeats as an instrument (in at least one event)"));
    List<Object[]> rows = new ArrayList<>();
    for (Instrument i : model.instruments()) {
      rows.add(
          new Object[] {
            i.name(),
            i.label(),
            tableOfForm.getOrDefault(i.name(), i.name()),
            i.repeatsAsInstrument()
          });
    }
    return SystemTable.fixed(
        "The instruments (forms) in project order (content=instrument)",
        columns,
        List.of("instrument_name"),
        rows);
  }

  private static SystemTable events(ProjectModel model) {
    List<SystemColumn> columns =
        List.of(
            text("event_name", "The event's display name"),
            integer("arm_num", false, "The arm's number"),
            key("unique_event_name", "The value of redcap_event_name"),
            text("custom_event_label", "The custom event label"),
            new SystemColumn("event_id", SqlTypeName.BIGINT, true, "REDCap's numeric event id"),
            new SystemColumn(
                "repeating", SqlTypeName.BOOLEAN, false, "Whether the whole event repeats"));
    List<Object[]> rows = new ArrayList<>();
    for (Event e : model.events()) {
      rows.add(
          new Object[] {
            e.name(),
            e.armNumber(),
            e.uniqueName(),
            e.customLabel().isEmpty() ? null : e.customLabel(),
            e.id().isPresent() ? (Object) e.id().getAsLong() : null,
            e.isRepeating()
          });
    }
    return SystemTable.fixed(
        "The events of a longitudinal project (content=event); empty for a" + " classic project",
        columns,
        List.of("unique_event_name"),
        rows);
  }

  private static SystemTable arms(ProjectModel model) {
    List<SystemColumn> columns =
        List.of(integer("arm_num", false, "The arm's number"), text("name", "The arm's name"));
    List<Object[]> rows = new ArrayList<>();
    for (Arm a : model.arms()) {
      rows.add(new Object[] {a.number(), a.name()});
    }
    return SystemTable.fixed(
        "The arms of a longitudinal project (content=arm); empty for a" + " classic project",
        columns,
        List.of("arm_num"),
        rows);
  }

  private static SystemTable formEventMapping(ProjectModel model) {
    List<SystemColumn> columns =
        List.of(
            integer("arm_num", false, "The event's arm"),
            key("unique_event_name", "The event"),
            key("form", "The instrument designated for the event"));
    List<Object[]> rows = new ArrayList<>();
    for (FormEventMapping m : model.formEventMappings()) {
      rows.add(new Object[] {m.armNumber(), m.uniqueEventName(), m.form()});
    }
    return SystemTable.fixed(
        "Which instruments are designated for which events"
            + " (content=formEventMapping); empty for a classic project",
        columns,
        List.of("unique_event_name", "form"),
        rows);
  }

  private static SystemTable repeatingFormsEvents(ProjectSession session) {
    List<SystemColumn> columns =
        List.of(
            text("event_name", "The event (longitudinal projects); NULL in classic projects"),
            text("form_name", "The repeating instrument; NULL when the whole event repeats"),
            text("custom_form_label", "The label REDCap shows for each instance"));
    return SystemTable.fixed(
        "The repeating instruments and events (content=repeatingFormsEvents)",
        columns,
        List.of(),
        SystemTable.fromMaps(session.snapshot().repeatingFormsEvents(), columns));
  }

  private static SystemTable projectInfo(ProjectModel model) {
    List<SystemColumn> columns = new ArrayList<>();
    for (String name : PROJECT_INFO_COLUMNS) {
      columns.add(text(name, "Project attribute " + name + ", as REDCap exports it"));
    }
    return SystemTable.fixed(
        "The project's attributes (content=project): one row",
        columns,
        List.of(),
        SystemTable.fromMaps(List.of(model.projectInfo()), columns));
  }

  private static SystemTable users(RedcapClient client) {
    List<SystemColumn> columns = new ArrayList<>();
    columns.add(key("username", "The user's REDCap user name"));
    for (String name :
        List.of(
            "email",
            "firstname",
            "lastname",
            "expiration",
            "data_access_group",
            "data_access_group_id")) {
      columns.add(text(name, "User attribute " + name));
    }
    for (String right : RIGHTS) {
      columns.add(text(right, "Right " + right + ", as REDCap exports it"));
    }
    return SystemTable.live(
        "The project's users and their rights (content=user), read when" + " queried",
        columns,
        List.of("username"),
        () -> SystemTable.fromMaps(client.users().exportUsers(), columns));
  }

  private static SystemTable userRoles(RedcapClient client) {
    List<SystemColumn> columns = new ArrayList<>();
    columns.add(key("unique_role_name", "The role's unique name, e.g. U-942MC93HH8"));
    columns.add(text("role_label", "The role's label"));
    for (String right : RIGHTS) {
      columns.add(text(right, "Right " + right + ", as REDCap exports it"));
    }
    return SystemTable.live(
        "The project's user roles (content=userRole), read when queried",
        columns,
        List.of("unique_role_name"),
        () -> SystemTable.fromMaps(client.users().exportUserRoles(), columns));
  }

  private static SystemTable userRoleMapping(RedcapClient client) {
    List<SystemColumn> columns =
        List.of(key("username", "The user"), text("unique_role_name", "The user's role"));
    return SystemTable.live(
        "Which user has which role (content=userRoleMapping), read when" + " queried",
        columns,
        List.of("username"),
        () -> SystemTable.fromMaps(client.users().exportUserRoleMappings(), columns));
  }

  private static SystemTable dags(RedcapClient client) {
    List<SystemColumn> columns =
        List.of(
            text("data_access_group_name", "The group's name"),
            key("unique_group_name", "The value of redcap_data_access_group"),
            new SystemColumn(
                "data_access_group_id",
                SqlTypeName.BIGINT,
                true,
                "REDCap's numeric group id (REDCap 13.1 and later)"));
    return SystemTable.live(
        "The data access groups (content=dag), read when queried",
        columns,
        List.of("unique_group_name"),
        () -> SystemTable.fromMaps(client.users().exportDags(), columns));
  }

  private static SystemTable userDagMapping(RedcapClient client) {
    List<SystemColumn> columns =
        List.of(
            key("username", "The user"),
            text("redcap_data_access_group", "The user's data access group"));
    return SystemTable.live(
        "Which user is in which data access group (content=userDagMapping)," + " read when queried",
        columns,
        List.of("username"),
        () -> SystemTable.fromMaps(client.users().exportUserDagMappings(), columns));
  }
}
