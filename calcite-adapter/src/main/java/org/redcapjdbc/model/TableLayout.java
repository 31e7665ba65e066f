package org.redcapjdbc.model;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The columns of one SQL table over a REDCap project, in order: {@code records} or one
 * instrument's table. Immutable.
 */
public final class TableLayout {
  private final String name;
  private final String remarks;
  private final Instrument instrument;
  private final List<Column> columns;
  private final List<Column> primaryKey;
  private final Map<String, Integer> indexByLowerName;

  TableLayout(String name, String remarks, Instrument instrument, List<Column> columns) {
    this.name = requireNonNull(name, "name");
    this.remarks = requireNonNull(remarks, "remarks");
    this.instrument = instrument;
    this.columns = List.copyOf(columns);
    List<Column> key = new ArrayList<>();
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < this.columns.size(); i++) {
      Column column = this.columns.get(i);
      if (column.isPrimaryKey()) {
        key.add(column);
      }
      Integer previous = index.put(column.name().toLowerCase(Locale.ROOT), i);
      if (previous != null) {
        throw new IllegalArgumentException(
            "Table "
                + name
                + " would have two columns named '"
                + this.columns.get(previous).name()
                + "' and '"
                + column.name()
                + "'; identifiers are case-insensitive in SQL, so the project's dictionary cannot be "
                + "shown as this table: rename one of the fields");
      }
    }
    this.primaryKey = List.copyOf(key);
    this.indexByLowerName = Map.copyOf(index);
  }

  /** The table name: {@code records}, or the instrument's unique name. */
  public String name() {
    return name;
  }

  /** Table REMARKS: the instrument label, or what {@code records} holds. */
  public String remarks() {
    return remarks;
  }

  /** The instrument of an instrument table; empty for {@code records}. */
  public Optional<Instrument> instrument() {
    return Optional.ofNullable(instrument);
  }

  public List<Column> columns() {
    return columns;
  }

  public List<String> columnNames() {
    List<String> names = new ArrayList<>(columns.size());
    for (Column c : columns) {
      names.add(c.name());
    }
    return names;
  }

  /**
   * The primary-key columns in key order: the record ID, then {@code redcap_event_name},
   * {@code redcap_repeat_instrument} and {@code redcap_repeat_instance} where present.
   *
   * <p>In {@code records}, the two repeat columns are blank on base rows, so they are nullable
   * key parts: (record, event, NULL, NULL) is the base row, and the four columns together are
   * still unique. DBeaver uses a key as row identifier only when all its columns are NOT NULL, so
   * it will not edit {@code records} through this key; instrument tables, whose key is NOT NULL
   * unless an instrument repeats in some events and not in others, are the editable view.
   */
  public List<Column> primaryKey() {
    return primaryKey;
  }

  /** Whether every primary-key column is NOT NULL (what DBeaver needs to use the key). */
  public boolean isPrimaryKeyNotNull() {
    for (Column c : primaryKey) {
      if (c.isNullable()) {
        return false;
      }
    }
    return !primaryKey.isEmpty();
  }

  /** The column with this name, ignoring case as SQL identifiers do here. */
  public Optional<Column> column(String name) {
    int i = indexOf(name);
    return i < 0 ? Optional.empty() : Optional.of(columns.get(i));
  }

  /** The position of the column with this name (ignoring case), or -1. */
  public int indexOf(String name) {
    Integer i = indexByLowerName.get(name.toLowerCase(Locale.ROOT));
    return i == null ? -1 : i;
  }

  @Override
  public String toString() {
    return name + columnNames();
  }
}
