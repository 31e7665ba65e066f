package org.redcapjdbc.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The snapshot cache's pieces that need no server: clock, digest, rows, cursor, file. */
class SnapshotPartsTest {
  @TempDir Path dir;

  @Test
  void theRangeBeginIsTheServersLocalMinuteLessTheOverlap() {
    Instant at = Instant.parse("2026-03-10T15:47:31Z");
    assertThat(ServerClock.rangeBegin(at, ZoneId.of("America/Chicago"), at.plusSeconds(60)))
        .isEqualTo(LocalDateTime.parse("2026-03-10T10:45:00")); // CDT = UTC-5, 10:47 - 2 min
    assertThat(ServerClock.rangeBegin(at, null, at))
        .as("zone unknown: the earliest local time anywhere (UTC-12)")
        .isEqualTo(LocalDateTime.parse("2026-03-10T03:45:00"));
  }

  @Test
  void theEndOfDaylightSavingMovesTheBeginBackByTheRepeatedHour() {
    // Chicago falls back at 2026-11-01 07:00Z (02:00 CDT -> 01:00 CST).
    Instant before = Instant.parse("2026-11-01T06:30:00Z"); // 01:30 CDT
    Instant after = Instant.parse("2026-11-01T07:20:00Z"); // 01:20 CST, earlier local time
    LocalDateTime begin = ServerClock.rangeBegin(before, ZoneId.of("America/Chicago"), after);
    assertThat(begin).isBeforeOrEqualTo(LocalDateTime.parse("2026-11-01T01:20:00"));
    assertThat(ServerClock.rangeBegin(before, ZoneId.of("America/Chicago"), before))
        .isEqualTo(LocalDateTime.parse("2026-11-01T01:28:00"));
  }

  @Test
  void theServersOffsetIsLearntFromItsLatestLogTimeAndAllowedAnHour() {
    Instant now = Instant.parse("2026-03-10T15:47:31Z");
    assertThat(
            ServerClock.offsetFromLog(
                List.of("2026-03-11 05:30", "2026-03-11 05:47", "junk"), now)) // Kiritimati
        .isEqualTo(java.time.ZoneOffset.ofHours(14));
    assertThat(ServerClock.offsetFromLog(List.of("2026-03-10 11:16"), now))
        .isEqualTo(java.time.ZoneOffset.ofHoursMinutes(-4, -30));
    assertThat(ServerClock.offsetFromLog(List.of(), now)).isNull();
    assertThat(ServerClock.offsetFromLog(List.of("2026-03-13 05:47"), now))
        .as("no zone is 62 hours ahead")
        .isNull();
    assertThat(ServerClock.rangeBegin(now, java.time.ZoneOffset.ofHours(14), now))
        .isEqualTo(LocalDateTime.parse("2026-03-11T04:45:00"));
  }

  @Test
  void theDateHeaderIsReadAsRfc1123() {
    assertThat(ServerClock.parseDate("Tue, 10 Mar 2026 15:47:31 GMT"))
        .isEqualTo(Instant.parse("2026-03-10T15:47:31Z"));
    assertThat(ServerClock.parseDate("yesterday")).isNull();
    assertThat(ServerClock.parseDate(null)).isNull();
  }

  @Test
  void theStructureDigestIgnoresTheExportTimeOnly() {
    String a =
        "<ODM AsOfDateTime=\"2026-01-01T10:00:00\" CreationDateTime=\"2026-01-01T10:00:00\">"
            + "<MetaDataVersion OID=\"Metadata.P_2026-01-01_1000\"><Item OID=\"age\"/>";
    String b = a.replace("2026-01-01T10:00:00", "2026-02-03T11:12:13").replace("_1000", "_1112");
    assertThat(StructureDigest.of(b)).isEqualTo(StructureDigest.of(a));
    assertThat(StructureDigest.of(a.replace("age", "ages"))).isNotEqualTo(StructureDigest.of(a));
  }

