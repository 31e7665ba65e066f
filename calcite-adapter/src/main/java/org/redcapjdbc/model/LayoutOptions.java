package org.redcapjdbc.model;

/**
 * The connection options that shape tables: whether coded fields get {@code <field>_label}
 * companions ({@code labelColumns}) and whether columns carry their field's SQL type
 * ({@code typed}; false makes every column VARCHAR, label companions included).
 */
public record LayoutOptions(boolean labelColumns, boolean typed) {
  /** Label companions on, typed columns: the driver's defaults. */
  public static final LayoutOptions DEFAULT = new LayoutOptions(true, true);
}
