package org.redcapjdbc.emulator.api.record;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.redcapjdbc.emulator.api.ApiException;
import org.redcapjdbc.emulator.model.Choice;
import org.redcapjdbc.emulator.model.Field;
import org.redcapjdbc.emulator.model.Form;
import org.redcapjdbc.emulator.model.ProjectDefinition;
import org.redcapjdbc.emulator.model.UserRights;
import org.redcapjdbc.emulator.store.ApiUser;

/**
 * Which columns a flat export has, in order (docs/redcap-api.md §2.1):
 *
 * <ul>
 *   <li>no {@code fields}/{@code forms}: every field in dictionary order except descriptive ones,
 *       checkboxes expanded per option, {@code <form>_complete} after each form's last field;
 *   <li>otherwise only the named fields and the fields of the named forms (plus their
 *       {@code _complete}), in dictionary order; the record-ID field, and with it the
 *       {@code redcap_*} key columns, only when it is among them;
 *   <li>the key columns after the record ID: {@code redcap_event_name} (longitudinal),
 *       {@code redcap_repeat_instrument} and {@code redcap_repeat_instance} (any repeating
 *       set-up), {@code redcap_data_access_group} (asked for, the project has DAGs and the caller
 *       is in none), {@code redcap_survey_identifier} (survey fields asked for, surveys enabled);
 *   <li>with survey fields, {@code <form>_timestamp} before the first exported field of each
 *       survey (the record-ID field does not count).
 * </ul>
 */
final class ColumnPlan {
  static final Set<String> PSEUDO_FIELDS =
      Set.of(
          "redcap_event_name",
          "redcap_repeat_instrument",
          "redcap_repeat_instance",
          "redcap_data_access_group",
          "redcap_survey_identifier");

  final List<ExportColumn> columns;

  /** Fields and status fields requested (names), for EAV exports and filters. */
  final Set<String> selectedNames;

  final boolean recordIdIncluded;

  private ColumnPlan(
      List<ExportColumn> columns, Set<String> selectedNames, boolean recordIdIncluded) {
    this.columns = List.copyOf(columns);
    this.selectedNames = selectedNames;
    this.recordIdIncluded = recordIdIncluded;
  }

  static ColumnPlan build(
      ProjectDefinition def,
      List<String> fields,
      List<String> forms,
      boolean dagColumn,
      boolean surveyFields)
      throws ApiException {
    return build(def, fields, forms, dagColumn, surveyFields, null);
  }

