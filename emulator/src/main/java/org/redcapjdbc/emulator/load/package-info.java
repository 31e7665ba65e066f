/**
 * Projects to serve, read from files or generated: {@link
 * org.redcapjdbc.emulator.load.ProjectFiles} opens a project XML file (through {@code odm}), a
 * directory of CSV files ({@link org.redcapjdbc.emulator.load.CsvProjectReader}) or a lone data
 * dictionary, and {@link org.redcapjdbc.emulator.load.Generator} makes deterministic synthetic
 * projects from a spec (or the {@code demo} study). Each gives a {@link
 * org.redcapjdbc.emulator.load.LoadedProject}: a definition plus {@link
 * org.redcapjdbc.emulator.load.ProjectData} that replays the records into a {@link
 * org.redcapjdbc.emulator.load.RecordSink}, so records are streamed into storage rather than held
 * in memory.
 *
 * <p>What a CSV project leaves implicit (designations, repeating set-up, DAGs, surveys) is
 * inferred from its data, the way an export shows it. CSV files are parsed by {@link
 * org.redcapjdbc.emulator.load.CsvTables} with Commons CSV. A file that cannot be loaded is a
 * {@link org.redcapjdbc.emulator.load.ProjectLoadException} naming the file and what is wrong.
 *
 * <p>Dependencies: {@code model}, {@code format} (the byte-order-mark rule), {@code odm} (project
 * XML) and Commons CSV; not {@code store} or {@code api}: storing a loaded project is
 * {@code store.ProjectImporter}'s job.
 */
package org.redcapjdbc.emulator.load;
