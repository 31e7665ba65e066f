/**
 * A REDCap-API-compatible server for tests and demos, and its Java API:
 * {@link org.redcapjdbc.emulator.RedcapEmulator} (builder, start, load or generate projects, stop),
 * {@link org.redcapjdbc.emulator.EmulatedProject} (token, users with chosen rights through
 * {@link org.redcapjdbc.emulator.UserSpec}, stored files, the log),
 * {@link org.redcapjdbc.emulator.Faults} (latency, error statuses, resets, truncation, dropped
 * records), {@link org.redcapjdbc.emulator.EmulatorStats} (requests and bytes per method) and the
 * command line ({@link org.redcapjdbc.emulator.Main}).
 *
 * <p>Decisions that callers and later work rely on:
 * <ul>
 *   <li><b>An independent oracle.</b> The emulator shares no code with {@code calcite-adapter} or
 *       {@code driver} and depends on neither (see its pom): it follows REDCap's documented and
 *       observed behaviour ({@code docs/redcap-api.md}), so the driver is tested against REDCap's
 *       rules rather than against its own reading of them.
 *   <li><b>Loopback only</b>, on a free port unless one is given; storage is H2, in memory unless
 *       a data directory is set, in which case stored projects are served again after a restart.
 *   <li><b>Faults are off by default</b> and drawn from one seeded generator, so a faulty run is
 *       repeatable for a given request sequence.
 * </ul>
 *
 * <p>Wiring only: this package puts {@code store}, {@code load}, {@code api} and {@code http}
 * together (Jetty for the server); REDCap's behaviour lives in those packages. Nothing inside
 * them depends on this one except {@code http}, for the fault knobs and the counters' types.
 */
package org.redcapjdbc.emulator;
