package org.redcapjdbc.emulator.odm;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.redcapjdbc.emulator.api.record.RecordRows;
import org.redcapjdbc.emulator.format.XmlText;
import org.redcapjdbc.emulator.model.Arm;
import org.redcapjdbc.emulator.model.Choice;
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
import org.redcapjdbc.emulator.store.RecordData;
import org.redcapjdbc.emulator.store.RecordHeader;
import org.redcapjdbc.emulator.store.RecordStore;

/**
 * Writes a project as REDCap project XML (CDISC ODM 1.3.1 with {@code redcap:} extensions), in the
 * shape {@link OdmReader} reads back: settings, dictionary, events, repeating set-up, DAGs,
 * surveys, reports, roles, and (unless metadata only) the records, streamed a chunk at a time.
 * Line breaks in attribute values are written as character references, so any XML parser keeps them.
 */
public final class OdmWriter {
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
  private static final String VERSION = "15.2.1";
  private static final int CHUNK = 200;

  /**
   * What to write.
   *
   * @param metadataOnly leave out ClinicalData
   * @param fields the fields (and status fields) whose values are written; null for all
   * @param groups the record-event row groups to write for a record (applies the filters)
   * @param dags write {@code redcap_data_access_group} items
   * @param surveyFields write survey identifiers and timestamps
   */
  public record Options(boolean metadataOnly, Set<String> fields,
      Function<RecordData, List<List<RecordRows.Row>>> groups, boolean dags, boolean surveyFields) {}

  private final ProjectDefinition def;
  private final Writer out;
  private final String studyOid;
  private final String metadataOid;
  private boolean exportFiles;

  private OdmWriter(ProjectDefinition def, Writer out) {
    this.def = def;
    this.out = out;
    String compact = def.title().replaceAll("[^A-Za-z0-9]", "");
    this.studyOid = "Project." + (compact.isEmpty() ? "Project" + def.id() : compact);
    this.metadataOid = "Metadata." + (compact.isEmpty() ? "Project" + def.id() : compact) + "_"
        + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd_HHmm"));
  }

  /** Writes the project, then its records from {@code headers} (export order) unless metadata only. */
  public static void write(ProjectDefinition def, Connection c, List<RecordHeader> headers, Options options,
      OutputStream stream) throws IOException, SQLException {
    write(def, c, headers, options, stream, false);
  }

