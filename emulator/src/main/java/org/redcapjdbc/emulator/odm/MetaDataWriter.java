package org.redcapjdbc.emulator.odm;

import static org.redcapjdbc.emulator.odm.OdmMarkup.a;
import static org.redcapjdbc.emulator.odm.OdmMarkup.attributes;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.redcapjdbc.emulator.format.XmlText;
import org.redcapjdbc.emulator.model.Arm;
import org.redcapjdbc.emulator.model.Choice;
import org.redcapjdbc.emulator.model.Event;
import org.redcapjdbc.emulator.model.Field;
import org.redcapjdbc.emulator.model.FieldType;
import org.redcapjdbc.emulator.model.Form;
import org.redcapjdbc.emulator.model.ProjectDefinition;

/**
 * Writes the {@code <MetaDataVersion>} of a project XML document: protocol and events, forms,
 * item groups, item definitions (with REDCap's field attributes and the DAG and survey
 * pseudo-items) and code lists.
 *
 * <p>Separate from {@link GlobalVariablesWriter} and {@link ClinicalDataWriter} because it is
 * the one part that spreads a field over several cross-referenced elements; the item grouping it
 * declares ({@link #itemGroups}) is the one ClinicalData must follow.
 */
final class MetaDataWriter {
  private final ProjectDefinition def;
  private final Writer out;
  private final String metadataOid;

  MetaDataWriter(ProjectDefinition def, Writer out, String metadataOid) {
    this.def = def;
    this.out = out;
    this.metadataOid = metadataOid;
  }

