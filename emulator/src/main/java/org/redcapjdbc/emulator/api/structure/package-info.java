/**
 * The project's design: the data dictionary ({@code metadata}), arms, events, instrument-event
 * mappings, the repeating set-up, and the exports of project info, instruments, export field
 * names and project XML.
 *
 * <p>A project definition is immutable: a structural import builds a new
 * {@code model.ProjectDefinition} and stores it, under the project's write lock and with the
 * Project Design right. {@code Structure} holds the helpers the structural methods share.
 *
 * <p>Dependencies: {@code api}, {@code api.record} (import parsing, row selection for project
 * XML), {@code store}, {@code load}, {@code odm} (project XML), {@code model} and {@code format}.
 */
package org.redcapjdbc.emulator.api.structure;