  public static void write(ProjectDefinition def, Connection c, List<RecordHeader> headers, Options options,
      OutputStream stream, boolean exportFiles) throws IOException, SQLException {
    Writer w = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 16384);
    OdmWriter writer = new OdmWriter(def, w);
    writer.exportFiles = exportFiles;
    writer.document(c, headers, options);
    w.flush();
  }

  private void document(Connection c, List<RecordHeader> headers, Options options) throws IOException, SQLException {
    String now = LocalDateTime.now().format(STAMP);
    out.write(XmlText.DECLARATION + "\n");
    out.write("<ODM xmlns=\"http://www.cdisc.org/ns/odm/v1.3\" xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\""
        + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xmlns:redcap=\"https://projectredcap.org\""
        + " xsi:schemaLocation=\"http://www.cdisc.org/ns/odm/v1.3 schema/odm/ODM1-3-1.xsd\" ODMVersion=\"1.3.1\""
        + " FileOID=\"000-00-0000\" FileType=\"Snapshot\" Description=\"" + a(def.title()) + "\" AsOfDateTime=\""
        + now + "\" CreationDateTime=\"" + now + "\" SourceSystem=\"REDCap\" SourceSystemVersion=\"" + VERSION + "\">\n");
    out.write("<Study OID=\"" + a(studyOid) + "\">\n");
    globalVariables(options.metadataOnly());
    metadata();
    out.write("</Study>\n");
    if (!options.metadataOnly()) {
      out.write("<ClinicalData StudyOID=\"" + a(studyOid) + "\" MetaDataVersionOID=\"" + a(metadataOid) + "\">\n");
      clinicalData(c, headers, options);
      out.write("</ClinicalData>\n");
    }
    out.write("</ODM>\n");
  }

  // ---------------------------------------------------------------- global variables

  private void globalVariables(boolean metadataOnly) throws IOException {
    ProjectInfo i = def.info();
    out.write("<GlobalVariables>\n");
    element("StudyName", i.title());
    element("StudyDescription", "This file contains the " + (metadataOnly ? "metadata" : "metadata, events, and data")
        + " for REDCap project \"" + i.title() + "\".");
    element("ProtocolName", i.title());
    element("redcap:RecordAutonumberingEnabled", flag(i.autoNumbering()));
    element("redcap:CustomRecordLabel", i.customRecordLabel());
    element("redcap:SecondaryUniqueField", i.secondaryUniqueField());
    element("redcap:SchedulingEnabled", flag(i.schedulingEnabled()));
    element("redcap:SurveysEnabled", flag(i.surveysEnabled()));
    element("redcap:RandomizationEnabled", flag(i.randomizationEnabled()));
    element("redcap:DisplayTodayNowButton", flag(i.displayTodayNowButton()));
    element("redcap:Purpose", String.valueOf(i.purpose()));
    element("redcap:PurposeOther", i.purposeOther());
    element("redcap:ProjectNotes", i.notes());
    element("redcap:MissingDataCodes", i.missingDataCodes());
    if (def.hasRepeating()) {
      out.write("\t<redcap:RepeatingInstrumentsAndEvents>\n");
      boolean anyInstrument = def.repeating().stream().anyMatch(r -> !r.isRepeatingEvent());
      if (anyInstrument) {
        out.write("\t\t<redcap:RepeatingInstruments>\n");
        for (RepeatingEntry r : def.repeating()) {
          if (!r.isRepeatingEvent()) {
            out.write("\t\t\t<redcap:RepeatingInstrument redcap:UniqueEventName=\"" + a(r.eventUniqueName())
                + "\" redcap:RepeatInstrument=\"" + a(r.formName()) + "\" redcap:CustomLabel=\"" + a(r.customLabel())
                + "\"/>\n");
          }
        }
        out.write("\t\t</redcap:RepeatingInstruments>\n");
      }
      for (RepeatingEntry r : def.repeating()) {
        if (r.isRepeatingEvent()) {
          out.write("\t\t<redcap:RepeatingEvent redcap:UniqueEventName=\"" + a(r.eventUniqueName()) + "\"/>\n");
        }
      }
      out.write("\t</redcap:RepeatingInstrumentsAndEvents>\n");
    }
    if (!def.dags().isEmpty()) {
      out.write("\t<redcap:DataAccessGroupsGroup>\n");
      for (Dag d : def.dags()) {
        out.write("\t\t<redcap:DataAccessGroups group_name=\"" + a(d.name()) + "\"/>\n");
      }
      out.write("\t</redcap:DataAccessGroupsGroup>\n");
    }
    if (!def.surveys().isEmpty()) {
      out.write("\t<redcap:SurveysGroup>\n");
      for (Survey s : def.surveys()) {
        Map<String, String> attrs = new LinkedHashMap<>();
        attrs.put("form_name", s.formName());
        attrs.put("title", s.title());
        s.attributes().forEach(attrs::putIfAbsent);
        out.write("\t\t<redcap:Surveys" + attributes(attrs) + "/>\n");
      }
      out.write("\t</redcap:SurveysGroup>\n");
    }
    if (!def.roles().isEmpty()) {
      out.write("\t<redcap:UserRolesGroup>\n");
      for (UserRole r : def.roles()) {
        Map<String, String> attrs = new LinkedHashMap<>();
        attrs.put("role_name", r.label());
        attrs.put("unique_role_name", r.uniqueRoleName());
        r.attributes().forEach(attrs::putIfAbsent);
        out.write("\t\t<redcap:UserRoles" + attributes(attrs) + "/>\n");
      }
      out.write("\t</redcap:UserRolesGroup>\n");
    }
    if (!def.reports().isEmpty()) {
      out.write("\t<redcap:ReportsGroup>\n");
      for (Report r : def.reports()) {
        Map<String, String> attrs = new LinkedHashMap<>();
        attrs.put("title", r.title());
        attrs.put("unique_report_name", r.uniqueName());
        r.attributes().forEach(attrs::putIfAbsent);
        attrs.put("redcap_reports_fields", String.join(",", r.fields()));
        out.write("\t\t<redcap:Reports" + attributes(attrs) + "/>\n");
      }
      out.write("\t</redcap:ReportsGroup>\n");
    }
    out.write("</GlobalVariables>\n");
  }

  // ---------------------------------------------------------------- metadata

  private void metadata() throws IOException {
    out.write("<MetaDataVersion OID=\"" + a(metadataOid) + "\" Name=\"" + a(def.title())
        + "\" redcap:RecordIdField=\"" + a(def.recordIdField().name()) + "\">\n");
    if (def.isLongitudinal()) {
      out.write("\t<Protocol>\n");
      int order = 0;
      for (Event e : def.events()) {
        out.write("\t\t<StudyEventRef StudyEventOID=\"Event." + a(e.uniqueName()) + "\" OrderNumber=\"" + (++order)
            + "\" Mandatory=\"No\"/>\n");
      }
      out.write("\t</Protocol>\n");
      for (Event e : def.events()) {
        Arm arm = def.arm(e.armNumber());
        String armName = arm == null ? "Arm " + e.armNumber() : arm.name();
        out.write("\t<StudyEventDef OID=\"Event." + a(e.uniqueName()) + "\" Name=\"" + a(def.designationLabel(e))
            + "\" Type=\"Common\" Repeating=\"" + (def.isRepeatingEvent(e) ? "Yes" : "No") + "\" redcap:EventName=\""
            + a(e.name()) + "\" redcap:CustomEventLabel=\"" + a(e.customLabel()) + "\" redcap:UniqueEventName=\""
            + a(e.uniqueName()) + "\" redcap:ArmNum=\"" + e.armNumber() + "\" redcap:ArmName=\"" + a(armName)
            + "\" redcap:DayOffset=\"" + number(e.dayOffset()) + "\" redcap:OffsetMin=\"" + number(e.offsetMin())
            + "\" redcap:OffsetMax=\"" + number(e.offsetMax()) + "\">\n");
        int formOrder = 0;
        for (Form f : def.formsOf(e)) {
          out.write("\t\t<FormRef FormOID=\"Form." + a(f.name()) + "\" OrderNumber=\"" + (++formOrder)
              + "\" Mandatory=\"No\" redcap:FormName=\"" + a(f.name()) + "\"/>\n");
        }
        out.write("\t</StudyEventDef>\n");
      }
    }
    Map<String, List<List<String>>> groupsByForm = new LinkedHashMap<>();
    for (Form form : def.forms()) {
      List<List<String>> groups = itemGroups(form);
      groupsByForm.put(form.name(), groups);
      out.write("\t<FormDef OID=\"Form." + a(form.name()) + "\" Name=\"" + a(form.label())
          + "\" Repeating=\"No\" redcap:FormName=\"" + a(form.name()) + "\">\n");
      for (List<String> g : groups) {
        out.write("\t\t<ItemGroupRef ItemGroupOID=\"" + a(form.name() + "." + g.get(0)) + "\" Mandatory=\"No\"/>\n");
      }
      out.write("\t</FormDef>\n");
    }
    for (Form form : def.forms()) {
      for (List<String> g : groupsByForm.get(form.name())) {
        String first = g.get(0);
        Field firstField = def.field(first);
        String name = first.equals(form.completeField()) ? "Form Status"
            : firstField != null && !firstField.sectionHeader().isEmpty() ? firstField.sectionHeader() : form.label();
        out.write("\t<ItemGroupDef OID=\"" + a(form.name() + "." + first) + "\" Name=\"" + a(name)
            + "\" Repeating=\"No\">\n");
        for (String item : g) {
          for (String[] ref : itemRefs(item)) {
            out.write("\t\t<ItemRef ItemOID=\"" + a(ref[0]) + "\" Mandatory=\"No\" redcap:Variable=\"" + a(ref[1])
                + "\"/>\n");
          }
        }
        out.write("\t</ItemGroupDef>\n");
      }
    }
    for (Form form : def.forms()) {
      for (Field f : def.fieldsOf(form.name())) {
        itemDefs(f);
        if (f == def.recordIdField()) {
          pseudoItems();
        }
      }
      if (def.survey(form.name()) != null && def.hasSurveys()) {
        pseudoItemDef(form.timestampField(), "datetime", "Survey Timestamp");
      }
      out.write("\t<ItemDef OID=\"" + a(form.completeField()) + "\" Name=\"" + a(form.completeField())
          + "\" DataType=\"text\" Length=\"1\" redcap:Variable=\"" + a(form.completeField())
          + "\" redcap:FieldType=\"select\" redcap:SectionHeader=\"Form Status\">\n");
      out.write("\t\t<Question><TranslatedText>Complete?</TranslatedText></Question>\n");
      out.write("\t\t<CodeListRef CodeListOID=\"" + a(form.completeField()) + ".choices\"/>\n");
      out.write("\t</ItemDef>\n");
    }
    for (Form form : def.forms()) {
      for (Field f : def.fieldsOf(form.name())) {
        codeLists(f);
      }
      out.write("\t<CodeList OID=\"" + a(form.completeField()) + ".choices\" Name=\"" + a(form.completeField())
          + "\" DataType=\"text\" redcap:Variable=\"" + a(form.completeField()) + "\">\n");
      codeListItem("0", "Incomplete");
      codeListItem("1", "Unverified");
      codeListItem("2", "Complete");
      out.write("\t</CodeList>\n");
    }
    out.write("</MetaDataVersion>\n");
  }

  /** Item names of a form split into groups at section headers; the status field has its own group. */
  private List<List<String>> itemGroups(Form form) {
    List<List<String>> groups = new ArrayList<>();
    List<String> current = null;
    for (Field f : def.fieldsOf(form.name())) {
      if (current == null || !f.sectionHeader().isEmpty()) {
        current = new ArrayList<>();
        groups.add(current);
      }
      current.add(f.name());
    }
    groups.add(new ArrayList<>(List.of(form.completeField())));
    return groups;
  }

  /** ItemRefs for one field (checkbox options expand; pseudo-items follow the record ID). */
  private List<String[]> itemRefs(String name) {
    List<String[]> refs = new ArrayList<>();
    Field f = def.field(name);
    if (f != null && f.isCheckbox()) {
      for (Choice c : f.choices()) {
        refs.add(new String[] {f.checkboxColumn(c), f.name()});
      }
      return refs;
    }
    refs.add(new String[] {name, name});
    if (f == def.recordIdField()) {
      if (!def.dags().isEmpty()) {
        refs.add(new String[] {"redcap_data_access_group", "redcap_data_access_group"});
      }
      if (def.hasSurveys()) {
        refs.add(new String[] {"redcap_survey_identifier", "redcap_survey_identifier"});
      }
    }
    return refs;
  }

  private void pseudoItems() throws IOException {
    if (!def.dags().isEmpty()) {
      pseudoItemDef("redcap_data_access_group", "text", "Data Access Group");
    }
    if (def.hasSurveys()) {
      pseudoItemDef("redcap_survey_identifier", "text", "Survey Identifier");
    }
  }

  private void pseudoItemDef(String name, String dataType, String label) throws IOException {
    out.write("\t<ItemDef OID=\"" + a(name) + "\" Name=\"" + a(name) + "\" DataType=\"" + dataType
        + "\" Length=\"999\" redcap:Variable=\"" + a(name) + "\">\n");
    out.write("\t\t<Question><TranslatedText>" + XmlText.escape(label) + "</TranslatedText></Question>\n");
    out.write("\t</ItemDef>\n");
  }

  private void itemDefs(Field f) throws IOException {
    if (f.isCheckbox()) {
      for (Choice c : f.choices()) {
        itemDef(f, f.checkboxColumn(c), "boolean", "1", f.checkboxColumn(c) + ".choices");
      }
      return;
    }
    String codeList = f.type().hasChoiceList() || f.type() == FieldType.YESNO || f.type() == FieldType.TRUEFALSE
        ? f.name() + ".choices" : null;
    itemDef(f, f.name(), dataType(f), codeList == null ? "999" : "1", codeList);
  }

  private void itemDef(Field f, String oid, String dataType, String length, String codeList) throws IOException {
    Map<String, String> attrs = new LinkedHashMap<>();
    attrs.put("OID", oid);
    attrs.put("Name", oid);
    attrs.put("DataType", dataType);
    attrs.put("Length", length);
    attrs.put("redcap:Variable", f.name());
    attrs.put("redcap:FieldType", f.type().odmName());
    String validation = odmValidation(f.validation());
    if (!validation.isEmpty()) {
      attrs.put("redcap:TextValidationType", validation);
    }
    putIfNotEmpty(attrs, "redcap:FieldNote", f.note());
    putIfNotEmpty(attrs, "redcap:SectionHeader", f.sectionHeader());
    if (f.type() == FieldType.CALC) {
      attrs.put("redcap:Calculation", f.choicesOrCalculation());
    }
    if (f.type() == FieldType.SLIDER) {
      putIfNotEmpty(attrs, "redcap:SliderLabels", f.choicesOrCalculation());
    }
    if (f.identifier()) {
      attrs.put("redcap:Identifier", "y");
    }
    putIfNotEmpty(attrs, "redcap:BranchingLogic", f.branchingLogic());
    if (f.required()) {
      attrs.put("redcap:RequiredField", "y");
    }
    putIfNotEmpty(attrs, "redcap:CustomAlignment", f.customAlignment());
    putIfNotEmpty(attrs, "redcap:QuestionNumber", f.questionNumber());
    putIfNotEmpty(attrs, "redcap:MatrixGroupName", f.matrixGroupName());
    if (f.matrixRanking()) {
      attrs.put("redcap:MatrixRanking", "y");
    }
    putIfNotEmpty(attrs, "redcap:FieldAnnotation", f.annotation());
    out.write("\t<ItemDef" + attributes(attrs) + ">\n");
    out.write("\t\t<Question><TranslatedText>" + XmlText.escape(f.label()) + "</TranslatedText></Question>\n");
    if (codeList != null) {
      out.write("\t\t<CodeListRef CodeListOID=\"" + a(codeList) + "\"/>\n");
    }
    if (!f.validationMin().isEmpty()) {
      rangeCheck("GE", f.validationMin());
    }
    if (!f.validationMax().isEmpty()) {
      rangeCheck("LE", f.validationMax());
    }
    out.write("\t</ItemDef>\n");
  }

  private void rangeCheck(String comparator, String value) throws IOException {
    out.write("\t\t<RangeCheck Comparator=\"" + comparator + "\" SoftHard=\"Soft\">\n");
    out.write("\t\t\t<CheckValue>" + XmlText.escape(value) + "</CheckValue>\n");
    out.write("\t\t\t<ErrorMessage><TranslatedText>The value you provided is outside the suggested range."
        + "</TranslatedText></ErrorMessage>\n");
    out.write("\t\t</RangeCheck>\n");
  }

  private void codeLists(Field f) throws IOException {
    if (f.isCheckbox()) {
      for (Choice c : f.choices()) {
        String oid = f.checkboxColumn(c);
        out.write("\t<CodeList OID=\"" + a(oid) + ".choices\" Name=\"" + a(oid) + "\" DataType=\"boolean\""
            + " redcap:Variable=\"" + a(f.name()) + "\" redcap:CheckboxChoices=\"" + a(f.choicesOrCalculation())
            + "\">\n");
        codeListItem("1", "Checked");
        codeListItem("0", "Unchecked");
        out.write("\t</CodeList>\n");
      }
      return;
    }
    if (f.type().hasChoiceList() || f.type() == FieldType.YESNO || f.type() == FieldType.TRUEFALSE) {
      String type = f.type() == FieldType.YESNO || f.type() == FieldType.TRUEFALSE ? "boolean" : "text";
      out.write("\t<CodeList OID=\"" + a(f.name()) + ".choices\" Name=\"" + a(f.name()) + "\" DataType=\"" + type
          + "\" redcap:Variable=\"" + a(f.name()) + "\">\n");
      for (Choice c : f.choices()) {
        codeListItem(c.code(), c.label());
      }
      out.write("\t</CodeList>\n");
    }
  }

  private void codeListItem(String code, String label) throws IOException {
    out.write("\t\t<CodeListItem CodedValue=\"" + a(code) + "\"><Decode><TranslatedText>" + XmlText.escape(label)
        + "</TranslatedText></Decode></CodeListItem>\n");
  }

  private static String dataType(Field f) {
    switch (f.type()) {
      case CALC:
        return "float";
      case YESNO:
      case TRUEFALSE:
        return "boolean";
      case SLIDER:
        return "integer";
      case TEXT:
        String v = f.validation();
        if (v.equals("integer")) {
          return "integer";
        }
        if (v.startsWith("number") && !v.contains("comma")) {
          return "float";
        }
        if (v.startsWith("datetime_seconds")) {
          return "datetime";
        }
        if (v.startsWith("datetime")) {
          return "partialDatetime";
        }
        if (v.startsWith("date")) {
          return "date";
        }
        if (v.equals("time")) {
          return "partialTime";
        }
        return "text";
      default:
        return "text";
    }
  }

  private static String odmValidation(String v) {
    switch (v) {
      case "integer":
        return "int";
      case "number":
        return "float";
      default:
        return v;
    }
  }

  // ---------------------------------------------------------------- clinical data

  private void clinicalData(Connection c, List<RecordHeader> headers, Options options)
      throws IOException, SQLException {
    for (int start = 0; start < headers.size(); start += CHUNK) {
      List<RecordHeader> chunk = headers.subList(start, Math.min(headers.size(), start + CHUNK));
      Map<String, RecordData> data = RecordStore.load(c, def.id(), chunk);
      for (RecordData record : data.values()) {
        List<List<RecordRows.Row>> groups = options.groups().apply(record);
        if (groups.isEmpty()) {
          continue;
        }
        out.write("\t<SubjectData SubjectKey=\"" + a(record.record()) + "\" redcap:RecordIdField=\""
            + a(def.recordIdField().name()) + "\">\n");
        for (List<RecordRows.Row> group : groups) {
          subjectEvent(c, record, group, options);
        }
        out.write("\t</SubjectData>\n");
      }
    }
  }

  private void subjectEvent(Connection c, RecordData record, List<RecordRows.Row> group, Options options)
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
        out.write("\t\t<StudyEventData StudyEventOID=\"Event." + a(event.uniqueName()) + "\" StudyEventRepeatKey=\""
            + eventInstance + "\" redcap:UniqueEventName=\"" + a(event.uniqueName()) + "\">\n");
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

  private void formData(Connection c, RecordData record, RecordRows.Row row, Form form, Options options,
      String indent) throws IOException, SQLException {
    int event = row.event().id();
    int instance = row.instance();
    boolean isRecordIdForm = form.name().equals(def.recordIdField().formName()) && row.repeatForm() == null
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
    out.write(indent + "<FormData FormOID=\"Form." + a(form.name()) + "\" FormRepeatKey=\"" + formKey + "\">\n");
    String groupIndent = indent + "\t";
    for (List<String> group : itemGroups(form)) {
      StringBuilder items = new StringBuilder();
      for (String name : group) {
        items.append(items(c, record, row, form, name, options, groupIndent + "\t"));
      }
      if (items.length() > 0) {
        out.write(groupIndent + "<ItemGroupData ItemGroupOID=\"" + a(form.name() + "." + group.get(0))
            + "\" ItemGroupRepeatKey=\"1\">\n");
        out.write(items.toString());
        out.write(groupIndent + "</ItemGroupData>\n");
      }
    }
    out.write(indent + "</FormData>\n");
  }

  private String items(Connection c, RecordData record, RecordRows.Row row, Form form, String name, Options options,
      String indent) throws SQLException {
    int event = row.event().id();
    int instance = row.instance();
    StringBuilder sb = new StringBuilder();
    boolean selected = options.fields() == null || options.fields().contains(name);
    Field f = def.field(name);
    if (f == def.recordIdField()) {
      sb.append(indent).append("<ItemData ItemOID=\"").append(a(name)).append("\" Value=\"").append(a(record.record()))
          .append("\"/>\n");
      if (options.dags() && record.header().groupId() != null) {
        Dag dag = def.dag(record.header().groupId());
        if (dag != null) {
          sb.append(indent).append("<ItemData ItemOID=\"redcap_data_access_group\" Value=\"").append(a(dag.uniqueName()))
              .append("\"/>\n");
        }
      }
      if (options.surveyFields() && def.hasSurveys() && !record.header().surveyIdentifier().isEmpty()) {
        sb.append(indent).append("<ItemData ItemOID=\"redcap_survey_identifier\" Value=\"")
            .append(a(record.header().surveyIdentifier())).append("\"/>\n");
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
            sb.append(indent).append("<ItemData ItemOID=\"").append(a(form.timestampField())).append("\" Value=\"")
                .append(a(ts)).append("\"/>\n");
          }
        }
        sb.append(indent).append("<ItemData ItemOID=\"").append(a(name)).append("\" Value=\"").append(a(status))
            .append("\"/>\n");
      }
      return sb.toString();
    }
    if (f.isCheckbox()) {
      for (Choice ch : f.choices()) {
        sb.append(indent).append("<ItemData ItemOID=\"").append(a(f.checkboxColumn(ch))).append("\" Value=\"")
            .append(record.checked(event, instance, name, ch.code()) ? "1" : "0").append("\"/>\n");
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
        sb.append(indent).append("<ItemData ItemOID=\"").append(a(name)).append("\" Value=\"").append(a(value))
            .append("\"/>\n");
      } else if (exportFiles) {
        sb.append(indent).append("<ItemDataBase64Binary ItemOID=\"").append(a(name)).append("\" redcap:DocName=\"")
            .append(a(doc[0])).append("\" redcap:MimeType=\"").append(a(doc[1])).append("\"><![CDATA[")
            .append(doc[2]).append("]]></ItemDataBase64Binary>\n");
      } else {
        sb.append(indent).append("<ItemData ItemOID=\"").append(a(name)).append("\" Value=\"").append(a(doc[0]))
            .append("\"/>\n");
      }
      return sb.toString();
    }
    sb.append(indent).append("<ItemData ItemOID=\"").append(a(name)).append("\" Value=\"").append(a(value))
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
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT doc_name, mime_type, content FROM redcap_edocs WHERE doc_id = ? AND project_id = ?")) {
      ps.setInt(1, id);
      ps.setInt(2, def.id());
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        byte[] content = rs.getBytes(3);
        return new String[] {rs.getString(1), rs.getString(2),
            java.util.Base64.getEncoder().encodeToString(content == null ? new byte[0] : content)};
      }
    }
  }

  // ---------------------------------------------------------------- helpers

  private void element(String name, String text) throws IOException {
    out.write("\t<" + name + ">" + XmlText.escape(text) + "</" + name + ">\n");
  }

  private static String flag(boolean b) {
    return b ? "1" : "0";
  }

  private static String number(double d) {
    return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
  }

  private static void putIfNotEmpty(Map<String, String> m, String key, String value) {
    if (value != null && !value.isEmpty()) {
      m.put(key, value);
    }
  }

  private static String attributes(Map<String, String> attrs) {
    StringBuilder sb = new StringBuilder();
    attrs.forEach((k, v) -> sb.append(' ').append(k).append("=\"").append(a(v == null ? "" : v)).append('"'));
    return sb.toString();
  }

  /** An attribute value: escaped, line breaks and tabs as character references. */
  static String a(String s) {
    return XmlText.attribute(s).replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;");
  }
}
