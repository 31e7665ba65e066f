package org.redcapjdbc.emulator;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;

/**
 * A file the emulator stores: one uploaded to a record's file field, or one in the File
 * Repository.
 *
 * @param docId REDCap's document id (what EAV exports and the repository list show)
 * @param name the file name
 * @param mimeType its MIME type
 */
public record StoredFile(int docId, String name, String mimeType, byte[] content) {
  public StoredFile {
    requireNonNull(name, "name");
    requireNonNull(mimeType, "mimeType");
    content = requireNonNull(content, "content").clone();
  }

  /** A copy of the bytes. */
  @Override
  public byte[] content() {
    return content.clone();
  }

  public int size() {
    return content.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StoredFile f
        && f.docId == docId
        && f.name.equals(name)
        && f.mimeType.equals(mimeType)
        && Arrays.equals(f.content, content);
  }

  @Override
  public int hashCode() {
    return docId * 31 + Arrays.hashCode(content);
  }

  @Override
  public String toString() {
    return "StoredFile["
        + docId
        + " '"
        + name
        + "' "
        + mimeType
        + ", "
        + content.length
        + " bytes]";
  }
}
