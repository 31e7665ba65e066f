/**
 * The project's log ({@code content=log}): REDCap's audit trail, newest first, filtered by log
 * type, user, record, DAG and time range. The entries are written by the methods that change or
 * export data ({@code store.LogStore}); this package only reads them. A user in a DAG sees only
 * the entries of users of that DAG, and the export needs the Logging right.
 *
 * <p>Dependencies: {@code api}, {@code store}, {@code model} and {@code format}.
 */
package org.redcapjdbc.emulator.api.log;
