/**
 * Records: export (flat or EAV; JSON, CSV, XML or ODM), import, delete, rename, the next record
 * name, reports, and the files of record fields; and what they share: which columns a flat export
 * has ({@code ColumnPlan}), which rows a record has ({@link
 * org.redcapjdbc.emulator.api.record.RecordRows}), how cells are rendered, the row selection of
 * {@code records}, {@code events}, {@code filterLogic} and the caller's DAG ({@link
 * org.redcapjdbc.emulator.api.record.RecordFilter}), value validation, calc fields, and the
 * parsing of every import's {@code data} ({@link org.redcapjdbc.emulator.api.record.ImportData},
 * also used by the structural, access and project imports).
 *
 * <p>Decisions that tests rely on:
 * <ul>
 *   <li><b>Exports stream</b>: records are read from H2 a chunk at a time in export order and each
 *       row is written once its record is complete, so a large export is never held in memory.
 *   <li><b>Imports are all or nothing</b>: every cell is validated first, and any problem gives
 *       one 400 listing them with nothing written; otherwise the import is one transaction. Calc
 *       fields are recomputed on save, as REDCap does.
 *   <li><b>filterLogic selects record-events</b>, never single instances: a record-event is kept
 *       when the logic is true on any of its rows, and then all its rows come back. The logic
 *       itself is the {@code logic} package's.
 *   <li>The caller's export rights and DAG apply to every read (forms left out, identifiers
 *       removed, other DAGs' records invisible).
 * </ul>
 *
 * <p>Dependencies: {@code api}, {@code store}, {@code model}, {@code format}, {@code logic} and
 * {@code odm} (ODM exports); Jackson and Commons CSV for import data. Shapes and messages follow
 * {@code docs/redcap-api.md}.
 */
package org.redcapjdbc.emulator.api.record;
