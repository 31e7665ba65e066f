package org.redcapjdbc.emulator.api.structure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.redcapjdbc.emulator.api.ApiCall;
import org.redcapjdbc.emulator.api.ApiException;
import org.redcapjdbc.emulator.api.ExportMethod;
import org.redcapjdbc.emulator.api.ImportMethod;
import org.redcapjdbc.emulator.api.Right;
import org.redcapjdbc.emulator.format.TableWriter;
import org.redcapjdbc.emulator.load.DictionaryReader;
import org.redcapjdbc.emulator.load.ProjectLoadException;
import org.redcapjdbc.emulator.model.Field;
import org.redcapjdbc.emulator.model.FieldType;
import org.redcapjdbc.emulator.model.Form;
import org.redcapjdbc.emulator.model.ProjectDefinition;
import org.redcapjdbc.emulator.model.RepeatingEntry;
import org.redcapjdbc.emulator.model.Survey;
import org.redcapjdbc.emulator.store.RecordStore;

/** {@code content=metadata}: the data dictionary, exported (optionally by field or form) or replaced. */
public final class MetadataMethods {
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

  private MetadataMethods() {}

  /** Export: the 18 API columns, all values strings, the record-ID field first. */
  public static final class Export extends ExportMethod {
    @Override
    public void handle(ApiCall call) throws Exception {
      ProjectDefinition def = call.definition();
      List<String> fields = call.params().list("fields");
      List<String> forms = call.params().list("forms");
      Set<String> badFields = new LinkedHashSet<>();
      for (String f : fields) {
        if (def.field(f) == null) {
          badFields.add(f);
        }
      }
      if (!badFields.isEmpty()) {
        throw Structure.invalid("fields", badFields);
      }
      Set<String> badForms = new LinkedHashSet<>();
      for (String f : forms) {
        if (def.form(f) == null) {
          badForms.add(f);
        }
      }
      if (!badForms.isEmpty()) {
        throw Structure.invalid("forms", badForms);
      }
      TableWriter w = call.table(DictionaryReader.API_COLUMNS);
      for (Field f : def.fields()) {
        boolean all = fields.isEmpty() && forms.isEmpty();
        if (all || fields.contains(f.name()) || forms.contains(f.formName())) {
          w.row(row(f));
        }
      }
      w.finish();
    }

    static Object[] row(Field f) {
      return new Object[] {
        f.name(),
        f.formName(),
        f.sectionHeader(),
        f.type().apiName(),
        f.label(),
        f.choicesOrCalculation(),
        f.note(),
        f.validation(),
        f.validationMin(),
        f.validationMax(),
        f.identifier() ? "y" : "",
        f.branchingLogic(),
        f.required() ? "y" : "",
        f.customAlignment(),
        f.questionNumber(),
        f.matrixGroupName(),
        f.matrixRanking() ? "y" : "",
        f.annotation(),
      };
    }
  }

  /**
   * Import: replaces the whole dictionary and answers the number of fields. Names must be lower
   * case letters, digits and single underscores, starting with a letter; a form's fields must be
   * contiguous. Data of removed fields stay stored (as REDCap keeps them) but no longer export.
   */
  public static final class Import extends ImportMethod {
    @Override
    public List<Right> rights() {
      return List.of(Right.API_IMPORT, Right.DESIGN);
    }

    @Override
    public void handle(ApiCall call) throws Exception {
      ProjectDefinition def = call.definition();
      if (def.info().inProduction()) {
        throw ApiException.badRequest(
            "The data dictionary cannot be imported because the project is in production"
                + " status; only projects in development status accept a new dictionary.");
      }
      List<Map<String, String>> rows = Structure.rows(call);
      DictionaryReader.Dictionary dict;
      try {
        dict = DictionaryReader.fromRows(rows, "The imported dictionary");
      } catch (ProjectLoadException e) {
        throw ApiException.badRequest(e.getMessage());
      }
      validate(dict);
      Map<String, Form> oldForms = new HashMap<>();
      for (Form f : def.forms()) {
        oldForms.put(f.name(), f);
      }
      List<Form> forms = new ArrayList<>();
      for (Form f : dict.forms()) {
        forms.add(oldForms.getOrDefault(f.name(), f));
      }
      Set<String> formNames = new HashSet<>();
      forms.forEach(f -> formNames.add(f.name()));
      Map<String, List<String>> mappings = new LinkedHashMap<>();
      def.eventForms()
          .forEach(
              (event, list) -> {
                List<String> kept = new ArrayList<>();
                for (String f : list) {
                  if (formNames.contains(f)) {
                    kept.add(f);
                  }
                }
                mappings.put(event, kept);
              });
      List<RepeatingEntry> repeating = new ArrayList<>();
      for (RepeatingEntry r : def.repeating()) {
        if (r.isRepeatingEvent() || formNames.contains(r.formName())) {
          repeating.add(r);
        }
      }
      List<Survey> surveys = new ArrayList<>();
      for (Survey s : def.surveys()) {
        if (formNames.contains(s.formName())) {
          surveys.add(s);
        }
      }
      ProjectDefinition changed =
          Structure.build(
              def.toBuilder()
                  .forms(forms)
                  .fields(dict.fields())
                  .eventForms(mappings)
                  .repeating(repeating)
                  .surveys(surveys));
      String oldId = def.recordIdField().name();
      String newId = changed.recordIdField().name();
      Structure.save(
          call,
          changed,
          List.of(),
          c -> {
            if (!oldId.equals(newId)) {
              RecordStore.renameField(c, def.id(), oldId, newId);
            }
            return null;
          });
      call.sendPlain(String.valueOf(dict.fields().size()));
    }

    private static void validate(DictionaryReader.Dictionary dict) throws ApiException {
      List<String> problems = new ArrayList<>();
      Set<String> seen = new HashSet<>();
      Set<String> closedForms = new HashSet<>();
      String currentForm = null;
      for (Field f : dict.fields()) {
        if (!NAME.matcher(f.name()).matches() || f.name().contains("__")) {
          problems.add(
              "The variable name '"
                  + f.name()
                  + "' is not valid: use lower-case letters, numbers and single"
                  + " underscores, starting with a letter.");
        }
        if (!seen.add(f.name())) {
          problems.add("The variable name '" + f.name() + "' is used more than once.");
        }
        if (!NAME.matcher(f.formName()).matches()) {
          problems.add(
              "The form name '"
                  + f.formName()
                  + "' is not valid: use lower-case letters, numbers and"
                  + " underscores, starting with a letter.");
        }
        if (!f.formName().equals(currentForm)) {
          if (closedForms.contains(f.formName())) {
            problems.add(
                "The fields of form '"
                    + f.formName()
                    + "' are not all together: a form's fields must be"
                    + " contiguous.");
          }
          if (currentForm != null) {
            closedForms.add(currentForm);
          }
          currentForm = f.formName();
        }
        if (f.type().hasChoiceList() && f.choices().isEmpty()) {
          problems.add(
              "The field '"
                  + f.name()
                  + "' is a "
                  + f.type().apiName()
                  + " field but has no choices.");
        }
        if (f.type() == FieldType.CALC && f.choicesOrCalculation().isBlank()) {
          problems.add("The calculated field '" + f.name() + "' has no calculation.");
        }
      }
      if (!dict.fields().isEmpty() && dict.fields().get(0).type() != FieldType.TEXT) {
        problems.add(
            "The first field ('"
                + dict.fields().get(0).name()
                + "') is the record ID field and must be a"
                + " text field.");
      }
      if (!problems.isEmpty()) {
        throw ApiException.badRequest(String.join("\n", problems));
      }
    }
  }
}
