package org.redcapjdbc.emulator.store;

import static java.util.Objects.requireNonNull;

import org.redcapjdbc.emulator.model.UserRights;

/**
 * A row of {@code redcap_users}: a project user, its DAG ({@code groupId}, null when in none), its
 * role (unique role name, null when in none) and its own rights (a user in a role has the role's
 * rights instead).
 */
public record StoredUser(
    String username,
    String email,
    String firstname,
    String lastname,
    String expiration,
    Integer groupId,
    String roleName,
    UserRights rights) {
  public StoredUser {
    requireNonNull(username, "username");
    email = email == null ? "" : email;
    firstname = firstname == null ? "" : firstname;
    lastname = lastname == null ? "" : lastname;
    expiration = expiration == null ? "" : expiration;
    roleName = roleName == null || roleName.isEmpty() ? null : roleName;
    requireNonNull(rights, "rights");
  }

  public StoredUser withGroup(Integer g) {
    return new StoredUser(username, email, firstname, lastname, expiration, g, roleName, rights);
  }

  public StoredUser withRole(String r) {
    return new StoredUser(username, email, firstname, lastname, expiration, groupId, r, rights);
  }

  public StoredUser withRights(UserRights r) {
    return new StoredUser(username, email, firstname, lastname, expiration, groupId, roleName, r);
  }
}
