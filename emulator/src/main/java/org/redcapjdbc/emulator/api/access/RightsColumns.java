package org.redcapjdbc.emulator.api.access;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.redcapjdbc.emulator.api.ApiException;
import org.redcapjdbc.emulator.api.Imports;
import org.redcapjdbc.emulator.model.Form;
import org.redcapjdbc.emulator.model.ProjectDefinition;
import org.redcapjdbc.emulator.model.UserRights;

/** Reads the rights columns of a user or role import into {@link UserRights}. */
final class RightsColumns {
  private RightsColumns() {}

  /**
   * Applies the rights a row names to {@code base}: each key of {@link UserRights#KEYS},
   * {@code forms} and {@code forms_export} (a JSON object, or {@code form:level,…} as CSV writes
   * them) and the legacy {@code data_export} (one export level for every form). Columns not sent
   * keep {@code base}'s value.
   */
  static UserRights apply(
      ProjectDefinition def, UserRights base, Map<String, String> row, String who)
      throws ApiException {
    Map<String, Integer> flags = new LinkedHashMap<>();
    for (String k : UserRights.KEYS) {
      if (row.containsKey(k) && !Imports.cell(row, k).isEmpty()) {
        flags.put(k, level(Imports.cell(row, k), k, who));
      }
    }
    UserRights r = base.withFlags(flags);
    if (row.containsKey("data_export") && !Imports.cell(row, "data_export").isEmpty()) {
      int level = level(Imports.cell(row, "data_export"), "data_export", who);
      Map<String, Integer> all = new LinkedHashMap<>();
      for (Form f : def.forms()) {
        all.put(f.name(), level);
      }
      r = r.withFormsExport(all);
    }
    if (row.containsKey("forms") && !Imports.cell(row, "forms").isEmpty()) {
      r = r.withForms(formLevels(def, Imports.cell(row, "forms"), "forms", who));
    }
    if (row.containsKey("forms_export") && !Imports.cell(row, "forms_export").isEmpty()) {
      r =
          r.withFormsExport(
              formLevels(def, Imports.cell(row, "forms_export"), "forms_export", who));
    }
    return r;
  }

  private static int level(String v, String column, String who) throws ApiException {
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(
          "The value '"
              + v
              + "' of \""
              + column
              + "\" for "
              + who
              + " is not valid: it must be a number.");
    }
  }

  /** {@code {"form":1}} or {@code form:1,form2:2}; every form must exist in the project. */
  private static Map<String, Integer> formLevels(
      ProjectDefinition def, String text, String column, String who) throws ApiException {
    Map<String, Integer> out = new LinkedHashMap<>();
    String body = text.strip();
    if (body.startsWith("{") && body.endsWith("}")) {
      body = body.substring(1, body.length() - 1);
    }
    for (String pair : body.split(",")) {
      String p = pair.strip();
      if (p.isEmpty()) {
        continue;
      }
      int colon = p.lastIndexOf(':');
      if (colon <= 0) {
        throw ApiException.badRequest(
            "The value of \""
                + column
                + "\" for "
                + who
                + " is not valid: '"
                + p
                + "' is not form:level.");
      }
      String form = unquote(p.substring(0, colon));
      String level = unquote(p.substring(colon + 1));
      if (def.form(form) == null) {
        throw ApiException.badRequest(
            "The value of \""
                + column
                + "\" for "
                + who
                + " is not valid: '"
                + form
                + "' is not an instrument of this project.");
      }
      out.put(form, level(level, column, who));
    }
    return out;
  }

  private static String unquote(String s) {
    String t = s.strip();
    if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) {
      t = t.substring(1, t.length() - 1);
    }
    return t;
  }

  /** The rights a new user or role starts from: none on any form. */
  static UserRights minimum(ProjectDefinition def) {
    return UserRights.none(formNames(def.forms()));
  }

  static List<String> formNames(List<Form> forms) {
    return forms.stream().map(Form::name).toList();
  }
}
