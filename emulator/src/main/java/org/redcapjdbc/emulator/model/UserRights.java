package org.redcapjdbc.emulator.model;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The privileges of a user or a user role, under the names of REDCap's API ({@code design},
 * {@code api_export}, {@code record_delete}…, each 0 or 1, {@code user_rights} 0–2), plus the
 * per-form data-entry rights ({@code forms}: 0 no access, 2 read only, 1 view and edit, 3 edit
 * survey responses) and export rights ({@code forms_export}: 0 no access, 2 de-identified,
 * 3 identifiers removed, 1 full data set).
 *
 * <p>A form missing from {@code forms} or {@code forms_export} counts as full rights (1): forms
 * added to a project after a user was given rights stay usable, and users that predate form rights
 * in this emulator keep them all.
 */
public final class UserRights {
  /** Right keys in the order REDCap's user export lists them. */
  public static final List<String> KEYS =
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
          "lock_records_customization");

  /** Right keys in the order REDCap's user-role export lists them ({@code lock_records_customization} first). */
  public static final List<String> ROLE_KEYS =
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
          "lock_records_customization",
          "lock_records",
          "lock_records_all_forms");

  /** API right name → attribute name in a project XML's {@code redcap:UserRoles} (where they differ). */
  private static final Map<String, String> ODM_NAMES =
      Map.of(
          "stats_and_charts", "graphical",
          "manage_survey_participants", "participants",
          "logging", "data_logging",
          "data_quality_create", "data_quality_design",
          "lock_records_all_forms", "lock_record_multiform",
          "lock_records", "lock_record",
          "lock_records_customization", "lock_record_customize");

  /** Export-rights levels. */
  public static final int EXPORT_NONE = 0;

  public static final int EXPORT_FULL = 1;
  public static final int EXPORT_DEIDENTIFIED = 2;
  public static final int EXPORT_NO_IDENTIFIERS = 3;

  private final Map<String, Integer> flags;
  private final Map<String, Integer> forms;
  private final Map<String, Integer> formsExport;

  public UserRights(
      Map<String, Integer> flags, Map<String, Integer> forms, Map<String, Integer> formsExport) {
    Map<String, Integer> f = new LinkedHashMap<>();
    for (String k : KEYS) {
      f.put(k, requireNonNull(flags, "flags").getOrDefault(k, 0));
    }
    this.flags = Collections.unmodifiableMap(f);
    this.forms = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(forms, "forms")));
    this.formsExport =
        Collections.unmodifiableMap(
            new LinkedHashMap<>(requireNonNull(formsExport, "formsExport")));
  }

  /** Full rights, as a project's creator has them (the three REDCap leaves off stay 0), on every form. */
  public static UserRights full() {
    Map<String, Integer> m = new LinkedHashMap<>();
    for (String k : KEYS) {
      boolean off =
          k.equals("email_logging")
              || k.equals("mobile_app_download_data")
              || k.equals("lock_records_customization");
      m.put(k, off ? 0 : 1);
    }
    return new UserRights(m, Map.of(), Map.of());
  }

  /** No rights at all, on any form of {@code formNames} (what a user added without attributes gets). */
  public static UserRights none(List<String> formNames) {
    Map<String, Integer> forms = new LinkedHashMap<>();
    for (String f : formNames) {
      forms.put(f, 0);
    }
    return new UserRights(Map.of(), forms, forms);
  }

  /** The rights map (every key of {@link #KEYS}). */
  public Map<String, Integer> flags() {
    return flags;
  }

  public int flag(String key) {
    return flags.getOrDefault(key, 0);
  }

  /** Explicit form rights (forms not listed have full rights). */
  public Map<String, Integer> forms() {
    return forms;
  }

  /** Explicit export rights (forms not listed have full rights). */
  public Map<String, Integer> formsExport() {
    return formsExport;
  }

  public int formRight(String form) {
    return forms.getOrDefault(form, 1);
  }

  public int exportRight(String form) {
    return formsExport.getOrDefault(form, EXPORT_FULL);
  }

  /** Form rights of every form of the project, in project order. */
  public Map<String, Integer> formsOf(List<Form> projectForms) {
    Map<String, Integer> out = new LinkedHashMap<>();
    for (Form f : projectForms) {
      out.put(f.name(), formRight(f.name()));
    }
    return out;
  }

  /** Export rights of every form of the project, in project order. */
  public Map<String, Integer> exportsOf(List<Form> projectForms) {
    Map<String, Integer> out = new LinkedHashMap<>();
    for (Form f : projectForms) {
      out.put(f.name(), exportRight(f.name()));
    }
    return out;
  }

  public UserRights withFlags(Map<String, Integer> changed) {
    Map<String, Integer> m = new LinkedHashMap<>(flags);
    m.putAll(changed);
    return new UserRights(m, forms, formsExport);
  }

  public UserRights withForms(Map<String, Integer> changed) {
    Map<String, Integer> m = new LinkedHashMap<>(forms);
    m.putAll(changed);
    return new UserRights(flags, m, formsExport);
  }

  public UserRights withFormsExport(Map<String, Integer> changed) {
    Map<String, Integer> m = new LinkedHashMap<>(formsExport);
    m.putAll(changed);
    return new UserRights(flags, forms, m);
  }

  /** The rights of a role as a project XML gives them ({@code data_entry="[form,1][form2,2]"}…). */
  public static UserRights fromRoleAttributes(Map<String, String> attributes) {
    Map<String, Integer> flags = new LinkedHashMap<>();
    for (String k : KEYS) {
      String v = attributes.get(ODM_NAMES.getOrDefault(k, k));
      if (v == null) {
        v = attributes.get(k);
      }
      flags.put(k, parseInt(v));
    }
    return new UserRights(
        flags,
        bracketList(attributes.get("data_entry")),
        bracketList(attributes.get("data_export_instruments")));
  }

  /** These rights as {@code redcap:UserRoles} attributes, as a project XML writes them. */
  public Map<String, String> toRoleAttributes() {
    Map<String, String> out = new LinkedHashMap<>();
    for (String k : KEYS) {
      out.put(ODM_NAMES.getOrDefault(k, k), String.valueOf(flag(k)));
    }
    out.put("data_entry", bracketText(forms));
    out.put("data_export_instruments", bracketText(formsExport));
    return out;
  }

  private static int parseInt(String v) {
    if (v == null || v.isBlank()) {
      return 0;
    }
    try {
      return Integer.parseInt(v.strip());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** {@code [form,1][form2,2]} → {form: 1, form2: 2}. */
  static Map<String, Integer> bracketList(String text) {
    Map<String, Integer> out = new LinkedHashMap<>();
    if (text == null) {
      return out;
    }
    for (String part : text.split("\\]")) {
      String p = part.strip();
      if (p.startsWith("[")) {
        p = p.substring(1);
      }
      int comma = p.lastIndexOf(',');
      if (comma > 0) {
        out.put(p.substring(0, comma).strip(), parseInt(p.substring(comma + 1)));
      }
    }
    return out;
  }

  private static String bracketText(Map<String, Integer> m) {
    StringBuilder sb = new StringBuilder();
    m.forEach((k, v) -> sb.append('[').append(k).append(',').append(v).append(']'));
    return sb.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof UserRights r
        && r.flags.equals(flags)
        && r.forms.equals(forms)
        && r.formsExport.equals(formsExport);
  }

  @Override
  public int hashCode() {
    return flags.hashCode() * 31 + forms.hashCode() * 17 + formsExport.hashCode();
  }

  @Override
  public String toString() {
    return "UserRights" + flags + " forms=" + forms + " export=" + formsExport;
  }
}
