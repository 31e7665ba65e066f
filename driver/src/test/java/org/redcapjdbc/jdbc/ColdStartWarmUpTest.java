package org.redcapjdbc.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The first-connection warm-up: its statements all run, it stops once the load has finished. */
class ColdStartWarmUpTest {

  @Test
  void everyWarmUpStatementRunsThroughTheDriver() throws Exception {
    // runStatements throws what run() would only log, so a statement the driver cannot plan
    // (a Calcite upgrade, a rule change) fails here instead of silently warming nothing.
    assertThat(new ColdStartWarmUp().runStatements(() -> false)).isEqualTo(2);
  }

  @Test
  void aFinishedLoadStopsTheWarmUpBetweenStatements() throws Exception {
    AtomicInteger asked = new AtomicInteger();
    int ran = new ColdStartWarmUp().runStatements(() -> asked.incrementAndGet() > 1);
    assertThat(ran).isEqualTo(1);
    assertThat(new ColdStartWarmUp().runStatements(() -> true)).isZero();
  }

  @Test
  void onlyOneConnectionPerJvmWarmsUp() {
    ColdStartWarmUp.claim(); // whichever test connected first may have claimed it already
    assertThat(ColdStartWarmUp.claim()).isNull();
  }
}
