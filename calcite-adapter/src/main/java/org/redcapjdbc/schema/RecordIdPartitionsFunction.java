package org.redcapjdbc.schema;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.TableFunction;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.schema.impl.TableFunctionImpl;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * {@code meta.record_id_partitions(n)}: {@code n} predicates over the record-ID column that split
 * the project into partitions of about equal record counts ({@link PartitionPredicates}), for
 * Spark's {@code read.jdbc(url, table, predicates, properties)}. Each call reads the record-ID
 * list afresh.
 *
 * <p>Public, with a public static entry point, because Calcite's generated code calls
 * {@link #partitions} directly; the connection's project is found at scan time through the
 * {@code meta} schema of the statement's root schema, since a static method has no other way to it.
 */
public final class RecordIdPartitionsFunction {
  /** The function's name in {@code meta}. */
  static final String NAME = "record_id_partitions";

  private RecordIdPartitionsFunction() {}

  /** The function as Calcite registers it. */
  static TableFunction create() {
    return TableFunctionImpl.create(RecordIdPartitionsFunction.class, "partitions");
  }

  /**
   * The table of partitions for {@code n}; called by the validator with the literal argument
   * (null when it is not a literal) to learn the row type, and by the generated code to scan.
   */
  public static ScannableTable partitions(Integer n) {
    return new Partitions(n);
  }

  private static final class Partitions extends AbstractTable implements ScannableTable {
    private final Integer n;

    Partitions(Integer n) {
      this.n = n;
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory factory) {
      return factory
          .builder()
          .add("partition_number", SqlTypeName.INTEGER)
          .add("predicate", SqlTypeName.VARCHAR)
          .add("record_count", SqlTypeName.BIGINT)
          .build();
    }

    @Override
    public Enumerable<Object[]> scan(DataContext root) {
      if (n == null) {
        throw new IllegalArgumentException(
            NAME + "(n) needs the number of partitions, a positive integer");
      }
      ProjectSession session = session(root);
      String column = session.model().recordIdField().name();
      List<Object[]> rows = new ArrayList<>();
      for (PartitionPredicates.Partition p :
          PartitionPredicates.split(column, RecordIds.export(session, null, null), n)) {
        rows.add(new Object[] {p.number(), p.predicate(), p.records()});
      }
      return Linq4j.asEnumerable(rows);
    }

    private static ProjectSession session(DataContext root) {
      SchemaPlus meta = root.getRootSchema().getSubSchema(RedcapSchemas.META_SCHEMA);
      RedcapMetaSchema schema = meta == null ? null : meta.unwrap(RedcapMetaSchema.class);
      if (schema == null) {
        throw new IllegalStateException(NAME + " needs a redcap-jdbc connection's meta schema");
      }
      return schema.session();
    }
  }
}
