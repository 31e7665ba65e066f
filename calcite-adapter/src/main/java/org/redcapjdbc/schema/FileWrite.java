package org.redcapjdbc.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.calcite.DataContext;
import org.apache.calcite.avatica.util.ByteString;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.rel.core.TableModify;
import org.redcapjdbc.client.FileAddress;
import org.redcapjdbc.client.RedcapException;

/**
 * INSERT into and DELETE from {@code meta.files}: each row is one file call (REDCap takes one
 * file per request): INSERT uploads {@code content} as {@code file_name} into the record's file
 * field (multipart; it replaces a file already there and creates a missing record), DELETE
 * removes the file of each matched row. Every row is checked before the first call; a failure
 * says how many files earlier calls had uploaded or deleted. The count is the number of files.
 */
final class FileWrite extends StatementWrite {
  private final TableModify.Operation operation;
  private final Set<String> fileFields;

  FileWrite(
      ProjectSession session,
      String what,
      TableModify.Operation operation,
      Set<String> fileFields) {
    super(session, what);
    this.operation = operation;
    this.fileFields = Set.copyOf(fileFields);
  }

  /** One call's worth: where, and for uploads what. */
  private record FileCall(FileAddress address, String fileName, String mimeType, byte[] content) {}

  @Override
  long run(DataContext root, Enumerable<Object[]> rows) {
    WriteStop stop = WriteStop.of(root);
    WriteBatch batch = sendBufferedRowsFirst(root);
    List<Object[]> input = readAll(rows);
    List<FileCall> calls = new ArrayList<>(input.size());
    for (int i = 0; i < input.size(); i++) {
      try {
        calls.add(call(input.get(i)));
      } catch (IllegalArgumentException e) {
        throw badRow(i, input.size(), e.getMessage());
      }
    }
    for (int i = 0; i < calls.size(); i++) {
      FileCall c = calls.get(i);
      String why = stop.reason();
      if (why != null) {
        throw new RedcapWriteException(
            what
                + " stopped before its next call: "
                + why
                + ". "
                + i
                + (i == 1 ? " file was " : " files were ")
                + (operation == TableModify.Operation.INSERT ? "uploaded" : "deleted")
                + " before; the other "
                + (calls.size() - i)
                + " were not sent.",
            i,
            "57014",
            null);
      }
      try {
        if (operation == TableModify.Operation.INSERT) {
          session.client().files().importFile(c.address(), c.fileName(), c.content(), c.mimeType());
        } else {
          session.client().files().deleteFile(c.address());
        }
      } catch (RedcapException e) {
        throw failure(e, i, calls.size(), c.address());
      } finally {
        RecordCopies.SHARED.changed(session.config());
      }
    }
    if (batch != null) {
      batch.ranImmediately();
    }
    return calls.size();
  }

  /** Reads one row: record, field, event, instance, then (INSERT) file_name, type, content. */
  private FileCall call(Object[] row) {
    String record = text(row[0]);
    String field = text(row[1]);
    String event = text(row[2]);
    Integer instance = row[3] == null ? null : ((Number) row[3]).intValue();
    if (field != null && !fileFields.contains(field)) {
      throw new IllegalArgumentException(
          "'"
              + field
              + "' is not a file-upload field of the"
              + " project; "
              + session.metaSchema()
              + ".files holds the files of "
              + (fileFields.isEmpty()
                  ? "none (the" + " project has no file-upload field)"
                  : String.join(", ", fileFields)));
    }
    if (event == null && session.model().isLongitudinal()) {
      throw new IllegalArgumentException(
          "event is required: the project is longitudinal, so a"
              + " file belongs to an event (e.g. "
              + session.model().events().get(0).uniqueName()
              + ")");
    }
    FileAddress address = FileAddress.of(record, field, event, instance);
    if (operation != TableModify.Operation.INSERT) {
      return new FileCall(address, null, null, null);
    }
    String fileName = text(row[4]);
    if (fileName == null) {
      throw new IllegalArgumentException(
          "file_name is required: REDCap stores the file under" + " that name");
    }
    if (row[6] == null) {
      throw new IllegalArgumentException(
          "content is required: the file's bytes (a VARBINARY"
              + " value, e.g. PreparedStatement.setBytes)");
    }
    byte[] content = row[6] instanceof ByteString b ? b.getBytes() : (byte[]) row[6];
    return new FileCall(address, fileName, text(row[5]), content);
  }

  private RedcapWriteException failure(
      RedcapException e, int index, int total, FileAddress address) {
    String verb = operation == TableModify.Operation.INSERT ? "upload" : "delete";
    StringBuilder m =
        new StringBuilder(what)
            .append(" failed at the ")
            .append(verb)
            .append(" of record ")
            .append(address.record())
            .append(", field ")
            .append(address.field());
    if (address.event() != null) {
      m.append(", event ").append(address.event());
    }
    if (address.repeatInstance() != null) {
      m.append(", instance ").append(address.repeatInstance());
    }
    m.append(total > 1 ? " (file " + (index + 1) + " of " + total + ")" : "")
        .append(": ")
        .append(e.getMessage());
    if (!RecordImporter.endsWithStop(m)) {
      m.append('.');
    }
    if (index > 0) {
      m.append(' ')
          .append(index)
          .append(index == 1 ? " file was " : " files were ")
          .append(operation == TableModify.Operation.INSERT ? "uploaded" : "deleted")
          .append(" by earlier calls and stay")
          .append(index == 1 ? "s" : "")
          .append(" so; the rest were not sent.");
    } else if (total > 1) {
      m.append(" No file was ").append(verb).append("d before it; the rest were not sent.");
    }
    return new RedcapWriteException(m.toString(), index, SqlErrors.writeState(e), e);
  }

  private static String text(Object value) {
    if (value == null) {
      return null;
    }
    String s = value.toString().strip();
    return s.isEmpty() ? null : s;
  }
}
