package org.redcapjdbc.schema;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.avatica.util.ByteString;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.rel.core.TableModify;
import org.redcapjdbc.client.RedcapException;

/**
 * INSERT into and DELETE from {@code meta.file_repository}, one call per row (REDCap takes one
 * file per request). INSERT uploads {@code content} as {@code name} into the folder
 * {@code parent_folder_id} (the top level when NULL), or, for a row of kind {@code folder}
 * without content, creates that folder; DELETE moves each matched file to REDCap's recycle bin
 * (the API cannot delete folders). Every row is checked before the first call; a failure says
 * how many earlier calls succeeded.
 */
final class FileRepositoryWrite extends StatementWrite {
  private final TableModify.Operation operation;

  FileRepositoryWrite(ProjectSession session, String what, TableModify.Operation operation) {
    super(session, what);
    this.operation = operation;
  }

  /** One call: a file to upload, a folder to create, or a file to delete. */
  private record Call(
      String kind, Long docId, String name, Long parent, String type, byte[] bytes) {
    String describe() {
      return kind + " '" + name + "'" + (docId == null ? "" : " (doc_id " + docId + ")");
    }
  }

  @Override
  long run(DataContext root, Enumerable<Object[]> rows) {
    WriteStop stop = WriteStop.of(root);
    WriteBatch batch = sendBufferedRowsFirst(root);
    List<Object[]> input = readAll(rows);
    List<Call> calls = new ArrayList<>(input.size());
    for (int i = 0; i < input.size(); i++) {
      try {
        calls.add(
            operation == TableModify.Operation.INSERT
                ? insert(input.get(i))
                : delete(input.get(i)));
      } catch (IllegalArgumentException e) {
        throw badRow(i, input.size(), e.getMessage());
      }
    }
    for (int i = 0; i < calls.size(); i++) {
      Call c = calls.get(i);
      String why = stop.reason();
      if (why != null) {
        throw new RedcapWriteException(
            what + " stopped before its next call: " + why + ". " + done(i) + ".",
            i,
            "57014",
            null);
      }
      try {
        if (operation == TableModify.Operation.DELETE) {
          session.client().files().deleteRepositoryFile(c.docId());
        } else if (c.bytes() == null) {
          session
              .client()
              .files()
              .createRepositoryFolder(
                  c.name(), c.parent() == null ? null : Math.toIntExact(c.parent()), null, null);
        } else {
          session
              .client()
              .files()
              .importRepositoryFile(
                  c.parent() == null ? null : Math.toIntExact(c.parent()),
                  c.name(),
                  c.bytes(),
                  c.type());
        }
      } catch (RedcapException e) {
        throw new RedcapWriteException(
            what
                + " failed at "
                + c.describe()
                + (calls.size() > 1 ? " (row " + (i + 1) + " of " + calls.size() + ")" : "")
                + ": "
                + e.getMessage()
                + (RecordImporter.endsWithStop(e.getMessage()) ? " " : ". ")
                + done(i)
                + ".",
            i,
            SqlErrors.writeState(e),
            e);
      }
    }
    if (batch != null) {
      batch.ranImmediately();
    }
    return calls.size();
  }

  private String done(int calls) {
    String verb = operation == TableModify.Operation.INSERT ? "uploaded or created" : "deleted";
    return calls + (calls == 1 ? " was " : " were ") + verb + " before; the rest were not sent";
  }

  /** kind, folder_id, doc_id, name, path, parent_folder_id, size, content_type, content. */
  private Call insert(Object[] row) {
    String kind = text(row[FileRepositoryTable.KIND]);
    String name = text(row[FileRepositoryTable.NAME]);
    Long parent =
        row[FileRepositoryTable.PARENT] == null
            ? null
            : ((Number) row[FileRepositoryTable.PARENT]).longValue();
    Object content = row[FileRepositoryTable.CONTENT];
    if (name == null) {
      throw new IllegalArgumentException("name is required: the file's or folder's name");
    }
    if (row[FileRepositoryTable.FOLDER_ID] != null || row[FileRepositoryTable.DOC_ID] != null) {
      throw new IllegalArgumentException(
          "folder_id and doc_id are given by REDCap; leave them out (parent_folder_id names the"
              + " folder to upload into)");
    }
    if ("folder".equalsIgnoreCase(kind)) {
      if (content != null) {
        throw new IllegalArgumentException("a folder has no content");
      }
      return new Call("folder", null, name, parent, null, null);
    }
    if (kind != null && !kind.equalsIgnoreCase("file")) {
      throw new IllegalArgumentException("kind must be 'file' or 'folder', not '" + kind + "'");
    }
    if (content == null) {
      throw new IllegalArgumentException(
          "content is required to upload a file (a VARBINARY value, e.g."
              + " PreparedStatement.setBytes); to create a folder, INSERT kind 'folder'");
    }
    byte[] bytes = content instanceof ByteString b ? b.getBytes() : (byte[]) content;
    return new Call("file", null, name, parent, text(row[FileRepositoryTable.CONTENT_TYPE]), bytes);
  }

  /** kind, doc_id, name (the table's matched-row columns). */
  private Call delete(Object[] row) {
    String kind = text(row[0]);
    String name = text(row[2]);
    if (!"file".equals(kind)) {
      throw new IllegalArgumentException(
          "'"
              + name
              + "' is a folder, and REDCap's API cannot delete folders (delete it in REDCap's"
              + " File Repository page); add kind = 'file' to the WHERE clause to delete only"
              + " files");
    }
    return new Call("file", ((Number) row[1]).longValue(), name, null, null, null);
  }

  private static String text(Object value) {
    if (value == null) {
      return null;
    }
    String s = value.toString().strip();
    return s.isEmpty() ? null : s;
  }
}
