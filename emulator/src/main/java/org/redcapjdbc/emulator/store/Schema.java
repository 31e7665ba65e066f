package org.redcapjdbc.emulator.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * DDL of the emulator's tables, modelled on REDCap's: one EAV data table keyed by project,
 * event, record, field and instance (a checkbox stores one row per checked code), beside tables
 * for projects, instruments, the dictionary, arms, events, mappings, repeating set-up, DAGs,
 * users, tokens, files and survey timestamps, the log, the File Repository and survey participants.
 */
final class Schema {
  private Schema() {}

  private static final String[] DDL = {
    "CREATE SEQUENCE IF NOT EXISTS redcap_project_seq START WITH 1",
    "CREATE SEQUENCE IF NOT EXISTS redcap_event_seq START WITH 101",
    "CREATE SEQUENCE IF NOT EXISTS redcap_group_seq START WITH 1",
    "CREATE SEQUENCE IF NOT EXISTS redcap_doc_seq START WITH 1",
    "CREATE SEQUENCE IF NOT EXISTS redcap_token_seq START WITH 1",
    "CREATE SEQUENCE IF NOT EXISTS redcap_record_seq START WITH 1",
    "CREATE TABLE IF NOT EXISTS redcap_projects ("
        + " project_id INT PRIMARY KEY, title VARCHAR NOT NULL, settings_json CLOB NOT NULL)",
    "CREATE TABLE IF NOT EXISTS redcap_forms ("
        + " project_id INT NOT NULL, form_order INT NOT NULL, form_name VARCHAR NOT NULL,"
        + " form_label VARCHAR NOT NULL, PRIMARY KEY (project_id, form_name))",
    "CREATE TABLE IF NOT EXISTS redcap_metadata ("
        + " project_id INT NOT NULL, field_order INT NOT NULL, field_name VARCHAR NOT NULL,"
        + " form_name VARCHAR NOT NULL, section_header VARCHAR NOT NULL, element_type VARCHAR NOT NULL,"
        + " element_label VARCHAR NOT NULL, element_enum VARCHAR NOT NULL, element_note VARCHAR NOT NULL,"
        + " element_validation_type VARCHAR NOT NULL, element_validation_min VARCHAR NOT NULL,"
        + " element_validation_max VARCHAR NOT NULL, field_phi BOOLEAN NOT NULL,"
        + " branching_logic VARCHAR NOT NULL, field_req BOOLEAN NOT NULL, custom_alignment VARCHAR NOT NULL,"
        + " question_num VARCHAR NOT NULL, grid_name VARCHAR NOT NULL, grid_rank BOOLEAN NOT NULL,"
        + " misc VARCHAR NOT NULL, PRIMARY KEY (project_id, field_name))",
    "CREATE TABLE IF NOT EXISTS redcap_arms ("
        + " project_id INT NOT NULL, arm_num INT NOT NULL, arm_name VARCHAR NOT NULL,"
        + " PRIMARY KEY (project_id, arm_num))",
    "CREATE TABLE IF NOT EXISTS redcap_events ("
        + " event_id INT PRIMARY KEY, project_id INT NOT NULL, arm_num INT NOT NULL, event_order INT NOT NULL,"
        + " descrip VARCHAR NOT NULL, unique_name VARCHAR NOT NULL, custom_event_label VARCHAR NOT NULL,"
        + " day_offset DOUBLE NOT NULL, offset_min DOUBLE NOT NULL, offset_max DOUBLE NOT NULL)",
    "CREATE TABLE IF NOT EXISTS redcap_event_forms ("
        + " event_id INT NOT NULL, form_name VARCHAR NOT NULL, form_order INT NOT NULL,"
        + " PRIMARY KEY (event_id, form_name))",
    // form_name '' marks a repeating event.
    "CREATE TABLE IF NOT EXISTS redcap_repeat ("
        + " event_id INT NOT NULL, form_name VARCHAR NOT NULL, custom_repeat_form_label VARCHAR NOT NULL,"
        + " repeat_order INT NOT NULL, PRIMARY KEY (event_id, form_name))",
    "CREATE TABLE IF NOT EXISTS redcap_data_access_groups ("
        + " group_id INT PRIMARY KEY, project_id INT NOT NULL, group_name VARCHAR NOT NULL,"
        + " unique_name VARCHAR NOT NULL)",
    "CREATE TABLE IF NOT EXISTS redcap_surveys ("
        + " project_id INT NOT NULL, survey_order INT NOT NULL, form_name VARCHAR NOT NULL,"
        + " title VARCHAR NOT NULL, attributes_json CLOB NOT NULL, PRIMARY KEY (project_id, form_name))",
    "CREATE TABLE IF NOT EXISTS redcap_reports ("
        + " project_id INT NOT NULL, report_order INT NOT NULL, unique_report_name VARCHAR NOT NULL,"
        + " title VARCHAR NOT NULL, report_fields VARCHAR NOT NULL, attributes_json CLOB NOT NULL)",
    "CREATE TABLE IF NOT EXISTS redcap_user_roles ("
        + " project_id INT NOT NULL, role_order INT NOT NULL, unique_role_name VARCHAR NOT NULL,"
        + " role_label VARCHAR NOT NULL, attributes_json CLOB NOT NULL)",
    "CREATE TABLE IF NOT EXISTS redcap_users ("
        + " project_id INT NOT NULL, username VARCHAR NOT NULL, email VARCHAR NOT NULL,"
        + " firstname VARCHAR NOT NULL, lastname VARCHAR NOT NULL, expiration VARCHAR NOT NULL,"
        + " group_id INT, unique_role_name VARCHAR, rights_json CLOB NOT NULL,"
        + " PRIMARY KEY (project_id, username))",
    "CREATE TABLE IF NOT EXISTS redcap_tokens ("
        + " api_token VARCHAR PRIMARY KEY, project_id INT NOT NULL, username VARCHAR NOT NULL,"
        + " created_seq BIGINT DEFAULT NEXT VALUE FOR redcap_token_seq)",
    "CREATE TABLE IF NOT EXISTS redcap_records ("
        + " record_pk INT PRIMARY KEY, project_id INT NOT NULL, record VARCHAR NOT NULL, sort_key VARCHAR NOT NULL,"
        + " group_id INT, survey_identifier VARCHAR NOT NULL DEFAULT '', created_at TIMESTAMP, modified_at TIMESTAMP,"
        + " CONSTRAINT redcap_records_name UNIQUE (project_id, record))",
    "CREATE INDEX IF NOT EXISTS redcap_records_sort ON redcap_records (project_id, sort_key)",
    // The EAV table. data_key = record_pk * 2^24 + n clusters it by record: a record's rows are one
    // key
    // range, in storage order, so no secondary index is needed, and the key carries the record (and
    // through it the project) so rows stay narrow. redcap_data_view spells the key out.
    "CREATE TABLE IF NOT EXISTS redcap_data ("
        + " data_key BIGINT PRIMARY KEY, event_id INT NOT NULL, field_name VARCHAR NOT NULL, instance INT NOT NULL,"
        + " data_value VARCHAR NOT NULL)",
    "CREATE OR REPLACE VIEW redcap_data_view AS SELECT r.project_id, d.event_id, r.record, d.field_name,"
        + " d.instance, d.data_value AS \"value\", d.data_key FROM redcap_data d JOIN redcap_records r"
        + " ON r.record_pk = CAST(d.data_key / 16777216 AS INT)",
    "CREATE TABLE IF NOT EXISTS redcap_survey_timestamps ("
        + " record_pk INT NOT NULL, event_id INT NOT NULL, form_name VARCHAR NOT NULL, instance INT NOT NULL,"
        + " completion_time VARCHAR NOT NULL, PRIMARY KEY (record_pk, event_id, form_name, instance))",
    "CREATE TABLE IF NOT EXISTS redcap_edocs ("
        + " doc_id INT PRIMARY KEY, project_id INT NOT NULL, doc_name VARCHAR NOT NULL,"
        + " mime_type VARCHAR NOT NULL, doc_size BIGINT NOT NULL, content BLOB, stored_at TIMESTAMP)",
    // Per-form rights of users (JSON objects form -> level); NULL means full rights on every form.
    "ALTER TABLE redcap_users ADD COLUMN IF NOT EXISTS forms_json CLOB",
    "ALTER TABLE redcap_users ADD COLUMN IF NOT EXISTS forms_export_json CLOB",
    // The DAGs a user may switch to (REDCap's DAG Switcher).
    "CREATE TABLE IF NOT EXISTS redcap_data_access_groups_users ("
        + " project_id INT NOT NULL, username VARCHAR NOT NULL, group_id INT NOT NULL,"
        + " PRIMARY KEY (project_id, username, group_id))",
    "CREATE SEQUENCE IF NOT EXISTS redcap_log_seq START WITH 1",
    "CREATE TABLE IF NOT EXISTS redcap_log_event ("
        + " log_id BIGINT PRIMARY KEY, project_id INT NOT NULL, ts TIMESTAMP NOT NULL, username VARCHAR NOT NULL,"
        + " log_type VARCHAR NOT NULL, action VARCHAR NOT NULL, details VARCHAR NOT NULL, record VARCHAR NOT NULL,"
        + " group_id INT)",
    "CREATE INDEX IF NOT EXISTS redcap_log_event_project ON redcap_log_event (project_id, log_id)",
    // The File Repository: folders, and which stored documents are repository files (and where).
    "CREATE SEQUENCE IF NOT EXISTS redcap_folder_seq START WITH 1",
    "CREATE TABLE IF NOT EXISTS redcap_docs_folders ("
        + " folder_id INT PRIMARY KEY, project_id INT NOT NULL, parent_folder_id INT, name VARCHAR NOT NULL,"
        + " dag_id INT, role_id INT)",
    "CREATE TABLE IF NOT EXISTS redcap_docs ("
        + " doc_id INT PRIMARY KEY, project_id INT NOT NULL, folder_id INT, deleted_at TIMESTAMP)",
    // Survey participants: the codes of one record's response to one survey (event, instance).
    "CREATE TABLE IF NOT EXISTS redcap_surveys_participants ("
        + " project_id INT NOT NULL, form_name VARCHAR NOT NULL, event_id INT NOT NULL, record VARCHAR NOT NULL,"
        + " instance INT NOT NULL, hash VARCHAR NOT NULL, access_code VARCHAR NOT NULL, return_code VARCHAR NOT NULL,"
        + " PRIMARY KEY (project_id, form_name, event_id, record, instance))",
    "CREATE TABLE IF NOT EXISTS redcap_surveys_queue_hashes ("
        + " project_id INT NOT NULL, record VARCHAR NOT NULL, hash VARCHAR NOT NULL, PRIMARY KEY (project_id, record))",
  };

  static void create(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      for (String ddl : DDL) {
        s.execute(ddl);
      }
    }
  }
}