  /**
   * As {@link #build(ProjectDefinition, List, List, boolean, boolean)}, applying the caller's export
   * rights: a form without export rights is left out entirely, and identifier fields are left out of
   * forms exported de-identified or without identifiers, silently, as real servers do (the
   * record-ID field always stays).
   */
  static ColumnPlan build(
      ProjectDefinition def,
      List<String> fields,
      List<String> forms,
      boolean dagColumn,
      boolean surveyFields,
      ApiUser user)
      throws ApiException {
    Set<String> invalidFields = new LinkedHashSet<>();
    Set<String> wantedFields = new HashSet<>();
    for (String f : fields) {
      Field field = def.field(f);
      if (field != null || def.formOfCompleteField(f) != null) {
        wantedFields.add(f);
      } else {
        invalidFields.add(f);
      }
    }
    if (!invalidFields.isEmpty()) {
      throw ApiException.badRequest(invalidList("fields", invalidFields));
    }
    Set<String> wantedForms = new HashSet<>();
    Set<String> invalidForms = new LinkedHashSet<>();
    for (String f : forms) {
      if (def.form(f) != null) {
        wantedForms.add(f);
      } else {
        invalidForms.add(f);
      }
    }
    if (!invalidForms.isEmpty()) {
      throw ApiException.badRequest(invalidList("forms", invalidForms));
    }
    boolean all = fields.isEmpty() && forms.isEmpty();
    Field recordId = def.recordIdField();
    List<ExportColumn> columns = new ArrayList<>();
    Set<String> selected = new LinkedHashSet<>();
    boolean recordIdIncluded =
        all || wantedFields.contains(recordId.name()) || wantedForms.contains(recordId.formName());
    for (Form form : def.forms()) {
      boolean wholeForm = all || wantedForms.contains(form.name());
      boolean timestampDone = false;
      int exportRight = user == null ? UserRights.EXPORT_FULL : user.exportRight(form.name());
      for (Field f : def.fieldsOf(form.name())) {
        if (!f.holdsData() || !(wholeForm || wantedFields.contains(f.name()))) {
          continue;
        }
        if (f != recordId
            && (exportRight == UserRights.EXPORT_NONE
                || (f.identifier() && exportRight != UserRights.EXPORT_FULL))) {
          continue;
        }
        selected.add(f.name());
        if (f == recordId) {
          columns.add(ExportColumn.recordId(f));
          if (def.isLongitudinal()) {
            columns.add(
                ExportColumn.pseudo(ExportColumn.Kind.EVENT, "redcap_event_name", "Event Name"));
          }
          if (def.hasRepeating()) {
            columns.add(
                ExportColumn.pseudo(
                    ExportColumn.Kind.REPEAT_INSTRUMENT,
                    "redcap_repeat_instrument",
                    "Repeat Instrument"));
            columns.add(
                ExportColumn.pseudo(
                    ExportColumn.Kind.REPEAT_INSTANCE,
                    "redcap_repeat_instance",
                    "Repeat Instance"));
          }
          if (dagColumn && !def.dags().isEmpty()) {
            columns.add(
                ExportColumn.pseudo(
                    ExportColumn.Kind.DAG, "redcap_data_access_group", "Data Access Group"));
          }
          if (surveyFields && def.hasSurveys()) {
            columns.add(
                ExportColumn.pseudo(
                    ExportColumn.Kind.SURVEY_ID, "redcap_survey_identifier", "Survey Identifier"));
          }
          continue;
        }
        if (surveyFields && def.survey(form.name()) != null && !timestampDone) {
          columns.add(ExportColumn.timestamp(form));
          timestampDone = true;
        }
        if (f.isCheckbox()) {
          for (Choice c : f.choices()) {
            columns.add(ExportColumn.checkbox(f, form, c));
          }
        } else {
          columns.add(ExportColumn.field(f, form));
        }
      }
      if ((wholeForm || wantedFields.contains(form.completeField()))
          && exportRight != UserRights.EXPORT_NONE) {
        if (surveyFields && def.survey(form.name()) != null && !timestampDone) {
          columns.add(ExportColumn.timestamp(form));
        }
        columns.add(ExportColumn.complete(form));
        selected.add(form.completeField());
      }
    }
    return new ColumnPlan(columns, selected, recordIdIncluded);
  }

  /** The same columns in another order (reports list their fields in report order). */
  ColumnPlan reordered(java.util.Comparator<ExportColumn> order) {
    List<ExportColumn> sorted = new ArrayList<>(columns);
    sorted.sort(order);
    return new ColumnPlan(sorted, selectedNames, recordIdIncluded);
  }

  static String invalidList(String parameter, Set<String> names) {
    StringBuilder sb = new StringBuilder();
    for (String n : names) {
      if (sb.length() > 0) {
        sb.append(", ");
      }
      sb.append('\'').append(n).append('\'');
    }
    return "The following values in the parameter \"" + parameter + "\" are not valid: " + sb;
  }

  List<String> names() {
    List<String> names = new ArrayList<>(columns.size());
    for (ExportColumn c : columns) {
      names.add(c.name);
    }
    return names;
  }

  List<String> labelHeaders() {
    List<String> names = new ArrayList<>(columns.size());
    for (ExportColumn c : columns) {
      names.add(c.labelHeader);
    }
    return names;
  }
}
