/**
 * Planner rules ({@link org.redcapjdbc.plan.RedcapRules}) and the translation of WHERE clauses
 * into export requests ({@link org.redcapjdbc.filter.FilterTranslator}).
 *
 * <p>What is pushed, and why it is safe:
 * <ul>
 *   <li>Record-ID and event-name equalities and IN lists (literals or {@code ?} parameters, read
 *       at scan time) become {@code records[]} and {@code events[]}; they are exact, and a filter
 *       entry made only of them is removed from Calcite's list. Record-ID ranges become
 *       {@code records[]} through the record-ID list read at scan time, and stay in the list.
 *   <li>Everything else that can be pushed becomes a {@code filterLogic} that is a
 *       <em>superset</em> under REDCap's comparison rules (as the emulator's logic package
 *       documents them); Calcite re-applies the exact predicate. The rules per column type are in
 *       {@code LogicTranslator}; {@code PushdownEquivalenceTest} checks them against the emulator
 *       with random predicates.
 *   <li>{@link org.redcapjdbc.plan.CountStarRule}: {@code COUNT(*)} over {@code records} scans the
 *       record-ID column only.
 *   <li>{@link org.redcapjdbc.plan.ColumnlessInterpreter} bridges a scan that projects no column
 *       ({@code COUNT(*)} over a LIMITed subquery) to Enumerable operators, and
 *       {@link org.redcapjdbc.plan.DirectScan} a scan without filters, without Calcite's
 *       interpreter.
 * </ul>
 *
 * <p>Writes: {@link org.redcapjdbc.plan.RedcapTableModify} (and its rule, in
 * {@code RedcapRules.ALL}) replaces Calcite 1.42's {@code EnumerableTableModify}, which needs a
 * Java collection, throws on UPDATE and deletes nothing from array rows
 * (docs/calcite-workarounds.md §3). It hands the rows to the table's
 * {@link org.redcapjdbc.plan.TableWriter}: whole rows for INSERT, and for UPDATE and DELETE only
 * {@link org.redcapjdbc.plan.WritableTable#matchedRowColumns()} (plus the new values), a projection
 * the planner pushes into the scan, so that a DELETE exports the matching keys and nothing else.
 * {@link org.redcapjdbc.plan.InsertDefaults} lets an INSERT leave out the NOT NULL columns REDCap
 * fills in (an auto-numbered record ID, a new instance).
 *
 * <p>Dependencies: Calcite and {@code model} (column types and names); not {@code client} or
 * {@code schema}: a table reaches the rules through {@link org.redcapjdbc.plan.WritableTable} and
 * {@link org.redcapjdbc.plan.TableWriter}, which {@code schema} implements.
 */
package org.redcapjdbc.plan;
