package org.redcapjdbc.it.correctness;

import static java.util.Objects.requireNonNull;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** A table as the driver's {@code DatabaseMetaData} presents it. */
record TableShape(
    String schema,
    String name,
    String type,
    String remarks,
    List<ColumnShape> columns,
    List<String> primaryKey) {
  TableShape {
    requireNonNull(schema, "schema");
    requireNonNull(name, "name");
    columns = List.copyOf(columns);
    primaryKey = List.copyOf(primaryKey);
  }

  List<String> columnNames() {
    return columns.stream().map(ColumnShape::name).toList();
  }

  String qualifiedName() {
    return "\"" + schema + "\".\"" + name + "\"";
  }

  /** Every table of {@code schema}, with columns and primary keys, in the driver's order. */
  static List<TableShape> readAll(DatabaseMetaData md, String schema) throws SQLException {
    List<String[]> tables = new ArrayList<>();
    try (ResultSet rs = md.getTables(null, schema, "%", null)) {
      while (rs.next()) {
        if (schema.equals(rs.getString("TABLE_SCHEM"))) {
          tables.add(
              new String[] {
                rs.getString("TABLE_NAME"), rs.getString("TABLE_TYPE"), rs.getString("REMARKS")
              });
        }
      }
    }
    List<TableShape> shapes = new ArrayList<>();
    for (String[] t : tables) {
      shapes.add(read(md, schema, t[0], t[1], t[2]));
    }
    return shapes;
  }

  private static TableShape read(
      DatabaseMetaData md, String schema, String table, String type, String remarks)
      throws SQLException {
    List<ColumnShape> columns = new ArrayList<>();
    // Table names hold underscores, which are wildcards in patterns: escape them, and check the
    // name on every row.
    String escape = md.getSearchStringEscape();
    String pattern =
        escape == null || escape.isEmpty()
            ? table
            : table
                .replace(escape, escape + escape)
                .replace("_", escape + "_")
                .replace("%", escape + "%");
    try (ResultSet rs = md.getColumns(null, schema, pattern, "%")) {
      while (rs.next()) {
        if (!table.equals(rs.getString("TABLE_NAME"))) {
          continue;
        }
        columns.add(
            new ColumnShape(
                rs.getString("COLUMN_NAME"),
                rs.getInt("DATA_TYPE"),
                rs.getString("TYPE_NAME"),
                rs.getInt("COLUMN_SIZE"),
                rs.getInt("DECIMAL_DIGITS"),
                rs.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls,
                rs.getString("REMARKS")));
      }
    }
    List<String[]> keys = new ArrayList<>();
    try (ResultSet rs = md.getPrimaryKeys(null, schema, table)) {
      while (rs.next()) {
        keys.add(new String[] {rs.getString("KEY_SEQ"), rs.getString("COLUMN_NAME")});
      }
    }
    keys.sort((a, b) -> Integer.compare(Integer.parseInt(a[0]), Integer.parseInt(b[0])));
    return new TableShape(
        schema, table, type, remarks, columns, keys.stream().map(k -> k[1]).toList());
  }
}
