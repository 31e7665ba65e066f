package org.redcapjdbc.emulator;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.redcapjdbc.emulator.model.UserRights;

/**
 * A user to add to a project through the Java API ({@link EmulatedProject#addUser(UserSpec)}),
 * with the rights its API token should have. Unless restricted, the user has full rights, as the
 * project's creator has them; the builder takes rights away or narrows them:
 *
 * <pre>{@code
 * String token = project.addUser(UserSpec.builder("site_a_reader")
 *     .apiImport(false)                 // 403 "You do not have API Import/Update privileges"
 *     .recordDelete(false)
 *     .exportRight("labs", 0)           // the labs form is left out of exports
 *     .exportRight("demographics", 2)   // de-identified: identifier fields are left out
 *     .dag("site_a")                    // sees only site_a's records
 *     .build());
 * }</pre>
 */
public final class UserSpec {
  private final String username;
  private final String email;
  private final String firstname;
  private final String lastname;
  private final Map<String, Integer> rights;
  private final Map<String, Integer> formRights;
  private final Map<String, Integer> exportRights;
  private final String dag;
  private final String role;
  private final List<String> dagSwitcher;
  private final String token;

  private UserSpec(Builder b) {
    this.username = b.username;
    this.email = b.email;
    this.firstname = b.firstname;
    this.lastname = b.lastname;
    this.rights = Map.copyOf(b.rights);
    this.formRights = Map.copyOf(b.formRights);
    this.exportRights = Map.copyOf(b.exportRights);
    this.dag = b.dag;
    this.role = b.role;
    this.dagSwitcher = List.copyOf(b.dagSwitcher);
    this.token = b.token;
  }

  public static Builder builder(String username) {
    return new Builder(username);
  }

  public String username() {
    return username;
  }

  public String email() {
    return email;
  }

  public String firstname() {
    return firstname;
  }

  public String lastname() {
    return lastname;
  }

  /** The user's rights: full rights with this spec's changes applied. */
  public UserRights rights() {
    return UserRights.full().withFlags(rights).withForms(formRights).withFormsExport(exportRights);
  }

  /** The unique name of the DAG the user is in, or null. */
  public String dag() {
    return dag;
  }

  /** The unique role name of the user's role, or null. */
  public String role() {
    return role;
  }

  /** Unique names of the DAGs the user may switch to ({@code content=dag&action=switch}). */
  public List<String> dagSwitcher() {
    return dagSwitcher;
  }

  /** The API token to give the user, or null to generate one. */
  public String token() {
    return token;
  }

  @Override
  public String toString() {
    return "UserSpec[" + username + (dag == null ? "" : " in " + dag) + "]";
  }

  /** Builds a {@link UserSpec}; every right not mentioned is full. */
  public static final class Builder {
    private final String username;
    private String email = "";
    private String firstname = "";
    private String lastname = "";
    private final Map<String, Integer> rights = new LinkedHashMap<>();
    private final Map<String, Integer> formRights = new LinkedHashMap<>();
    private final Map<String, Integer> exportRights = new LinkedHashMap<>();
    private String dag;
    private String role;
    private final List<String> dagSwitcher = new ArrayList<>();
    private String token;

    private Builder(String username) {
      this.username = requireNonNull(username, "username");
      if (username.isBlank()) {
        throw new IllegalArgumentException("A user name cannot be blank");
      }
    }

    public Builder email(String v) {
      email = requireNonNull(v, "email");
      return this;
    }

    public Builder firstname(String v) {
      firstname = requireNonNull(v, "firstname");
      return this;
    }

    public Builder lastname(String v) {
      lastname = requireNonNull(v, "lastname");
      return this;
    }

    /** API Export: without it every export answers 403. */
    public Builder apiExport(boolean v) {
      return right("api_export", v ? 1 : 0);
    }

    /** API Import/Update: without it imports answer 403 {@code You do not have API Import/Update privileges}. */
    public Builder apiImport(boolean v) {
      return right("api_import", v ? 1 : 0);
    }

    /** Delete Record: without it record deletes answer 403. */
    public Builder recordDelete(boolean v) {
      return right("record_delete", v ? 1 : 0);
    }

    /** Any right of the user export ({@code design}, {@code user_rights}, {@code logging}…), 0 or 1. */
    public Builder right(String key, int value) {
      if (!UserRights.KEYS.contains(key)) {
        throw new IllegalArgumentException(
            "'" + key + "' is not a user right; the rights are " + UserRights.KEYS);
      }
      rights.put(key, value);
      return this;
    }

    /** Data-entry rights on a form: 0 no access, 2 read only, 1 view and edit, 3 edit survey responses. */
    public Builder formRight(String form, int level) {
      formRights.put(requireNonNull(form, "form"), level);
      return this;
    }

    /**
     * Export rights on a form: 0 no access (the form is left out of exports), 2 de-identified and
     * 3 identifiers removed (identifier fields are left out), 1 full.
     */
    public Builder exportRight(String form, int level) {
      if (level < 0 || level > 3) {
        throw new IllegalArgumentException("An export right is 0, 1, 2 or 3, not " + level);
      }
      exportRights.put(requireNonNull(form, "form"), level);
      return this;
    }

    /** Puts the user in a DAG (by unique group name): it then sees only that DAG's records. */
    public Builder dag(String uniqueGroupName) {
      dag = requireNonNull(uniqueGroupName, "uniqueGroupName");
      return this;
    }

    /** Puts the user in a role (by unique role name): it then has the role's rights. */
    public Builder role(String uniqueRoleName) {
      role = requireNonNull(uniqueRoleName, "uniqueRoleName");
      return this;
    }

    /** DAGs the user may switch to with {@code content=dag&action=switch}. */
    public Builder dagSwitcher(String... uniqueGroupNames) {
      for (String g : uniqueGroupNames) {
        dagSwitcher.add(requireNonNull(g, "uniqueGroupName"));
      }
      return this;
    }

    /** The token to give the user (any string); by default 32 random upper-case hex characters. */
    public Builder token(String v) {
      token = requireNonNull(v, "token");
      return this;
    }

    public UserSpec build() {
      return new UserSpec(this);
    }
  }
}
