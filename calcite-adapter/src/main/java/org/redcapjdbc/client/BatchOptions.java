package org.redcapjdbc.client;

import java.util.OptionalLong;

/**
 * How {@link BatchedRecordExport} splits an export. Immutable.
 *
 * <ul>
 *   <li>{@code batchValues} (default 60,000; 0 turns it off): the values one request may return,
 *       counted as records × columns of the answer × rows per record (known after the ID pass, or
 *       from {@code expectedRowCount}). A batch holds as many records as this budget allows, so a
 *       narrow read goes in few requests and a wide one in many: with the default, 113 columns
 *       make batches of 530 records, two columns batches of {@code batchSize}.
 *   <li>{@code batchSize} (default 10,000): records per request at most, whatever the budget; it
 *       keeps the {@code records[]} list of a request bounded. With {@code batchValues=0} every
 *       batch has exactly this many records (the behaviour before the budget, with 500).
 *   <li>{@code columns}: the columns each row of the answer has (0 when unknown: the budget is
 *       then not applied).
 *   <li>{@code parallelism} (default 1): requests in flight at once. One is REDCap's advice; more
 *       is faster but risks an IP ban or rate limit on busy servers.
 *   <li>{@code expectedRecordCount} (and {@code expectedRowCount}): when the caller knows the
 *       project has no more records than one batch holds, the export is one plain request (no ID
 *       pass).
 *   <li>{@code missingRecordRetries} (default 1): how often records the server left out of a
 *       batch are asked for again before the export fails naming them.
 *   <li>{@code tallyListener}: told the records and rows an ID pass of the whole project (no
 *       records, events, filterLogic or date range) counted, so that the caller can keep them.
 * </ul>
 */
public final class BatchOptions {
  /** The default {@code batchValues}. */
  public static final long DEFAULT_BATCH_VALUES = 60_000;

  /** The default {@code batchSize}. */
  public static final int DEFAULT_BATCH_SIZE = 10_000;

  /** Told what an ID pass over the whole project counted. */
  @FunctionalInterface
  public interface TallyListener {
    void counted(long records, long rows);
  }

  private final int batchSize;
  private final long batchValues;
  private final int columns;
  private final int parallelism;
  private final long expectedRecordCount;
  private final long expectedRowCount;
  private final int missingRecordRetries;
  private final TallyListener tallyListener;

