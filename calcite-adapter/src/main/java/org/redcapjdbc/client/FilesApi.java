package org.redcapjdbc.client;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import okhttp3.MediaType;
import org.redcapjdbc.client.RedcapException.Kind;

/**
 * Files attached to records ({@code content=file}) and the project's file repository
 * ({@code content=fileRepository}). Obtain through {@link RedcapClient#files()}. Uploads are
 * multipart with the file in a part named {@code file}, as REDCap requires.
 */
public final class FilesApi {
  private static final MediaType OCTET_STREAM = MediaType.get("application/octet-stream");

  private final Api api;

  FilesApi(Api api) {
    this.api = api;
  }

  /** Downloads the file in a record's file field. */
  public FileContent exportFile(FileAddress address) {
    Objects.requireNonNull(address, "address");
    return api.file(
        address
            .addTo(FormParams.content("file").add("action", "export"))
            .add("returnFormat", "json"));
  }

  /**
   * Uploads a file into a record's file field (creating the record if needed); replaces any file
   * already there.
   *
   * @param mimeType e.g. {@code image/jpeg}; null for {@code application/octet-stream}
   */
  public void importFile(FileAddress address, String fileName, byte[] content, String mimeType) {
    Objects.requireNonNull(address, "address");
    requireFileName(fileName);
    Objects.requireNonNull(content, "content");
    FormParams p =
        address
            .addTo(FormParams.content("file").add("action", "import"))
            .add("returnFormat", "json");
    api.writeIgnoringBody(ApiCall.upload(p, fileName, content, mediaType(mimeType)));
  }

  /** Removes the file from a record's file field. */
  public void deleteFile(FileAddress address) {
    Objects.requireNonNull(address, "address");
    FormParams p =
        address
            .addTo(FormParams.content("file").add("action", "delete"))
            .add("returnFormat", "json");
    api.writeIgnoringBody(ApiCall.write(p));
  }

  /**
   * Lists a repository folder: rows with {@code folder_id} (folders) or {@code doc_id} (files)
   * and {@code name}, plus newer columns.
   *
   * @param folderId null for the top level
   */
  public List<Map<String, String>> listRepository(Integer folderId) {
    return api.rows(
        FormParams.content("fileRepository").add("action", "list").add("folder_id", folderId));
  }

  /** Downloads a repository file. */
  public FileContent exportRepositoryFile(long docId) {
    return api.file(
        FormParams.content("fileRepository")
            .add("action", "export")
            .add("doc_id", docId)
            .add("returnFormat", "json"));
  }

  /** Uploads a file into a repository folder (null: top level). */
  public void importRepositoryFile(
      Integer folderId, String fileName, byte[] content, String mimeType) {
    requireFileName(fileName);
    Objects.requireNonNull(content, "content");
    FormParams p =
        FormParams.content("fileRepository")
            .add("action", "import")
            .add("folder_id", folderId)
            .add("returnFormat", "json");
    api.writeIgnoringBody(ApiCall.upload(p, fileName, content, mediaType(mimeType)));
  }

  /** Moves a repository file to the recycle bin. */
  public void deleteRepositoryFile(long docId) {
    api.writeIgnoringBody(
        ApiCall.write(
            FormParams.content("fileRepository")
                .add("action", "delete")
                .add("doc_id", docId)
                .add("returnFormat", "json")));
  }

  /**
   * Creates a repository folder.
   *
   * @param parentFolderId null for the top level
   * @param dagId restrict to a DAG (its numeric id), or null
   * @param roleId restrict to a role (its numeric id), or null
   * @return the new folder's id
   */
  public long createRepositoryFolder(
      String name, Integer parentFolderId, Integer dagId, Integer roleId) {
    if (name == null || name.isBlank() || name.length() > 150) {
      throw new IllegalArgumentException("A folder name must be 1-150 characters");
    }
    FormParams p =
        FormParams.content("fileRepository")
            .add("action", "createFolder")
            .add("name", name)
            .add("folder_id", parentFolderId)
            .add("dag_id", dagId)
            .add("role_id", roleId)
            .add("format", "json")
            .add("returnFormat", "json");
    List<Map<String, String>> rows =
        api.parse(ApiCall.write(p), '[', "[{\"folder_id\":…}]", JsonRows::readArray);
    String id = rows.isEmpty() ? null : rows.get(0).get("folder_id");
    if (id == null || !id.matches("\\d+")) {
      throw new RedcapException(
          Kind.PROTOCOL,
          200,
          p.describe(),
          null,
          "REDCap created the folder but did not report its folder_id",
          null);
    }
    return Long.parseLong(id);
  }

  private static void requireFileName(String fileName) {
    if (fileName == null || fileName.isBlank()) {
      throw new IllegalArgumentException("An upload needs a file name; REDCap stores it");
    }
  }

  private static MediaType mediaType(String mimeType) {
    if (mimeType == null) {
      return OCTET_STREAM;
    }
    MediaType parsed = MediaType.parse(mimeType);
    if (parsed == null) {
      throw new IllegalArgumentException("Not a MIME type: '" + mimeType + "'");
    }
    return parsed;
  }
}