  @Test
  void aNewVersionKeepsUnchangedRecordsAndDropsVanishedOnes() {
    CopiedRows v1 = rows();
    CopiedRows v2 =
        v1.with(List.of("2", "3"), Map.of("3", new String[][] {{"3", "c"}}), List.of("extra"));
    assertThat(v2.order()).containsExactly("2", "3");
    assertThat(v2.rows("2")).isSameAs(v1.rows("2"));
    assertThat(v2.rows("1")).isEmpty();
    assertThat(v2.unknown()).contains("extra");
    assertThat(v1.order()).containsExactly("1", "2");
  }

  @Test
  void theCursorReadsTheCopyAsAnExportAndFillsStatusesWhereAsked() {
    CopiedRows v =
        CopiedRows.of(
            List.of("id", "name", "form_complete"),
            List.of(),
            List.of(),
            List.of("1", "2"),
            Map.of("1", new String[][] {{"1", "a", null}}, "2", new String[][] {{"2", null, "2"}}));
    CopyCursor.GrayStatus gray =
        new CopyCursor.GrayStatus() {
          @Override
          public String valueFor(String statusColumn, String[] row) {
            return "0";
          }

          @Override
          public boolean isStatus(String column) {
            return column.endsWith("_complete");
          }
        };
    List<String> seen = new ArrayList<>();
    try (CopyCursor c = new CopyCursor(v, gray)) {
      c.bind(List.of("form_complete", "name", "missing"));
      while (c.next()) {
        seen.add(c.value(0) + "/" + c.value(1) + "/" + c.value(2));
      }
      assertThat(c.absentColumns()).containsExactly("missing");
      assertThat(c.requestCount()).isZero();
    }
    assertThat(seen).containsExactly("0/a/null", "2/null/null");
    try (CopyCursor raw = new CopyCursor(v, null)) {
      raw.bind(List.of("form_complete"));
      raw.next();
      assertThat(raw.value(0)).as("blank-for-gray as stored").isNull();
    }
  }

  @Test
  void aFileOpensWithItsTokenOnlyAndNeverWhenDamaged() throws Exception {
    CopyFile file = new CopyFile(dir.resolve("c"), "https://r.example/api/", "A".repeat(32));
    Instant t = Instant.parse("2026-01-01T00:00:00Z");
    file.write(new CopyFile.Stored(rows(), "digest", t, t));
    CopyFile.Stored back = file.read();
    assertThat(back).isNotNull();
    assertThat(back.rows().sameContent(rows())).isTrue();
    assertThat(back.structure()).isEqualTo("digest");
    assertThat(Files.readString(file.path(), java.nio.charset.StandardCharsets.ISO_8859_1))
        .doesNotContain("A".repeat(32))
        .doesNotContain("alpha");

    Path other = dir.resolve("c").resolve("copy");
    Files.copy(file.path(), other);
    CopyFile otherToken = new CopyFile(dir.resolve("c"), "https://r.example/api/", "B".repeat(32));
    Files.copy(other, otherToken.path());
    assertThat(otherToken.read()).as("another token's key does not open it").isNull();
    assertThat(otherToken.path()).doesNotExist();

    byte[] bytes = Files.readAllBytes(file.path());
    bytes[bytes.length / 2] ^= 1;
    Files.write(file.path(), bytes);
    assertThat(file.read()).isNull();
    assertThat(file.path()).as("a damaged file is deleted").doesNotExist();
    assertThat(
            java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dir.resolve("c"))))
        .isEqualTo("rwx------");
  }

  private static CopiedRows rows() {
    Map<String, String[][]> m = new LinkedHashMap<>();
    m.put("1", new String[][] {{"1", "alpha"}, {"1", null}});
    m.put("2", new String[][] {{"2", "Тимофей"}});
    return CopiedRows.of(List.of("id", "name"), Set.of(), Set.of(), List.of("1", "2"), m);
  }
}
