package org.redcapjdbc.emulator.api.file;

import java.io.OutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.redcapjdbc.emulator.api.Access;
import org.redcapjdbc.emulator.api.ApiCall;
import org.redcapjdbc.emulator.api.ApiException;
import org.redcapjdbc.emulator.api.ExportMethod;
import org.redcapjdbc.emulator.api.ImportMethod;
import org.redcapjdbc.emulator.api.Params;
import org.redcapjdbc.emulator.api.record.FileMethods;
import org.redcapjdbc.emulator.format.TableWriter;
import org.redcapjdbc.emulator.model.LogEntry;
import org.redcapjdbc.emulator.model.ProjectDefinition;
import org.redcapjdbc.emulator.store.DocumentStore;
import org.redcapjdbc.emulator.store.RecordStore;

/**
 * {@code content=fileRepository} (docs/redcap-api.md §2.12, docs/redcap-wire-samples.md §20.1):
 * {@code list}, {@code export}, {@code import}, {@code delete} and {@code createFolder}. Every
 * action needs the File Repository right besides API export or import. A folder restricted to a DAG
 * is invisible to users of other DAGs.
 */
public final class FileRepositoryMethods {
  private FileRepositoryMethods() {}

  static String missingFolder(String id) {
    return "The File Repository folder folder_id="
        + id
        + " does not exist or else you do not have permission to"
        + " that folder because it is DAG-restricted or Role-restricted.";
  }

  /** The folder named by {@code folder_id} (null: the top level), checked for existence and DAG access. */
  static Integer folder(ApiCall call, Connection c) throws SQLException, ApiException {
    String id = call.params().get("folder_id");
    if (id == null) {
      return null;
    }
    int folderId;
    try {
      folderId = Integer.parseInt(id.strip());
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(missingFolder(id));
    }
    Optional<DocumentStore.Folder> f = DocumentStore.folder(c, call.definition().id(), folderId);
    if (f.isEmpty() || !visible(call, f.get())) {
      throw ApiException.badRequest(missingFolder(id));
    }
    return folderId;
  }

  static boolean visible(ApiCall call, DocumentStore.Folder f) {
    return f.dagId() == null || !call.user().inDag() || f.dagId().equals(call.user().groupId());
  }

  /** A repository file the caller may see. */
  static DocumentStore.RepositoryFile file(ApiCall call, Connection c)
      throws SQLException, ApiException {
    String id = call.params().get("doc_id");
    ProjectDefinition def = call.definition();
    String message =
        "The file doc_id="
            + id
            + " does not exist in the File Repository or else you do not have"
            + " permission to it because its folder is DAG-restricted or Role-restricted.";
    if (id == null) {
      throw ApiException.badRequest(
          "The parameter \"doc_id\" is missing: name the doc_id of the file.");
    }
    try {
      Optional<DocumentStore.RepositoryFile> f =
          DocumentStore.repositoryFile(c, def.id(), Integer.parseInt(id.strip()));
      if (f.isEmpty()) {
        throw ApiException.badRequest(message);
      }
      if (f.get().folderId() != null) {
        Optional<DocumentStore.Folder> folder =
            DocumentStore.folder(c, def.id(), f.get().folderId());
        if (folder.isEmpty() || !visible(call, folder.get())) {
          throw ApiException.badRequest(message);
        }
      }
      return f.get();
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(message);
    }
  }

  /**
   * {@code list}: sub-folders (sorted by name) then files of a folder, as REDCap 15 (the version
   * this emulator reports) gives them: a folder is {@code {"folder_id": n, "name": …}}, a file
   * {@code {"doc_id": n, "name": …}}; CSV has the columns {@code folder_id,doc_id,name}. Later
   * versions add {@code role} and {@code dag} columns (docs/redcap-api.md §2.12).
   */
  public static final class ListFiles extends ExportMethod {
    @Override
    public void handle(ApiCall call) throws Exception {
      Access.require(call, "file_repository", "API Export", "File Repository");
      ProjectDefinition def = call.definition();
      Object[][] rows;
      try (Connection c = call.database().connection()) {
        Integer parent = folder(call, c);
        List<DocumentStore.Folder> folders =
            DocumentStore.folders(c, def.id(), parent).stream()
                .filter(f -> visible(call, f))
                .toList();
        List<DocumentStore.RepositoryFile> files = DocumentStore.files(c, def.id(), parent);
        rows = new Object[folders.size() + files.size()][];
        int i = 0;
        for (DocumentStore.Folder f : folders) {
          rows[i++] = new Object[] {f.folderId(), TableWriter.ABSENT, f.name()};
        }
        for (DocumentStore.RepositoryFile f : files) {
          rows[i++] = new Object[] {TableWriter.ABSENT, f.docId(), f.name()};
        }
      }
      TableWriter w = call.table(List.of("folder_id", "doc_id", "name"));
      for (Object[] r : rows) {
        w.row(r);
      }
      w.finish();
    }
  }

