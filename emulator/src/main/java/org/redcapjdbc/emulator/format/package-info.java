/**
 * The wire shapes of REDCap's answers: the {@link org.redcapjdbc.emulator.format.Format}s
 * ({@code format} and {@code returnFormat}), {@link org.redcapjdbc.emulator.format.TableWriter}s
 * that stream a table as JSON, CSV or XML the way current REDCap servers write it, REDCap's error
 * bodies ({@link org.redcapjdbc.emulator.format.ErrorBodies}), XML escaping
 * ({@link org.redcapjdbc.emulator.format.XmlText}) and the byte-order-mark rule for text the
 * emulator reads ({@link org.redcapjdbc.emulator.format.ByteOrderMark}).
 *
 * <p>Byte-for-byte details (quoting, line ends, JSON numbers for some columns, the XML
 * declaration) are decisions: clients parse them, so they follow real servers, not a library's
 * defaults.
 *
 * <p>Dependencies: Jackson and Commons CSV only; no other package of the emulator, so every
 * package may use this one.
 */
package org.redcapjdbc.emulator.format;
