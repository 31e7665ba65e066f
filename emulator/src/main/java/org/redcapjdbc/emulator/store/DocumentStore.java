package org.redcapjdbc.emulator.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Stored documents ({@code redcap_edocs}): files uploaded to record fields, and the File
 * Repository's folders and files ({@code redcap_docs_folders}, {@code redcap_docs}).
 */
public final class DocumentStore {
  private DocumentStore() {}

  /** A stored document. */
  public record Document(int docId, String name, String mimeType, byte[] content) {}

  /** A File Repository folder; {@code parentId}, {@code dagId} and {@code roleId} may be null. */
  public record Folder(
      int folderId, Integer parentId, String name, Integer dagId, Integer roleId) {}

  /** A File Repository file. */
  public record RepositoryFile(int docId, Integer folderId, String name) {}

  public static Optional<Document> document(Connection c, int projectId, int docId)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT doc_name, mime_type, content FROM redcap_edocs"
                + " WHERE doc_id = ? AND project_id = ?")) {
      ps.setInt(1, docId);
      ps.setInt(2, projectId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        byte[] content = rs.getBytes(3);
        return Optional.of(
            new Document(
                docId, rs.getString(1), rs.getString(2), content == null ? new byte[0] : content));
      }
    }
  }

  /** Removes a document's bytes (a record's file was deleted or replaced). */
  public static void deleteDocument(Connection c, int docId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("DELETE FROM redcap_edocs WHERE doc_id = ?")) {
      ps.setInt(1, docId);
      ps.executeUpdate();
    }
  }

  // ---------------------------------------------------------------- File Repository

  public static Folder createFolder(
      Connection c, int projectId, Integer parentId, String name, Integer dagId, Integer roleId)
      throws SQLException {
    int id = ProjectStore.nextValue(c, "redcap_folder_seq");
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO redcap_docs_folders (folder_id, project_id,"
                + " parent_folder_id, name, dag_id, role_id) VALUES (?, ?, ?, ?, ?, ?)")) {
      ps.setInt(1, id);
      ps.setInt(2, projectId);
      setInt(ps, 3, parentId);
      ps.setString(4, name);
      setInt(ps, 5, dagId);
      setInt(ps, 6, roleId);
      ps.executeUpdate();
    }
    return new Folder(id, parentId, name, dagId, roleId);
  }

  public static Optional<Folder> folder(Connection c, int projectId, int folderId)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT folder_id, parent_folder_id, name, dag_id, role_id"
                + " FROM redcap_docs_folders WHERE project_id = ? AND folder_id = ?")) {
      ps.setInt(1, projectId);
      ps.setInt(2, folderId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(folder(rs)) : Optional.empty();
      }
    }
  }

  /** Sub-folders of a folder (null: the top level), sorted by name. */
  public static List<Folder> folders(Connection c, int projectId, Integer parentId)
      throws SQLException {
    List<Folder> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT folder_id, parent_folder_id, name, dag_id, role_id"
                + " FROM redcap_docs_folders WHERE project_id = ? AND parent_folder_id IS NOT DISTINCT FROM ?"
                + " ORDER BY name, folder_id")) {
      ps.setInt(1, projectId);
      setInt(ps, 2, parentId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(folder(rs));
        }
      }
    }
    return out;
  }

  private static Folder folder(ResultSet rs) throws SQLException {
    return new Folder(
        rs.getInt(1), integer(rs, 2), rs.getString(3), integer(rs, 4), integer(rs, 5));
  }

  /** Files (not deleted) of a folder (null: the top level), in upload order. */
  public static List<RepositoryFile> files(Connection c, int projectId, Integer folderId)
      throws SQLException {
    List<RepositoryFile> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT d.doc_id, d.folder_id, e.doc_name FROM redcap_docs d"
                + " JOIN redcap_edocs e ON e.doc_id = d.doc_id WHERE d.project_id = ? AND d.deleted_at IS NULL"
                + " AND d.folder_id IS NOT DISTINCT FROM ? ORDER BY d.doc_id")) {
      ps.setInt(1, projectId);
      setInt(ps, 2, folderId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new RepositoryFile(rs.getInt(1), integer(rs, 2), rs.getString(3)));
        }
      }
    }
    return out;
  }

  /** A repository file that is not deleted. */
  public static Optional<RepositoryFile> repositoryFile(Connection c, int projectId, int docId)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT d.doc_id, d.folder_id, e.doc_name FROM redcap_docs d"
                + " JOIN redcap_edocs e ON e.doc_id = d.doc_id WHERE d.project_id = ? AND d.doc_id = ?"
                + " AND d.deleted_at IS NULL")) {
      ps.setInt(1, projectId);
      ps.setInt(2, docId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next()
            ? Optional.of(new RepositoryFile(rs.getInt(1), integer(rs, 2), rs.getString(3)))
            : Optional.empty();
      }
    }
  }

  public static void addToRepository(Connection c, int projectId, int docId, Integer folderId)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO redcap_docs (doc_id, project_id, folder_id,"
                + " deleted_at) VALUES (?, ?, ?, NULL)")) {
      ps.setInt(1, docId);
      ps.setInt(2, projectId);
      setInt(ps, 3, folderId);
      ps.executeUpdate();
    }
  }

  /** Marks a repository file deleted (REDCap moves it to a recycle bin for 30 days). */
  public static void markDeleted(Connection c, int projectId, int docId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE redcap_docs SET deleted_at = ? WHERE project_id = ?" + " AND doc_id = ?")) {
      ps.setTimestamp(1, Timestamp.valueOf(org.redcapjdbc.emulator.ServerTime.now().withNano(0)));
      ps.setInt(2, projectId);
      ps.setInt(3, docId);
      ps.executeUpdate();
    }
  }

  private static void setInt(PreparedStatement ps, int i, Integer v) throws SQLException {
    if (v == null) {
      ps.setNull(i, Types.INTEGER);
    } else {
      ps.setInt(i, v);
    }
  }

  private static Integer integer(ResultSet rs, int i) throws SQLException {
    int v = rs.getInt(i);
    return rs.wasNull() ? null : v;
  }
}
