package org.redcapjdbc.emulator.odm;

import static org.redcapjdbc.emulator.odm.OdmMarkup.a;

import java.io.IOException;
import java.io.Writer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.redcapjdbc.emulator.api.record.RecordRows;
import org.redcapjdbc.emulator.model.Choice;
import org.redcapjdbc.emulator.model.Dag;
import org.redcapjdbc.emulator.model.Event;
import org.redcapjdbc.emulator.model.Field;
import org.redcapjdbc.emulator.model.FieldType;
import org.redcapjdbc.emulator.model.Form;
import org.redcapjdbc.emulator.model.ProjectDefinition;
import org.redcapjdbc.emulator.odm.OdmWriter.Options;
import org.redcapjdbc.emulator.store.RecordData;
import org.redcapjdbc.emulator.store.RecordHeader;
import org.redcapjdbc.emulator.store.RecordStore;

/**
 * Writes the content of {@code <ClinicalData>}: one SubjectData per record, its events,
 * forms, item groups and items (checkbox options as 0/1, files as their name or base64 content),
 * loading records a chunk at a time so a large project streams.
 *
 * <p>Separate from the study part ({@link GlobalVariablesWriter}, {@link MetaDataWriter}) because
 * it reads the database while writing and applies the export's options (fields, filters, DAG and
 * survey items); it shares with {@link MetaDataWriter} only the item grouping.
 */
final class ClinicalDataWriter {
  /** Records loaded from the database per round, so memory stays flat however many are exported. */
  private static final int CHUNK = 200;

  private final ProjectDefinition def;
  private final Writer out;
  private final boolean exportFiles;

  /**
   * A writer for one document.
   *
   * @param exportFiles write file fields as base64 content rather than as their file name
   */
  ClinicalDataWriter(ProjectDefinition def, Writer out, boolean exportFiles) {
    this.def = def;
    this.out = out;
    this.exportFiles = exportFiles;
  }

  /** The records of {@code headers} (export order), as {@code options} select them. */
  void write(Connection c, List<RecordHeader> headers, Options options)
      throws IOException, SQLException {
    for (int start = 0; start < headers.size(); start += CHUNK) {
      List<RecordHeader> chunk = headers.subList(start, Math.min(headers.size(), start + CHUNK));
      Map<String, RecordData> data = RecordStore.load(c, def.id(), chunk);
      for (RecordData record : data.values()) {
        List<List<RecordRows.Row>> groups = options.groups().apply(record);
        if (groups.isEmpty()) {
          continue;
        }
        out.write(
            "\t<SubjectData SubjectKey=\""
                + a(record.record())
                + "\" redcap:RecordIdField=\""
                + a(def.recordIdField().name())
                + "\">\n");
        for (List<RecordRows.Row> group : groups) {
          subjectEvent(c, record, group, options);
        }
        out.write("\t</SubjectData>\n");
      }
    }
  }

  private void subjectEvent(
      Connection c, RecordData record, List<RecordRows.Row> group, Options options)
      throws IOException, SQLException {
    Event event = group.get(0).event();
    boolean longitudinal = def.isLongitudinal();
    boolean repeatingEvent = def.isRepeatingEvent(event);
    Integer openEventInstance = null;
    for (RecordRows.Row row : group) {
      int eventInstance = repeatingEvent ? row.instance() : 1;
      if (longitudinal && (openEventInstance == null || openEventInstance != eventInstance)) {
        if (openEventInstance != null) {
          out.write("\t\t</StudyEventData>\n");
        }
        out.write(
            "\t\t<StudyEventData StudyEventOID=\"Event."
                + a(event.uniqueName())
                + "\" StudyEventRepeatKey=\""
                + eventInstance
                + "\" redcap:UniqueEventName=\""
                + a(event.uniqueName())
                + "\">\n");
        openEventInstance = eventInstance;
      }
      for (Form form : def.formsOf(event)) {
        if (!RecordRows.applies(def, row, form)) {
          continue;
        }
        formData(c, record, row, form, options, longitudinal ? "\t\t\t" : "\t\t");
      }
    }
    if (openEventInstance != null) {
      out.write("\t\t</StudyEventData>\n");
    }
  }

  private void formData(
      Connection c,
      RecordData record,
      RecordRows.Row row,
      Form form,
      Options options,
      String indent)
      throws IOException, SQLException {
    int event = row.event().id();
    int instance = row.instance();
    boolean isRecordIdForm =
        form.name().equals(def.recordIdField().formName())
            && row.repeatForm() == null
            && (!def.isRepeatingEvent(row.event()) || instance == 1);
    boolean hasData = isRecordIdForm || record.has(event, instance, form.completeField());
    for (Field f : def.fieldsOf(form.name())) {
      if (record.has(event, instance, f.name())) {
        hasData = true;
        break;
      }
    }
    if (!hasData) {
      return;
    }
    int formKey = row.repeatForm() != null ? instance : 1;
    out.write(
        indent
            + "<FormData FormOID=\"Form."
            + a(form.name())
            + "\" FormRepeatKey=\""
            + formKey
            + "\">\n");
    String groupIndent = indent + "\t";
    // The groups the MetaDataVersion declared for this form.
    for (List<String> group : MetaDataWriter.itemGroups(def, form)) {
      StringBuilder items = new StringBuilder();
      for (String name : group) {
        items.append(items(c, record, row, form, name, options, groupIndent + "\t"));
      }
      if (items.length() > 0) {
        out.write(
            groupIndent
                + "<ItemGroupData ItemGroupOID=\""
                + a(form.name() + "." + group.get(0))
                + "\" ItemGroupRepeatKey=\"1\">\n");
        out.write(items.toString());
        out.write(groupIndent + "</ItemGroupData>\n");
      }
    }
    out.write(indent + "</FormData>\n");
  }

