/**
 * The Calcite schemas of a REDCap project: {@code redcap} ({@code records} and one table per
 * instrument) and {@code meta} (dictionary, structure, users, DAGs, files).
 *
 * <p>Entry point: {@link org.redcapjdbc.schema.RedcapSchemas#attach}, which the driver calls for
 * each connection. Decisions that callers and later work rely on:
 * <ul>
 *   <li><b>The project's structure is read once per URL, token and layout options</b> (version,
 *       project info, dictionary, instruments, DAGs; then events, arms, mappings and repeating
 *       setup where they exist), in parallel, with no request that grows with the records, and
 *       shared by every connection until {@code metadataTtl}; the record count is learnt by the
 *       first read that needs it, once per snapshot ({@code ProjectSnapshot.tally}); at most one
 *       fetch per key runs at a time, and a failed fetch is not cached. A connection keeps the
 *       snapshot it opened with, so a statement is always planned and run against one layout;
 *       planning and JDBC metadata never call REDCap.
 *   <li><b>Data tables are {@code ProjectableFilterableTable}s.</b> A scan turns its projection
 *       and WHERE clause into one export request ({@code filter.FilterTranslator}), reads it
 *       through a single streaming request (small projects, record-ID-only reads, explicit records) or a
 *       batched export, and converts each row straight from the cursor's strings into one
 *       {@code Object[]}. Record and event restrictions are also re-checked on the rows (a hash
 *       lookup), so results never depend on how the server matches names.
 *   <li><b>Instrument tables</b> read {@code forms[]} with {@code exportBlankForGrayFormStatus}
 *       and keep the rows where the instrument holds data (a non-blank field, a checked option,
 *       or a status); an instrument named {@code records} is shown as {@code records_form}.
 *   <li><b>Stopping</b>: closing an enumerator aborts its HTTP call; {@code Statement.cancel()}
 *       and the query timeout are enforced by {@link org.redcapjdbc.schema.ScanWatchdog}, which
 *       aborts a blocked export within about 0.1 s, and, with {@code cache=memory|disk}, the
 *       snapshot cache's fill or refresh run for the scan (its cursors and its structure check
 *       and log read, under a {@link org.redcapjdbc.client.CallAbort}). The timeout clock starts
 *       when the scan starts, not when planning does.
 *   <li><b>Unparsable values</b> read as NULL with a warning naming record, column and value
 *       ({@link org.redcapjdbc.schema.QueryWarnings}), or fail the query under
 *       {@code strictTypes} ({@link org.redcapjdbc.schema.UnreadableValueException}).
 *   <li><b>Keys</b> are reported to JDBC clients ({@link org.redcapjdbc.schema.RedcapTableInfo})
 *       but not to the planner: Calcite 1.42 misreads a table's keys on a projecting scan.
 *   <li><b>DECIMAL(38,16)</b> needs {@link org.redcapjdbc.schema.RedcapTypeSystem}, which the
 *       driver installs as the {@code typeSystem} connection property.
 *   <li><b>Writes</b> (INSERT, UPDATE, DELETE) are {@code TableWriter}s made by each table:
 *       {@link org.redcapjdbc.schema.RecordExportTable} tables import and delete records
 *       ({@code RecordInsert}, {@code RecordUpdate}, {@code RecordDelete}, through the session's
 *       {@code RecordImporter}, chunked by {@code importBatchSize}), {@code meta.files} uploads
 *       and deletes files ({@code FileWrite}), and the structure tables call REDCap's import and
 *       delete methods ({@code StructureWrites}); every other table refuses with a reason. A
 *       statement reads all its rows and checks every value before its first call;
 *       {@code readOnly} refuses it before anything is read. Failures are
 *       {@link org.redcapjdbc.schema.RedcapWriteException}s carrying the rows written by earlier
 *       calls and an SQLState. {@link org.redcapjdbc.schema.GeneratedKeys} and
 *       {@link org.redcapjdbc.schema.WriteBatch} reach the driver through the statement's cancel
 *       flag, as {@link org.redcapjdbc.schema.QueryWarnings} do.
 *   <li><b>Connect failures</b> are {@code SQLException}s saying which server could not be used
 *       and why, with REDCap's own message and never the token (SQLState 28000 for a refused
 *       token, 08001 for an unreachable host or a URL that is not an API).
 * </ul>
 *
 * <p>Dependencies: this is the package that ties the others together: Calcite, {@code client}
 * (every API call; {@code RedcapClients} also shares one OkHttp base client between connections
 * with the same TLS and proxy settings), {@code model} (layouts and converters) and {@code plan}
 * (pushdown and writes). Nothing else in this module depends on it; the driver does.
 */
package org.redcapjdbc.schema;
