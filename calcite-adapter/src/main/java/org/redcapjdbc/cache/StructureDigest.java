package org.redcapjdbc.cache;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A fingerprint of a project's structure from its metadata-only project XML (dictionary,
 * instruments, events, arms, mappings, repeating setup: one request). The parts that change with
 * every export (the export's own time stamps) are left out, so equal structures give equal
 * digests.
 */
public final class StructureDigest {
  /** {@code AsOfDateTime}/{@code CreationDateTime} attributes: the export's time. */
  private static final Pattern EXPORT_TIMES =
      Pattern.compile("(AsOfDateTime|CreationDateTime)=\"[^\"]*\"");

  /** The export time REDCap puts in the metadata version's OID and name ({@code _2026-01-02_1304}). */
  private static final Pattern VERSION_STAMP = Pattern.compile("_\\d{4}-\\d{2}-\\d{2}_\\d{4}\"");

  private StructureDigest() {}

  public static String of(String projectXml) {
    String stable = EXPORT_TIMES.matcher(projectXml).replaceAll("$1=\"\"");
    stable = VERSION_STAMP.matcher(stable).replaceAll("\"");
    try {
      byte[] d =
          MessageDigest.getInstance("SHA-256").digest(stable.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }
}
