/**
 * REDCap project XML (CDISC ODM 1.3.1 with {@code redcap:} extensions): {@link
 * org.redcapjdbc.emulator.odm.OdmReader} reads a project file (settings, dictionary, events,
 * mappings, repeating set-up, DAGs, surveys, reports, roles and records) into the {@code load}
 * package's types, and {@link org.redcapjdbc.emulator.odm.OdmWriter} writes a stored project in
 * the shape the reader reads back, streaming the records a chunk at a time.
 *
 * <p>Line breaks inside attribute values are data (REDCap writes multi-line values literally into
 * {@code Value="…"}), so they are kept on reading ({@code AttributeLineBreakReader}) and written as
 * character references. A leading UTF-8 byte-order mark is ignored.
 *
 * <p>Dependencies: {@code model}, {@code load} (reader), {@code store}, {@code api.record}
 * ({@code RecordRows}) and {@code format} (writer), and the JDK's StAX.
 */
package org.redcapjdbc.emulator.odm;
