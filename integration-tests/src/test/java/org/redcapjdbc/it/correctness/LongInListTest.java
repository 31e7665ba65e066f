package org.redcapjdbc.it.correctness;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.redcapjdbc.emulator.EmulatorStats;

/**
 * A long IN list of record IDs stays a filter the scan pushes as {@code records[]}: Calcite turns
 * lists of 20 values or more into a join with VALUES unless told otherwise, and the query then
 * read all 2,000 records of the generated project to keep a few. The rows must equal H2's too.
 */
class LongInListTest {
  @ParameterizedTest(name = "{0} record IDs")
  @ValueSource(ints = {5, 25, 300})
  void recordIdInListIsOneRecordsRequest(int size) throws Exception {
    SharedProjects.Loaded project = SharedProjects.get(ComparedProject.GENERATED);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      ids.add("'" + (1 + (i * 37) % 2000) + "'");
    }
    String sql =
        "SELECT * FROM instrument_2 WHERE record_id IN ("
            + String.join(", ", ids)
            + ") AND f17_slider > 40";
    QueryResult expected;
    try (Connection h2 = project.h2().connect()) {
      expected = QueryResult.run(h2, sql, List.of());
    }
    SharedProjects.emulator().resetStats();
    QueryResult actual;
    try (Connection c = SharedProjects.connect(project.project())) {
      actual = QueryResult.run(c, sql, List.of());
    }
    List<EmulatorStats.RecordedRequest> exports =
        SharedProjects.emulator().stats().requests("record/export");
    Comparison.assertSame("IN list of " + size, sql, expected, actual, false);
    assertThat(expected.rowCount()).as("rows H2 finds").isPositive();
    assertThat(exports).as("exports sent").hasSize(1);
    assertThat(exports.get(0).values("records")).as("records[] sent").hasSize(size);
  }
}
