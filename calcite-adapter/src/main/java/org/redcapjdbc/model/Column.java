package org.redcapjdbc.model;

import static java.util.Objects.requireNonNull;

import java.util.Objects;
import java.util.Optional;

/**
 * One column of a {@link TableLayout}: its name, SQL type, nullability, kind, where its values come
 * from (source field and, for checkbox options, the choice code), its REMARKS text, whether it is
 * part of the table's primary key, and its {@link ValueConverter}.
 *
 * <p>Equality covers everything but the converter, which follows from the rest.
 */
public final class Column {
  private final String name;
  private final SqlType type;
  private final boolean nullable;
  private final ColumnKind kind;
  private final String sourceField;
  private final String choiceCode;
  private final String form;
  private final String remarks;
  private final boolean primaryKey;
  private final boolean writable;
  private final ValueConverter converter;

  Column(
      String name,
      ColumnKind kind,
      boolean nullable,
      boolean primaryKey,
      String sourceField,
      String choiceCode,
      String form,
      String remarks,
      boolean writable,
      ValueConverter converter) {
    this.name = requireNonNull(name, "name");
    this.kind = requireNonNull(kind, "kind");
    this.nullable = nullable;
    this.primaryKey = primaryKey;
    this.sourceField = sourceField;
    this.choiceCode = choiceCode;
    this.form = form;
    this.remarks = requireNonNull(remarks, "remarks");
    this.writable = writable;
    this.converter = requireNonNull(converter, "converter");
    this.type = converter.sqlType();
  }

  /** The column name as REDCap exports it, e.g. {@code race___1}. */
  public String name() {
    return name;
  }

  public SqlType type() {
    return type;
  }

  public boolean isNullable() {
    return nullable;
  }

  public ColumnKind kind() {
    return kind;
  }

  /**
   * The field the values come from: the field itself, the checkbox of an option, the coded field
   * of a label companion, the record-ID field; {@code <form>_complete} for status columns; empty
   * for pseudo-columns.
   */
  public Optional<String> sourceField() {
    return Optional.ofNullable(sourceField);
  }

  /** For a checkbox option, its raw choice code ({@code -99} for {@code race____99}). */
  public Optional<String> choiceCode() {
    return Optional.ofNullable(choiceCode);
  }

  /** The instrument the column belongs to; empty for the record ID and pseudo-columns. */
  public Optional<String> form() {
    return Optional.ofNullable(form);
  }

  /** REMARKS for JDBC metadata: the field label as plain text, or what the column holds. */
  public String remarks() {
    return remarks;
  }

  /** Whether the column is part of its table's primary key (see {@link TableLayout#primaryKey()}). */
  public boolean isPrimaryKey() {
    return primaryKey;
  }

  /**
   * Whether an import can set this column. False for label companions (computed), calc fields
   * (REDCap computes them and ignores imported values) and file fields (their value is the
   * uploaded file's name; files go through {@code meta.files}).
   */
  public boolean isWritable() {
    return writable;
  }

  /**
   * The name to send in an export's {@code fields[]} to get this column's values: the original
   * field name (a checkbox option's field, a label companion's coded field), or
   * {@code <form>_complete}. Empty for pseudo-columns, which REDCap refuses there and which come
   * with the record-ID field.
   */
  public Optional<String> exportRequestField() {
    return kind == ColumnKind.PSEUDO ? Optional.empty() : Optional.ofNullable(sourceField);
  }

  /** Reads and writes this column's values. */
  public ValueConverter converter() {
    return converter;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Column c
        && name.equals(c.name)
        && type.equals(c.type)
        && nullable == c.nullable
        && kind == c.kind
        && Objects.equals(sourceField, c.sourceField)
        && Objects.equals(choiceCode, c.choiceCode)
        && Objects.equals(form, c.form)
        && remarks.equals(c.remarks)
        && primaryKey == c.primaryKey
        && writable == c.writable;
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, type, kind, sourceField, choiceCode);
  }

  @Override
  public String toString() {
    return name
        + " "
        + type
        + (nullable ? "" : " NOT NULL")
        + (primaryKey ? " KEY" : "")
        + " "
        + kind;
  }
}
