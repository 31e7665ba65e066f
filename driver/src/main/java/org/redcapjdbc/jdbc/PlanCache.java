package org.redcapjdbc.jdbc;

import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.WeakHashMap;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.schema.Schema;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The plans of one connection's recent queries, by SQL text, so that a statement run again (a
 * plain {@code Statement} has no prepared plan to reuse; DBeaver re-runs its {@code SELECT *}
 * whenever a table is refreshed) is not planned again. Planning is pure: a connection's schemas
 * never change under it (docs/architecture.md §4), so a plan stays right for as long as the same
 * schemas are attached; the key holds them by identity, and a connection with other schemas (a
 * new connection, a re-attached structure) finds no plan of the old ones.
 *
 * <p>Only parameterless queries are kept (a prepared statement keeps its own plan), at most
 * {@link #CAPACITY} per connection, least recently used first out. The caches are held weakly by
 * the connection's root schema, so they go with the connection.
 */
final class PlanCache {
  static final int CAPACITY = 64;

  private static final Map<CalciteSchema, PlanCache> BY_ROOT = new WeakHashMap<>();

  private final Map<Key, CalcitePrepare.CalciteSignature<?>> plans =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, CalcitePrepare.CalciteSignature<?>> e) {
          return size() > CAPACITY;
        }
      };

  private PlanCache() {}

  /** The cache of the connection whose statement {@code context} prepares. */
  static PlanCache of(CalcitePrepare.Context context) {
    synchronized (BY_ROOT) {
      return BY_ROOT.computeIfAbsent(context.getMutableRootSchema(), r -> new PlanCache());
    }
  }

  /** What a plan depends on besides the connection's fixed settings. */
  record Key(
      String sql,
      List<String> defaultSchema,
      long maxRowCount,
      Type elementType,
      List<Schema> schemas) {
    @Override
    public boolean equals(Object o) {
      if (!(o instanceof Key)) {
        return false;
      }
      Key k = (Key) o;
      return sql.equals(k.sql)
          && defaultSchema.equals(k.defaultSchema)
          && maxRowCount == k.maxRowCount
          && elementType.equals(k.elementType)
          && sameSchemas(schemas, k.schemas);
    }

    @Override
    public int hashCode() {
      return Objects.hash(sql, defaultSchema, maxRowCount, elementType);
    }

    private static boolean sameSchemas(List<Schema> a, List<Schema> b) {
      if (a.size() != b.size()) {
        return false;
      }
      for (int i = 0; i < a.size(); i++) {
        if (a.get(i) != b.get(i)) {
          return false;
        }
      }
      return true;
    }
  }

  /** The key of {@code sql} prepared in {@code context}: the schemas attached right now. */
  static Key key(CalcitePrepare.Context context, String sql, Type elementType, long maxRowCount) {
    List<Schema> schemas = new ArrayList<>();
    for (CalciteSchema sub : context.getMutableRootSchema().getSubSchemaMap().values()) {
      schemas.add(sub.schema);
    }
    return new Key(
        sql, List.copyOf(context.getDefaultSchemaPath()), maxRowCount, elementType, schemas);
  }

  synchronized CalcitePrepare.@Nullable CalciteSignature<?> get(Key key) {
    return plans.get(key);
  }

  synchronized void put(Key key, CalcitePrepare.CalciteSignature<?> signature) {
    plans.put(key, signature);
  }

  synchronized int size() {
    return plans.size();
  }
}
