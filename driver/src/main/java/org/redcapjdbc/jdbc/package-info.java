/**
 * The {@code jdbc:redcap:} driver and the SQL shell: {@link org.redcapjdbc.jdbc.RedcapDriver}
 * (found through {@code META-INF/services/java.sql.Driver}), its connection properties
 * ({@link org.redcapjdbc.jdbc.RedcapProperty}, which {@code getPropertyInfo} shows and the README's
 * property table repeats), the parsing of URL and properties into a
 * {@link org.redcapjdbc.schema.RedcapConfig} ({@code ConnectionSettings}), the planner rules added
 * to every statement ({@code RedcapPrepare}), the REMARKS and type names of JDBC metadata, the
 * one-off Calcite warm-up of a JVM's first connection ({@code ColdStartWarmUp}) and
 * {@link org.redcapjdbc.jdbc.RedcapShell} (sqlline, with {@code --demo}).
 *
 * <p>Decisions that callers and later work rely on:
 * <ul>
 *   <li><b>Calcite's driver, adjusted, not a new one</b>: the driver extends Calcite's and only
 *       swaps in its own factory, meta and prepare. The subclasses that need Calcite's
 *       package-private classes live in {@code org.apache.calcite.jdbc} (see its package
 *       documentation); everything else stays here, on Calcite's public API.
 *   <li><b>Defaults</b>: every driver property's default is in {@code RedcapProperty};
 *       {@code RedcapConfig.Builder} repeats them for code that builds a config directly, and
 *       {@code PropertyDefaultsTest} keeps the two and the README in step. Calcite's own
 *       properties pass through, over the driver's {@code lex=MYSQL_ANSI},
 *       {@code conformance=LENIENT} and type system.
 *   <li><b>The token</b> never reaches Calcite's properties, {@code getURL()},
 *       {@code getPropertyInfo} or a message.
 *   <li><b>No dependency on the emulator</b>: it is the oracle the driver is tested against, so
 *       {@code --demo} runs the emulator's jar as a child process.
 * </ul>
 *
 * <p>Dependencies: Calcite and Avatica, sqlline (shell only), and the adapter's {@code schema}
 * and {@code plan} packages ({@code client} only for its exception type). See
 * {@code docs/architecture.md}.
 */
package org.redcapjdbc.jdbc;
