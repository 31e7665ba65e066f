/**
 * The emulator's storage in H2, with tables modelled on REDCap's own ({@code Schema}): one EAV
 * data table keyed by project, event, record, field and instance (a checkbox has one row per
 * checked code) beside tables for the design, users and tokens, files, surveys and the log. The
 * stores ({@link org.redcapjdbc.emulator.store.ProjectStore}, {@link
 * org.redcapjdbc.emulator.store.RecordStore}, {@link org.redcapjdbc.emulator.store.AccessStore},
 * {@link org.redcapjdbc.emulator.store.DocumentStore}, {@link
 * org.redcapjdbc.emulator.store.LogStore}, {@link org.redcapjdbc.emulator.store.SurveyStore}) hold
 * the SQL; {@link org.redcapjdbc.emulator.store.ProjectImporter} stores a loaded project.
 *
 * <p>Decisions that the API methods rely on:
 * <ul>
 *   <li><b>One lock per project</b> ({@link org.redcapjdbc.emulator.store.ProjectHandle}):
 *       exports hold the read lock while they stream, so they see one consistent state; every
 *       change holds the write lock.
 *   <li><b>Storage order is REDCap's order</b>: a record's data rows take a contiguous key range,
 *       so insertion order is kept; record names sort numeric-aware ({@code 2} before
 *       {@code 10}) through an encoded sort key ({@link
 *       org.redcapjdbc.emulator.store.RecordNames}).
 *   <li>Failures are {@link org.redcapjdbc.emulator.store.StoreException}s saying what was being
 *       done.
 * </ul>
 *
 * <p>Dependencies: H2, Jackson (JSON columns), {@code model}, and {@code load} for the types of
 * a project being imported; never {@code api} or {@code http}.
 */
package org.redcapjdbc.emulator.store;
