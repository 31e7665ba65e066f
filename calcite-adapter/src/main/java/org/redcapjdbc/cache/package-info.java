/**
 * The snapshot cache's parts that need no Calcite: the copied rows ({@link
 * org.redcapjdbc.cache.CopiedRows}, immutable versions), a {@link org.redcapjdbc.client.RowCursor}
 * over them ({@link org.redcapjdbc.cache.CopyCursor}), the server clock and date-range begin
 * ({@link org.redcapjdbc.cache.ServerClock}), the structure fingerprint ({@link
 * org.redcapjdbc.cache.StructureDigest}) and the encrypted file of {@code cache=disk} ({@link
 * org.redcapjdbc.cache.CopyFile}). Filling, refreshing and serving copies is {@code
 * schema.RecordCopy}/{@code schema.RecordCopies}; the design and its evidence are
 * docs/snapshot-cache.md.
 */
package org.redcapjdbc.cache;