  private String items(
      Connection c,
      RecordData record,
      RecordRows.Row row,
      Form form,
      String name,
      Options options,
      String indent)
      throws SQLException {
    int event = row.event().id();
    int instance = row.instance();
    StringBuilder sb = new StringBuilder();
    boolean selected = options.fields() == null || options.fields().contains(name);
    Field f = def.field(name);
    if (f == def.recordIdField()) {
      sb.append(indent)
          .append("<ItemData ItemOID=\"")
          .append(a(name))
          .append("\" Value=\"")
          .append(a(record.record()))
          .append("\"/>\n");
      if (options.dags() && record.header().groupId() != null) {
        Dag dag = def.dag(record.header().groupId());
        if (dag != null) {
          sb.append(indent)
              .append("<ItemData ItemOID=\"redcap_data_access_group\" Value=\"")
              .append(a(dag.uniqueName()))
              .append("\"/>\n");
        }
      }
      if (options.surveyFields()
          && def.hasSurveys()
          && !record.header().surveyIdentifier().isEmpty()) {
        sb.append(indent)
            .append("<ItemData ItemOID=\"redcap_survey_identifier\" Value=\"")
            .append(a(record.header().surveyIdentifier()))
            .append("\"/>\n");
      }
      return sb.toString();
    }
    if (!selected) {
      return "";
    }
    if (f == null) {
      String status = record.value(event, instance, name);
      if (!status.isEmpty()) {
        if (options.surveyFields() && def.hasSurveys() && def.survey(form.name()) != null) {
          String ts = record.surveyTimestamp(event, form.name(), instance);
          if (!ts.isEmpty()) {
            sb.append(indent)
                .append("<ItemData ItemOID=\"")
                .append(a(form.timestampField()))
                .append("\" Value=\"")
                .append(a(ts))
                .append("\"/>\n");
          }
        }
        sb.append(indent)
            .append("<ItemData ItemOID=\"")
            .append(a(name))
            .append("\" Value=\"")
            .append(a(status))
            .append("\"/>\n");
      }
      return sb.toString();
    }
    if (f.isCheckbox()) {
      for (Choice ch : f.choices()) {
        sb.append(indent)
            .append("<ItemData ItemOID=\"")
            .append(a(f.checkboxColumn(ch)))
            .append("\" Value=\"")
            .append(record.checked(event, instance, name, ch.code()) ? "1" : "0")
            .append("\"/>\n");
      }
      return sb.toString();
    }
    String value = record.value(event, instance, name);
    if (value.isEmpty()) {
      return "";
    }
    if (f.type() == FieldType.FILE) {
      String[] doc = document(c, value);
      if (doc == null) {
        sb.append(indent)
            .append("<ItemData ItemOID=\"")
            .append(a(name))
            .append("\" Value=\"")
            .append(a(value))
            .append("\"/>\n");
      } else if (exportFiles) {
        sb.append(indent)
            .append("<ItemDataBase64Binary ItemOID=\"")
            .append(a(name))
            .append("\" redcap:DocName=\"")
            .append(a(doc[0]))
            .append("\" redcap:MimeType=\"")
            .append(a(doc[1]))
            .append("\"><![CDATA[")
            .append(doc[2])
            .append("]]></ItemDataBase64Binary>\n");
      } else {
        sb.append(indent)
            .append("<ItemData ItemOID=\"")
            .append(a(name))
            .append("\" Value=\"")
            .append(a(doc[0]))
            .append("\"/>\n");
      }
      return sb.toString();
    }
    sb.append(indent)
        .append("<ItemData ItemOID=\"")
        .append(a(name))
        .append("\" Value=\"")
        .append(a(value))
        .append("\"/>\n");
    return sb.toString();
  }

  /** Name, MIME type and base64 content of a stored document, or null when {@code value} is no doc id. */
  private String[] document(Connection c, String value) throws SQLException {
    int id;
    try {
      id = Integer.parseInt(value);
    } catch (NumberFormatException e) {
      return null;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT doc_name, mime_type, content FROM redcap_edocs WHERE doc_id = ? AND project_id = ?")) {
      ps.setInt(1, id);
      ps.setInt(2, def.id());
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        byte[] content = rs.getBytes(3);
        return new String[] {
          rs.getString(1),
          rs.getString(2),
          java.util.Base64.getEncoder().encodeToString(content == null ? new byte[0] : content)
        };
      }
    }
  }
}