  private BatchOptions(
      int batchSize,
      long batchValues,
      int columns,
      int parallelism,
      long expectedRecordCount,
      long expectedRowCount,
      int missingRecordRetries,
      TallyListener tallyListener) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be >= 1, was " + batchSize);
    }
    if (batchValues < 0) {
      throw new IllegalArgumentException("batchValues must be >= 0, was " + batchValues);
    }
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be >= 1, was " + parallelism);
    }
    if (missingRecordRetries < 0) {
      throw new IllegalArgumentException("missingRecordRetries must be >= 0");
    }
    this.batchSize = batchSize;
    this.batchValues = batchValues;
    this.columns = Math.max(0, columns);
    this.parallelism = parallelism;
    this.expectedRecordCount = expectedRecordCount;
    this.expectedRowCount = expectedRowCount;
    this.missingRecordRetries = missingRecordRetries;
    this.tallyListener = tallyListener;
  }

  /**
   * Batches of {@value #DEFAULT_BATCH_SIZE} records at most, no value budget until {@link
   * #withColumns} says how wide the answer is.
   */
  public static BatchOptions defaults() {
    return new BatchOptions(
        DEFAULT_BATCH_SIZE, DEFAULT_BATCH_VALUES, 0, 1, -1, -1, 1, (records, rows) -> {});
  }

  private BatchOptions with(
      int batchSize,
      long batchValues,
      int columns,
      int parallelism,
      long expectedRecordCount,
      long expectedRowCount,
      int missingRecordRetries,
      TallyListener tallyListener) {
    return new BatchOptions(
        batchSize,
        batchValues,
        columns,
        parallelism,
        expectedRecordCount,
        expectedRowCount,
        missingRecordRetries,
        tallyListener);
  }

  public BatchOptions withBatchSize(int n) {
    return with(
        n,
        batchValues,
        columns,
        parallelism,
        expectedRecordCount,
        expectedRowCount,
        missingRecordRetries,
        tallyListener);
  }

  /** The values (records × columns × rows per record) one request may return; 0: no budget. */
  public BatchOptions withBatchValues(long n) {
    return with(
        batchSize,
        n,
        columns,
        parallelism,
        expectedRecordCount,
        expectedRowCount,
        missingRecordRetries,
        tallyListener);
  }

  /** The columns of each row of the answer (0: unknown, no budget applied). */
  public BatchOptions withColumns(int n) {
    return with(
        batchSize,
        batchValues,
        n,
        parallelism,
        expectedRecordCount,
        expectedRowCount,
        missingRecordRetries,
        tallyListener);
  }

  public BatchOptions withParallelism(int n) {
    return with(
        batchSize,
        batchValues,
        columns,
        n,
        expectedRecordCount,
        expectedRowCount,
        missingRecordRetries,
        tallyListener);
  }

  /** The number of records the project (or the filter) is known to hold; negative: unknown. */
  public BatchOptions withExpectedRecordCount(long n) {
    return with(
        batchSize,
        batchValues,
        columns,
        parallelism,
        n < 0 ? -1 : n,
        expectedRowCount,
        missingRecordRetries,
        tallyListener);
  }

  /** The rows of the flat export the project is known to hold; negative: unknown. */
  public BatchOptions withExpectedRowCount(long n) {
    return with(
        batchSize,
        batchValues,
        columns,
        parallelism,
        expectedRecordCount,
        n < 0 ? -1 : n,
        missingRecordRetries,
        tallyListener);
  }

  public BatchOptions withMissingRecordRetries(int n) {
    return with(
        batchSize,
        batchValues,
        columns,
        parallelism,
        expectedRecordCount,
        expectedRowCount,
        n,
        tallyListener);
  }

  /** Told the records and rows an ID pass over the whole project counted. */
  public BatchOptions withTallyListener(TallyListener listener) {
    return with(
        batchSize,
        batchValues,
        columns,
        parallelism,
        expectedRecordCount,
        expectedRowCount,
        missingRecordRetries,
        java.util.Objects.requireNonNull(listener, "listener"));
  }

  public int batchSize() {
    return batchSize;
  }

  public long batchValues() {
    return batchValues;
  }

  public int columns() {
    return columns;
  }

  public int parallelism() {
    return parallelism;
  }

  public OptionalLong expectedRecordCount() {
    return expectedRecordCount < 0 ? OptionalLong.empty() : OptionalLong.of(expectedRecordCount);
  }

  public OptionalLong expectedRowCount() {
    return expectedRowCount < 0 ? OptionalLong.empty() : OptionalLong.of(expectedRowCount);
  }

  public int missingRecordRetries() {
    return missingRecordRetries;
  }

  TallyListener tallyListener() {
    return tallyListener;
  }

  /**
   * Records per batch when each record has {@code rowsPerRecord} rows (1 when unknown): as many
   * as {@code batchValues} allows, at least 1, at most {@code batchSize}.
   */
  public int recordsPerBatch(double rowsPerRecord) {
    if (batchValues == 0 || columns == 0) {
      return batchSize;
    }
    double perRecord = columns * Math.max(1.0, rowsPerRecord);
    double fits = Math.floor(batchValues / perRecord);
    return (int) Math.max(1, Math.min(batchSize, fits));
  }

  /** Rows per record from the expected counts; 1 when they are not known. */
  double expectedRowsPerRecord() {
    if (expectedRecordCount <= 0 || expectedRowCount <= 0) {
      return 1;
    }
    return (double) expectedRowCount / expectedRecordCount;
  }

  @Override
  public String toString() {
    return "BatchOptions{batchSize="
        + batchSize
        + ", batchValues="
        + batchValues
        + ", columns="
        + columns
        + ", parallelism="
        + parallelism
        + ", expectedRecordCount="
        + expectedRecordCount
        + ", expectedRowCount="
        + expectedRowCount
        + ", missingRecordRetries="
        + missingRecordRetries
        + "}";
  }
}
