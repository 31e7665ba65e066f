/**
 * The File Repository ({@code content=fileRepository}): list, export, import, delete and
 * {@code createFolder}. Every action needs the File Repository right besides API export or
 * import, and a folder restricted to a DAG is invisible to users of other DAGs. The files of
 * record fields are {@code api.record.FileMethods}, whose content-type and MIME-type rules this
 * package reuses, so both kinds of file are answered alike.
 *
 * <p>Dependencies: {@code api}, {@code api.record} ({@code FileMethods}), {@code store}
 * ({@code DocumentStore}), {@code model} and {@code format}.
 */
package org.redcapjdbc.emulator.api.file;
