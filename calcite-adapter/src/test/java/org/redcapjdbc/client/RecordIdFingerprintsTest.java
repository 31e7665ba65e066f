package org.redcapjdbc.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@link RecordIdFingerprints} counts and finds the same IDs a {@code HashSet} does. */
class RecordIdFingerprintsTest {

  @Test
  void agreesWithAHashSetAndGrowsPastItsExpectedSize() {
    Random random = new Random(7);
    RecordIdFingerprints ids = new RecordIdFingerprints(100); // grows several times
    Set<String> reference = new HashSet<>();
    for (int i = 0; i < 50_000; i++) {
      String id =
          switch (random.nextInt(5)) {
            case 0 -> Integer.toString(random.nextInt(30_000));
            case 1 -> (random.nextBoolean() ? "0" : "") + random.nextInt(2_000);
            case 2 -> "1-" + random.nextInt(5_000);
            case 3 -> "S" + (char) ('A' + random.nextInt(26)) + random.nextInt(300);
            default -> "Ünïcødé " + random.nextInt(1_000);
          };
      assertThat(ids.add(id)).as(id).isEqualTo(reference.add(id));
    }
    assertThat(ids.size()).isEqualTo(reference.size());
    for (String id : reference) {
      assertThat(ids.contains(id)).isTrue();
    }
    assertThat(ids.contains("not an id")).isFalse();
    assertThat(ids.contains("")).isFalse();
    assertThat(ids.add("")).isTrue();
    assertThat(ids.contains("")).isTrue();
  }

  @Test
  void fingerprintsDifferForIdsThatDifferInOrderOrLength() {
    assertThat(RecordIdFingerprints.fingerprint("12"))
        .isNotEqualTo(RecordIdFingerprints.fingerprint("21"));
    assertThat(RecordIdFingerprints.fingerprint("1"))
        .isNotEqualTo(RecordIdFingerprints.fingerprint("1\0"));
    assertThat(RecordIdFingerprints.fingerprint("")).isNotZero();
    // Numbers are exact, and never equal to a written-differently ID's fingerprint.
    assertThat(RecordIdFingerprints.fingerprint("7"))
        .isNotEqualTo(RecordIdFingerprints.fingerprint("07"));
    assertThat(RecordIdFingerprints.fingerprint("0"))
        .isNotEqualTo(RecordIdFingerprints.fingerprint("00"));
    assertThat(RecordIdFingerprints.fingerprint("123456789012345678"))
        .isNotEqualTo(RecordIdFingerprints.fingerprint("1234567890123456789"));
    assertThat(RecordIdFingerprints.fingerprint("42") & 1).isOne();
    assertThat(RecordIdFingerprints.fingerprint("4-2") & 1).isZero();
  }
}
