/**
 * The emulator's in-memory description of a project, everything but its records: {@link
 * org.redcapjdbc.emulator.model.ProjectDefinition} (settings, instruments, dictionary, arms,
 * events, mappings, repeating set-up, DAGs, surveys, reports, roles) and its parts, user rights,
 * log entries, and REDCap's rule for derived unique names ({@link
 * org.redcapjdbc.emulator.model.UniqueNames}).
 *
 * <p>Immutable values: a structural change builds a new definition. Classic projects carry
 * REDCap's single implicit event {@code event_1_arm_1} with every form designated, so code that
 * handles records treats both layouts alike. Ids are 0 until the store assigns them. Values
 * absent from a dictionary row are empty strings, never null.
 *
 * <p>Dependencies: the JDK only. Every other package may use it; it uses none. This is not the
 * adapter's {@code org.redcapjdbc.model}: the emulator shares no code with the driver.
 */
package org.redcapjdbc.emulator.model;
