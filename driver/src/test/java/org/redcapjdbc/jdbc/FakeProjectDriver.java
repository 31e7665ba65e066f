package org.redcapjdbc.jdbc;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.redcapjdbc.schema.RedcapConfig;
import org.redcapjdbc.schema.RedcapSchemas;
import org.redcapjdbc.schema.RedcapSession;

/**
 * The real driver with a small in-memory project in place of a REDCap server, so the JDBC
 * plumbing (URL handling, metadata, transactions, remarks, keys) is tested on its own.
 */
final class FakeProjectDriver extends RedcapDriver {
  final AtomicInteger sessionsOpened = new AtomicInteger();
  final AtomicInteger sessionsClosed = new AtomicInteger();
  volatile boolean reachable = true;
  volatile RedcapConfig lastConfig;

  @Override
  protected RedcapSession openSession(SchemaPlus root, RedcapConfig config) {
    lastConfig = config;
    root.add(
        RedcapSchemas.DATA_SCHEMA,
        new AbstractSchema() {
          @Override
          protected Map<String, Table> getTableMap() {
            return Map.of("demographics", new Demographics());
          }
        });
    root.add(RedcapSchemas.META_SCHEMA, new AbstractSchema());
    sessionsOpened.incrementAndGet();
    return new RedcapSession() {
      @Override
      public RedcapConfig config() {
        return config;
      }

      @Override
      public String serverVersion() {
        return "15.2.1";
      }

      @Override
      public boolean isReachable(Duration timeout) {
        return reachable;
      }

      @Override
      public void close() {
        sessionsClosed.incrementAndGet();
      }
    };
  }

  /** An instrument table: record_id (key), name_first, age (BIGINT), dob (DATE). */
  static final class Demographics extends AbstractTable
      implements ScannableTable, org.redcapjdbc.schema.RedcapTableInfo {
    @Override
    public RelDataType getRowType(RelDataTypeFactory f) {
      return f.builder()
          .add("record_id", f.createSqlType(SqlTypeName.VARCHAR))
          .add(
              "name_first", f.createTypeWithNullability(f.createSqlType(SqlTypeName.VARCHAR), true))
          .add("age", f.createTypeWithNullability(f.createSqlType(SqlTypeName.BIGINT), true))
          .add("dob", f.createTypeWithNullability(f.createSqlType(SqlTypeName.DATE), true))
          .build();
    }

    @Override
    public Enumerable<Object[]> scan(DataContext root) {
      org.redcapjdbc.schema.QueryWarnings.add(
          root, "Record 2, field dob: 'before validation 1' is not a date; read as NULL");
      return Linq4j.asEnumerable(
          List.of(
              new Object[] {"1", "Nutmeg", 11L, (int) LocalDate.of(2003, 8, 30).toEpochDay()},
              new Object[] {"2", "Тимофей", 42L, null}));
    }

    @Override
    public String remarks() {
      return "Demographics";
    }

    @Override
    public String columnRemarks(String column) {
      return switch (column) {
        case "record_id" -> "Study ID";
        case "name_first" -> "First Name";
        case "age" -> "Age (years)";
        default -> null;
      };
    }

    @Override
    public List<String> primaryKey() {
      return List.of("record_id");
    }
  }
}
