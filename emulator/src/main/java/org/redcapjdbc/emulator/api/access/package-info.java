/**
 * Who may do what: the API methods for users ({@code content=user}), user roles
 * ({@code userRole}), data access groups ({@code dag}, including {@code switch}) and the
 * user-role and user-DAG mappings, each an export, import and, where REDCap has one, delete.
 *
 * <p>Rights are imported and exported under the API's column names, with per-form data-entry and
 * export rights; a user in a role has the role's rights. DAG methods are refused to users inside
 * a DAG, with REDCap's text. Every change is logged as REDCap logs it.
 *
 * <p>Dependencies: {@code api} (method base classes, parameters, errors), {@code store}
 * ({@code AccessStore}), {@code model} and {@code format}.
 */
package org.redcapjdbc.emulator.api.access;
