/**
 * The driver's subclasses of Calcite's JDBC objects, in Calcite's own package because Calcite
 * 1.42 keeps what they extend or call package-private:
 * <ul>
 *   <li>{@link org.apache.calcite.jdbc.RedcapJdbcFactory}: its {@code RedcapConnection} extends
 *       the package-private {@code CalciteConnectionImpl} (holding the REDCap session, real
 *       {@code isValid}, generated keys, write batches), and its {@code RedcapResultSet} calls
 *       {@code CalciteResultSet}'s package-private constructor; the statements it creates take a
 *       {@code CalciteConnectionImpl}.
 *   <li>{@link org.apache.calcite.jdbc.RedcapMetaImpl}: the {@code CalciteMetaImpl} constructor
 *       it must call takes a {@code CalciteConnectionImpl}, and it reads the package-private
 *       {@code getConnection()} and {@code rootSchema} to find a table's primary key.
 *   <li>{@code RedcapStatements}: {@code RedcapStatement} calls {@code CalciteStatement}'s
 *       package-private constructor, and {@code RedcapPreparedStatement} extends the
 *       package-private {@code CalcitePreparedStatement}.
 * </ul>
 *
 * <p>Their helpers that need no Calcite internals live in {@code org.redcapjdbc.jdbc}
 * ({@code ParameterText}); failures become {@code SQLException}s in one place, the adapter's
 * {@code org.redcapjdbc.schema.SqlErrors}.
 *
 * <p>Only these classes may touch Calcite's package-private API, and only here; anything that
 * can be written against public API belongs in {@code org.redcapjdbc.jdbc}. Split packages work
 * on the class path, where JDBC drivers live (DBeaver, plain applications), but not as named
 * JPMS modules. Every such member used is a coupling to Calcite's internals, to be re-checked on
 * each Calcite upgrade; {@code docs/calcite-workarounds.md} describes the Calcite and Avatica
 * behaviour these classes work around.
 * Dependencies: Calcite and Avatica, and the adapter's {@code schema} package (sessions, write
 * results, warnings) and {@code client} (its exception type).
 */
package org.apache.calcite.jdbc;
