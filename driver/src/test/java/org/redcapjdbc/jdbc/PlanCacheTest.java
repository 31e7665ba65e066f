package org.redcapjdbc.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.junit.jupiter.api.Test;

/** The plan cache's key: the SQL text and what the plan depends on, schemas by identity. */
class PlanCacheTest {
  private final Schema data = new AbstractSchema();
  private final Schema meta = new AbstractSchema();

  private PlanCache.Key key(String sql, long maxRows, Schema... schemas) {
    return new PlanCache.Key(sql, List.of("redcap"), maxRows, Object.class, List.of(schemas));
  }

  @Test
  void sameTextOnTheSameSchemasIsTheSamePlan() {
    assertThat(key("SELECT * FROM records", -1, data, meta))
        .isEqualTo(key("SELECT * FROM records", -1, data, meta))
        .hasSameHashCodeAs(key("SELECT * FROM records", -1, data, meta));
  }

  @Test
  void otherTextRowLimitOrSchemasAreAnotherPlan() {
    PlanCache.Key k = key("SELECT * FROM records", -1, data, meta);
    assertThat(k).isNotEqualTo(key("SELECT * FROM  records", -1, data, meta));
    assertThat(k).isNotEqualTo(key("SELECT * FROM records", 10, data, meta));
    // A structure attached anew: equal-looking schemas, other objects.
    assertThat(k).isNotEqualTo(key("SELECT * FROM records", -1, new AbstractSchema(), meta));
    assertThat(k).isNotEqualTo(key("SELECT * FROM records", -1, data));
    assertThat(k)
        .isNotEqualTo(
            new PlanCache.Key(
                "SELECT * FROM records", List.of("meta"), -1, Object.class, List.of(data, meta)));
  }
}
