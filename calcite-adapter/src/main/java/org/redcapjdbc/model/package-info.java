/**
 * The structure of a REDCap project and the SQL tables derived from it: an immutable
 * {@link org.redcapjdbc.model.ProjectModel} (dictionary, instruments, events, arms, mappings,
 * repeating set-up, DAGs, project info), the {@link org.redcapjdbc.model.TableLayout}s of
 * {@code records} and of each instrument, the SQL type of each field
 * ({@link org.redcapjdbc.model.SqlTypeMapping}) and the {@link org.redcapjdbc.model.ValueConverter}
 * that turns a column's wire text into Calcite's internal value and back.
 *
 * <p>Decisions that callers and later work rely on:
 * <ul>
 *   <li><b>No I/O, no API.</b> A model is built from the rows REDCap's API exports, keyed by the
 *       API's column names, whoever fetched them: the schema package through the client, tests,
 *       or a data-dictionary CSV ({@link org.redcapjdbc.model.DataDictionaryCsv}). Missing
 *       optional columns read as blank and extra ones are ignored, so REDCap versions may differ;
 *       input that contradicts itself (the project changed between two calls) is an
 *       {@code IllegalArgumentException}, never a table that misreads data.
 *   <li><b>Types come from the dictionary only</b>, never from the data; a validation or field
 *       type this package does not know reads as VARCHAR rather than failing the project.
 *   <li><b>Converters never throw on bad data</b>: an unparsable value reads as NULL and is
 *       reported to a {@link org.redcapjdbc.model.ValueProblemSink} (the schema package turns it
 *       into a warning, or an error under {@code strictTypes}). They are immutable and bound to
 *       one column; dates and times are parsed without allocating ({@code WireTime}).
 *   <li><b>REDCap's naming rules live here</b> ({@link org.redcapjdbc.model.CheckboxNames},
 *       {@link org.redcapjdbc.model.PseudoColumns}, {@link org.redcapjdbc.model.Choices}), as
 *       {@code docs/redcap-api.md} describes them, so that the planner and the scans agree on
 *       them.
 * </ul>
 *
 * <p>Dependencies: the JDK (types are {@code java.sql.JDBCType}s; {@code schema/RelTypes} turns
 * them into Calcite's, so nothing here imports Calcite), Jackson's CSV dataformat ({@link org.redcapjdbc.model.CsvRows}) and jsoup (labels as plain
 * text). From this module only {@link org.redcapjdbc.client.ByteOrderMark}, the JDK-only rule
 * every reader of REDCap text shares; it must not depend on the rest of {@code client}, nor on
 * {@code schema} or {@code plan}, which build on it.
 */
package org.redcapjdbc.model;