  /** {@code export}: a file's bytes, with the same headers as a record file. */
  public static final class Export extends ExportMethod {
    @Override
    public void handle(ApiCall call) throws Exception {
      Access.require(call, "file_repository", "API Export", "File Repository");
      DocumentStore.Document d;
      try (Connection c = call.database().connection()) {
        DocumentStore.RepositoryFile f = file(call, c);
        d = DocumentStore.document(c, call.definition().id(), f.docId()).orElseThrow();
      }
      try (OutputStream out = call.stream(FileMethods.contentType(d.mimeType(), d.name()))) {
        out.write(d.content());
      }
    }
  }

  /** {@code import}: the multipart part {@code file} into {@code folder_id} (or the top level); empty answer. */
  public static final class Import extends ImportMethod {
    @Override
    public void handle(ApiCall call) throws Exception {
      Access.require(call, "file_repository", "API Import/Update", "File Repository");
      Params.Upload upload = call.params().upload("file");
      if (upload == null) {
        throw ApiException.badRequest(
            "No file was uploaded: send the file as a multipart part named 'file'.");
      }
      Integer folder;
      try (Connection c = call.database().connection()) {
        folder = folder(call, c);
      }
      int projectId = call.definition().id();
      call.database()
          .inTransaction(
              c -> {
                int docId =
                    RecordStore.storeDocument(
                        c,
                        projectId,
                        upload.fileName(),
                        FileMethods.mimeOf(upload),
                        upload.content());
                DocumentStore.addToRepository(c, projectId, docId, folder);
                call.log(
                    c,
                    LogEntry.MANAGE,
                    LogEntry.MANAGE_DESIGN,
                    "Upload file to File Repository (API): "
                        + upload.fileName()
                        + " (doc_id = "
                        + docId
                        + ")",
                    "");
                return null;
              });
    }
  }

  /** {@code delete}: moves a file to the recycle bin (it is no longer listed or exported); empty answer. */
  public static final class Delete extends ImportMethod {
    @Override
    public void handle(ApiCall call) throws Exception {
      Access.require(call, "file_repository", "API Import/Update", "File Repository");
      DocumentStore.RepositoryFile f;
      try (Connection c = call.database().connection()) {
        f = file(call, c);
      }
      call.database()
          .inTransaction(
              c -> {
                DocumentStore.markDeleted(c, call.definition().id(), f.docId());
                call.log(
                    c,
                    LogEntry.MANAGE,
                    LogEntry.MANAGE_DESIGN,
                    "Delete file from File Repository (API): "
                        + f.name()
                        + " (doc_id = "
                        + f.docId()
                        + ")",
                    "");
                return null;
              });
    }
  }

  /**
   * {@code createFolder}: {@code name} (at most 150 characters), optional parent {@code folder_id},
   * {@code dag_id} and {@code role_id}; answers {@code [{"folder_id":N}]} in {@code format}. A
   * user in a DAG creates folders restricted to that DAG.
   */
  public static final class CreateFolder extends ImportMethod {
    @Override
    public void handle(ApiCall call) throws Exception {
      Access.require(call, "file_repository", "API Import/Update", "File Repository");
      ProjectDefinition def = call.definition();
      String name = call.params().get("name");
      if (name == null || name.isBlank()) {
        throw ApiException.badRequest(
            "The parameter \"name\" is missing: name the folder to create.");
      }
      if (name.length() > 150) {
        throw ApiException.badRequest(
            "The value of the parameter \"name\" is too long: a folder name has at most 150"
                + " characters.");
      }
      Integer dag = number(call, "dag_id");
      if (dag != null && def.dag(dag) == null) {
        throw ApiException.badRequest(
            "The value of the parameter \"dag_id\" is not valid: "
                + dag
                + " is not the id of a data access group in the project.");
      }
      if (call.user().inDag()) {
        if (dag != null && !dag.equals(call.user().groupId())) {
          throw ApiException.badRequest(
              "The value of the parameter \"dag_id\" is not valid: you are in another data"
                  + " access group.");
        }
        dag = call.user().groupId();
      }
      Integer role = number(call, "role_id");
      Integer parent;
      try (Connection c = call.database().connection()) {
        parent = folder(call, c);
      }
      Integer dagId = dag;
      DocumentStore.Folder created =
          call.database()
              .inTransaction(
                  c -> {
                    DocumentStore.Folder f =
                        DocumentStore.createFolder(c, def.id(), parent, name.strip(), dagId, role);
                    call.log(
                        c,
                        LogEntry.MANAGE,
                        LogEntry.MANAGE_DESIGN,
                        "Create folder in File Repository (API): " + f.name(),
                        "");
                    return f;
                  });
      TableWriter w = call.table(List.of("folder_id"));
      w.row(new Object[] {created.folderId()});
      w.finish();
    }

    private static Integer number(ApiCall call, String name) throws ApiException {
      String v = call.params().get(name);
      if (v == null) {
        return null;
      }
      try {
        return Integer.parseInt(v.strip());
      } catch (NumberFormatException e) {
        throw ApiException.badRequest(
            "The value of the parameter \"" + name + "\" is not valid: it must be a number.");
      }
    }
  }
}
