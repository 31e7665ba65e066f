package org.redcapjdbc.model;

/**
 * Where a {@link ValueConverter} reports a value it read as NULL. Called only on the rare bad
 * value, never for a good or blank one. The SQL layer's sink knows the current record and either
 * collects warnings or, under {@code strictTypes=true}, throws.
 */
@FunctionalInterface
public interface ValueProblemSink {
  void report(ValueProblem problem);
}
