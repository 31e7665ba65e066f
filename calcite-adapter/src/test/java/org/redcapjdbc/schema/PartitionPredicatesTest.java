package org.redcapjdbc.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Partition predicates: balanced, open at both ends, quoted. */
class PartitionPredicatesTest {
  @Test
  void splitsSortedIdsIntoBalancedRangesOpenAtBothEnds() {
    List<String> ids = new ArrayList<>();
    for (int i = 1; i <= 1000; i++) {
      ids.add(String.valueOf(i));
    }
    List<PartitionPredicates.Partition> parts = PartitionPredicates.split("study_id", ids, 4);
    assertThat(parts).extracting(PartitionPredicates.Partition::records).containsOnly(250L);
    List<String> sorted = new ArrayList<>(new java.util.TreeSet<>(ids));
    String b1 = sorted.get(250);
    String b2 = sorted.get(500);
    String b3 = sorted.get(750);
    assertThat(parts)
        .extracting(PartitionPredicates.Partition::predicate)
        .containsExactly(
            "\"study_id\" < '" + b1 + "'",
            "\"study_id\" >= '" + b1 + "' AND \"study_id\" < '" + b2 + "'",
            "\"study_id\" >= '" + b2 + "' AND \"study_id\" < '" + b3 + "'",
            "\"study_id\" >= '" + b3 + "'");
  }

  @Test
  void quotesIdentifiersAndLiteralsAndNeverGivesEmptyPartitions() {
    List<PartitionPredicates.Partition> parts =
        PartitionPredicates.split("my\"id", List.of("O'Brien", "a", "a"), 5);
    assertThat(parts).hasSize(2);
    assertThat(parts.get(0).predicate()).isEqualTo("\"my\"\"id\" < 'a'");
    assertThat(parts.get(1).predicate()).isEqualTo("\"my\"\"id\" >= 'a'");
    assertThat(PartitionPredicates.split("id", List.of(), 3))
        .singleElement()
        .extracting(PartitionPredicates.Partition::predicate)
        .isEqualTo("\"id\" IS NOT NULL");
    assertThatThrownBy(() -> PartitionPredicates.split("id", List.of("1"), 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