  void write() throws IOException {
    out.write(
        "<MetaDataVersion OID=\""
            + a(metadataOid)
            + "\" Name=\""
            + a(def.title())
            + "\" redcap:RecordIdField=\""
            + a(def.recordIdField().name())
            + "\">\n");
    if (def.isLongitudinal()) {
      out.write("\t<Protocol>\n");
      int order = 0;
      for (Event e : def.events()) {
        out.write(
            "\t\t<StudyEventRef StudyEventOID=\"Event."
                + a(e.uniqueName())
                + "\" OrderNumber=\""
                + (++order)
                + "\" Mandatory=\"No\"/>\n");
      }
      out.write("\t</Protocol>\n");
      for (Event e : def.events()) {
        Arm arm = def.arm(e.armNumber());
        String armName = arm == null ? "Arm " + e.armNumber() : arm.name();
        out.write(
            "\t<StudyEventDef OID=\"Event."
                + a(e.uniqueName())
                + "\" Name=\""
                + a(def.designationLabel(e))
                + "\" Type=\"Common\" Repeating=\""
                + (def.isRepeatingEvent(e) ? "Yes" : "No")
                + "\" redcap:EventName=\""
                + a(e.name())
                + "\" redcap:CustomEventLabel=\""
                + a(e.customLabel())
                + "\" redcap:UniqueEventName=\""
                + a(e.uniqueName())
                + "\" redcap:ArmNum=\""
                + e.armNumber()
                + "\" redcap:ArmName=\""
                + a(armName)
                + "\" redcap:DayOffset=\""
                + number(e.dayOffset())
                + "\" redcap:OffsetMin=\""
                + number(e.offsetMin())
                + "\" redcap:OffsetMax=\""
                + number(e.offsetMax())
                + "\">\n");
        int formOrder = 0;
        for (Form f : def.formsOf(e)) {
          out.write(
              "\t\t<FormRef FormOID=\"Form."
                  + a(f.name())
                  + "\" OrderNumber=\""
                  + (++formOrder)
                  + "\" Mandatory=\"No\" redcap:FormName=\""
                  + a(f.name())
                  + "\"/>\n");
        }
        out.write("\t</StudyEventDef>\n");
      }
    }
    Map<String, List<List<String>>> groupsByForm = new LinkedHashMap<>();
    for (Form form : def.forms()) {
      List<List<String>> groups = itemGroups(def, form);
      groupsByForm.put(form.name(), groups);
      out.write(
          "\t<FormDef OID=\"Form."
              + a(form.name())
              + "\" Name=\""
              + a(form.label())
              + "\" Repeating=\"No\" redcap:FormName=\""
              + a(form.name())
              + "\">\n");
      for (List<String> g : groups) {
        out.write(
            "\t\t<ItemGroupRef ItemGroupOID=\""
                + a(form.name() + "." + g.get(0))
                + "\" Mandatory=\"No\"/>\n");
      }
      out.write("\t</FormDef>\n");
    }
    for (Form form : def.forms()) {
      for (List<String> g : groupsByForm.get(form.name())) {
        String first = g.get(0);
        Field firstField = def.field(first);
        String name =
            first.equals(form.completeField())
                ? "Form Status"
                : firstField != null && !firstField.sectionHeader().isEmpty()
                    ? firstField.sectionHeader()
                    : form.label();
        out.write(
            "\t<ItemGroupDef OID=\""
                + a(form.name() + "." + first)
                + "\" Name=\""
                + a(name)
                + "\" Repeating=\"No\">\n");
        for (String item : g) {
          for (String[] ref : itemRefs(item)) {
            out.write(
                "\t\t<ItemRef ItemOID=\""
                    + a(ref[0])
                    + "\" Mandatory=\"No\" redcap:Variable=\""
                    + a(ref[1])
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
      out.write(
          "\t<ItemDef OID=\""
              + a(form.completeField())
              + "\" Name=\""
              + a(form.completeField())
              + "\" DataType=\"text\" Length=\"1\" redcap:Variable=\""
              + a(form.completeField())
              + "\" redcap:FieldType=\"select\" redcap:SectionHeader=\"Form Status\">\n");
      out.write("\t\t<Question><TranslatedText>Complete?</TranslatedText></Question>\n");
      out.write("\t\t<CodeListRef CodeListOID=\"" + a(form.completeField()) + ".choices\"/>\n");
      out.write("\t</ItemDef>\n");
    }
    for (Form form : def.forms()) {
      for (Field f : def.fieldsOf(form.name())) {
        codeLists(f);
      }
      out.write(
          "\t<CodeList OID=\""
              + a(form.completeField())
              + ".choices\" Name=\""
              + a(form.completeField())
              + "\" DataType=\"text\" redcap:Variable=\""
              + a(form.completeField())
              + "\">\n");
      codeListItem("0", "Incomplete");
      codeListItem("1", "Unverified");
      codeListItem("2", "Complete");
      out.write("\t</CodeList>\n");
    }
    out.write("</MetaDataVersion>\n");
  }

  /** Item names of a form split into groups at section headers; the status field has its own group. */
  static List<List<String>> itemGroups(ProjectDefinition def, Form form) {
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
    out.write(
        "\t<ItemDef OID=\""
            + a(name)
            + "\" Name=\""
            + a(name)
            + "\" DataType=\""
            + dataType
            + "\" Length=\"999\" redcap:Variable=\""
            + a(name)
            + "\">\n");
    out.write(
        "\t\t<Question><TranslatedText>"
            + XmlText.escape(label)
            + "</TranslatedText></Question>\n");
    out.write("\t</ItemDef>\n");
  }

  private void itemDefs(Field f) throws IOException {
    if (f.isCheckbox()) {
      for (Choice c : f.choices()) {
        itemDef(f, f.checkboxColumn(c), "boolean", "1", f.checkboxColumn(c) + ".choices");
      }
      return;
    }
    String codeList =
        f.type().hasChoiceList() || f.type() == FieldType.YESNO || f.type() == FieldType.TRUEFALSE
            ? f.name() + ".choices"
            : null;
    itemDef(f, f.name(), dataType(f), codeList == null ? "999" : "1", codeList);
  }

  private void itemDef(Field f, String oid, String dataType, String length, String codeList)
      throws IOException {
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
    out.write(
        "\t\t<Question><TranslatedText>"
            + XmlText.escape(f.label())
            + "</TranslatedText></Question>\n");
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
    out.write(
        "\t\t\t<ErrorMessage><TranslatedText>The value you provided is outside the suggested range."
            + "</TranslatedText></ErrorMessage>\n");
    out.write("\t\t</RangeCheck>\n");
  }

  private void codeLists(Field f) throws IOException {
    if (f.isCheckbox()) {
      for (Choice c : f.choices()) {
        String oid = f.checkboxColumn(c);
        out.write(
            "\t<CodeList OID=\""
                + a(oid)
                + ".choices\" Name=\""
                + a(oid)
                + "\" DataType=\"boolean\""
                + " redcap:Variable=\""
                + a(f.name())
                + "\" redcap:CheckboxChoices=\""
                + a(f.choicesOrCalculation())
                + "\">\n");
        codeListItem("1", "Checked");
        codeListItem("0", "Unchecked");
        out.write("\t</CodeList>\n");
      }
      return;
    }
    if (f.type().hasChoiceList()
        || f.type() == FieldType.YESNO
        || f.type() == FieldType.TRUEFALSE) {
      String type =
          f.type() == FieldType.YESNO || f.type() == FieldType.TRUEFALSE ? "boolean" : "text";
      out.write(
          "\t<CodeList OID=\""
              + a(f.name())
              + ".choices\" Name=\""
              + a(f.name())
              + "\" DataType=\""
              + type
              + "\" redcap:Variable=\""
              + a(f.name())
              + "\">\n");
      for (Choice c : f.choices()) {
        codeListItem(c.code(), c.label());
      }
      out.write("\t</CodeList>\n");
    }
  }

  private void codeListItem(String code, String label) throws IOException {
    out.write(
        "\t\t<CodeListItem CodedValue=\""
            + a(code)
            + "\"><Decode><TranslatedText>"
            + XmlText.escape(label)
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

  private static String number(double d) {
    return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
  }

  private static void putIfNotEmpty(Map<String, String> m, String key, String value) {
    if (value != null && !value.isEmpty()) {
      m.put(key, value);
    }
  }
}
