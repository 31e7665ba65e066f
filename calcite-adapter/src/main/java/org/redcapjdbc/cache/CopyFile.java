package org.redcapjdbc.cache;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A copy at rest ({@code cache=disk}): one file per URL and token in an owner-only directory,
 * encrypted with AES-256-GCM under a key derived from the token by PBKDF2-HMAC-SHA256 with a
 * random salt per write. The file holds no token and no digest of it that could be checked
 * cheaply: its name is a SHA-256 of URL and token, its content opens only with the token. GCM's tag
 * covers every byte, so a damaged, truncated or foreign file is refused whole ({@link
 * #read} returns null) and the copy is rebuilt from REDCap; it is never read as rows.
 *
 * <p>Layout: {@code RCJC1} magic, salt (16 bytes), IV (12), ciphertext with tag. The plaintext is
 * the copy's state ({@link Stored}): structure digest, server time of its last check, time of its
 * last full export, columns, absent and unknown columns, and each record's rows.
 */
public final class CopyFile {
  private static final byte[] MAGIC = "RCJC1".getBytes(StandardCharsets.US_ASCII);
  private static final int SALT = 16;
  private static final int IV = 12;
  private static final int ITERATIONS = 50_000;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Set<PosixFilePermission> DIR_PERMS =
      PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> FILE_PERMS =
      PosixFilePermissions.fromString("rw-------");

  /** The state a file holds besides the rows. */
  public record Stored(
      CopiedRows rows, String structure, Instant serverCheckedAt, Instant filledAt) {}

  private final Path file;
  private final char[] token;
  private final byte[] aad;

  /**
   * @param dir the cache directory (created owner-only when missing)
   * @param url the API URL
   * @param token the API token: the key's source, never written
   */
  public CopyFile(Path dir, String url, String token) {
    String name = sha256Hex("redcap-jdbc snapshot|" + url + "|" + token).substring(0, 40);
    this.file = dir.resolve(name + ".rcjc");
    this.token = token.toCharArray();
    this.aad = (name + "|" + url).getBytes(StandardCharsets.UTF_8);
  }

  /** The per-user default: {@code ~/.redcap-jdbc/cache}. */
  public static Path defaultDir() {
    return Path.of(System.getProperty("user.home"), ".redcap-jdbc", "cache");
  }

  public Path path() {
    return file;
  }

  /**
   * The stored copy, or null when there is none or it cannot be opened whole (damaged, truncated,
   * written under another token, or of another format); such a file is deleted.
   */
  public Stored read() {
    if (!Files.isRegularFile(file)) {
      return null;
    }
    try {
      byte[] all = Files.readAllBytes(file);
      if (all.length < MAGIC.length + SALT + IV + 16
          || !Arrays.equals(Arrays.copyOf(all, MAGIC.length), MAGIC)) {
        throw new IOException("not a snapshot file");
      }
      byte[] salt = Arrays.copyOfRange(all, MAGIC.length, MAGIC.length + SALT);
      byte[] iv = Arrays.copyOfRange(all, MAGIC.length + SALT, MAGIC.length + SALT + IV);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key(salt), new GCMParameterSpec(128, iv));
      cipher.updateAAD(aad);
      int start = MAGIC.length + SALT + IV;
      byte[] plain = cipher.doFinal(all, start, all.length - start);
      return decode(plain);
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      // Never read as rows: the copy is rebuilt from REDCap and this file replaced.
      try {
        Files.deleteIfExists(file);
      } catch (IOException ignored) {
        // the next write replaces it
      }
      return null;
    }
  }

  /** Writes the copy (to a temporary file in the same directory, then moved over the old one). */
  public void write(Stored stored) throws IOException {
    Path dir = file.getParent();
    ensureDir(dir);
    byte[] plain = encode(stored);
    byte[] salt = new byte[SALT];
    byte[] iv = new byte[IV];
    RANDOM.nextBytes(salt);
    RANDOM.nextBytes(iv);
    byte[] sealed;
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key(salt), new GCMParameterSpec(128, iv));
      cipher.updateAAD(aad);
      sealed = cipher.doFinal(plain);
    } catch (GeneralSecurityException e) {
      throw new IOException("AES-GCM is not available: " + e.getMessage(), e);
    } finally {
      Arrays.fill(plain, (byte) 0);
    }
    Path tmp = Files.createTempFile(dir, "rcjc", ".tmp");
    try {
      setPerms(tmp, FILE_PERMS);
      try (OutputStream out = Files.newOutputStream(tmp)) {
        out.write(MAGIC);
        out.write(salt);
        out.write(iv);
        out.write(sealed);
      }
      try {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** Creates {@code dir} (and parents) readable by the owner only, where the file system can. */
  static void ensureDir(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      try {
        Files.createDirectories(dir);
      } catch (FileAlreadyExistsException e) {
        throw new IOException("cacheDir " + dir + " exists and is not a directory", e);
      }
    }
    setPerms(dir, DIR_PERMS);
  }

  private static void setPerms(Path p, Set<PosixFilePermission> perms) throws IOException {
    try {
      Files.setPosixFilePermissions(p, perms);
    } catch (UnsupportedOperationException e) {
      // Not POSIX (Windows): the user's profile directory is private by default.
    }
  }

  private SecretKeySpec key(byte[] salt) throws GeneralSecurityException {
    SecretKeyFactory f = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256");
    byte[] k = f.generateSecret(new PBEKeySpec(token, salt, ITERATIONS, 256)).getEncoded();
    return new SecretKeySpec(k, "AES");
  }

  private static byte[] encode(Stored s) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
    DataOutputStream out = new DataOutputStream(bytes);
    CopiedRows rows = s.rows();
    writeString(out, s.structure());
    out.writeLong(s.serverCheckedAt().toEpochMilli());
    out.writeLong(s.filledAt().toEpochMilli());
    writeList(out, rows.columns());
    writeList(out, new ArrayList<>(rows.absent()));
    writeList(out, new ArrayList<>(rows.unknown()));
    int width = rows.columns().size();
    out.writeInt(rows.order().size());
    for (String id : rows.order()) {
      writeString(out, id);
      String[][] r = rows.rows(id);
      out.writeInt(r.length);
      for (String[] row : r) {
        for (int i = 0; i < width; i++) {
          writeString(out, row[i]);
        }
      }
    }
    out.flush();
    return bytes.toByteArray();
  }

  private static Stored decode(byte[] plain) throws IOException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(plain));
    String structure = readString(in);
    Instant checked = Instant.ofEpochMilli(in.readLong());
    Instant filled = Instant.ofEpochMilli(in.readLong());
    List<String> columns = readList(in);
    List<String> absent = readList(in);
    List<String> unknown = readList(in);
    int width = columns.size();
    int records = in.readInt();
    if (records < 0 || structure == null) {
      throw new IOException("damaged snapshot file");
    }
    List<String> order = new ArrayList<>(records);
    Map<String, String[][]> rows = new LinkedHashMap<>(records * 2);
    for (int n = 0; n < records; n++) {
      String id = readString(in);
      int count = in.readInt();
      if (id == null || count < 0) {
        throw new IOException("damaged snapshot file");
      }
      String[][] r = new String[count][];
      for (int j = 0; j < count; j++) {
        String[] row = new String[width];
        for (int i = 0; i < width; i++) {
          row[i] = readString(in);
        }
        r[j] = row;
      }
      order.add(id);
      rows.put(id, r);
    }
    if (in.read() != -1) {
      throw new IOException("damaged snapshot file: bytes after the last record");
    }
    return new Stored(
        CopiedRows.of(columns, absent, unknown, order, rows), structure, checked, filled);
  }

  private static void writeList(DataOutputStream out, List<String> list) throws IOException {
    out.writeInt(list.size());
    for (String s : list) {
      writeString(out, s);
    }
  }

  private static List<String> readList(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0) {
      throw new IOException("damaged snapshot file");
    }
    List<String> list = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      list.add(readString(in));
    }
    return list;
  }

  private static void writeString(DataOutputStream out, String s) throws IOException {
    if (s == null) {
      out.writeInt(-1);
      return;
    }
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  private static String readString(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n == -1) {
      return null;
    }
    if (n < 0 || n > in.available()) {
      throw new IOException("damaged snapshot file");
    }
    byte[] b = in.readNBytes(n);
    return new String(b, StandardCharsets.UTF_8);
  }

  private static String sha256Hex(String s) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }
}
