/**
 * Translation of a scan's WHERE clause into an export request, run by the data tables when a
 * scan starts (not by the planner): {@link org.redcapjdbc.filter.FilterTranslator} turns
 * Calcite's filter list into an {@link org.redcapjdbc.filter.ExportFilter} ({@code records[]},
 * {@code events[]}, a {@code filterLogic} that keeps a superset of the rows, and the entries
 * applied exactly). It lives apart from the planner rules in {@code plan} because it runs at
 * execution time, with the statement's parameter values; {@code LogicTranslator}'s javadoc has
 * the per-type rules. Record-ID ranges ({@code RecordIdRanges}) are left in the filter for the
 * scan to resolve against the record-ID list, which this package never reads itself.
 */
package org.redcapjdbc.filter;
