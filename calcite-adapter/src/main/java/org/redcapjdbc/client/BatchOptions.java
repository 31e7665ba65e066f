package org.redcapjdbc.client;

import java.util.OptionalLong;

/**
 * How {@link BatchedRecordExport} splits an export. Immutable.
 *
 * <ul>
 *   <li>{@code batchSize} (default 500): records per request.
 *   <li>{@code parallelism} (default 1): requests in flight at once. One is REDCap's advice; more
 *       is faster but risks an IP ban or rate limit on busy servers.
 *   <li>{@code expectedRecordCount}: when the caller knows the project has at most
 *       {@code batchSize} records, the export is one plain request (no ID pass).
 *   <li>{@code missingRecordRetries} (default 1): how often records the server left out of a
 *       batch are asked for again before the export fails naming them.
 * </ul>
 */
public final class BatchOptions {
  private final int batchSize;
  private final int parallelism;
  private final long expectedRecordCount;
  private final int missingRecordRetries;

  private BatchOptions(
      int batchSize, int parallelism, long expectedRecordCount, int missingRecordRetries) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be >= 1, was " + batchSize);
    }
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be >= 1, was " + parallelism);
    }
    if (missingRecordRetries < 0) {
      throw new IllegalArgumentException("missingRecordRetries must be >= 0");
    }
    this.batchSize = batchSize;
    this.parallelism = parallelism;
    this.expectedRecordCount = expectedRecordCount;
    this.missingRecordRetries = missingRecordRetries;
  }

  public static BatchOptions defaults() {
    return new BatchOptions(500, 1, -1, 1);
  }

  public BatchOptions withBatchSize(int n) {
    return new BatchOptions(n, parallelism, expectedRecordCount, missingRecordRetries);
  }

  public BatchOptions withParallelism(int n) {
    return new BatchOptions(batchSize, n, expectedRecordCount, missingRecordRetries);
  }

  /** The number of records the project (or the filter) is known to hold; negative: unknown. */
  public BatchOptions withExpectedRecordCount(long n) {
    return new BatchOptions(batchSize, parallelism, n < 0 ? -1 : n, missingRecordRetries);
  }

  public BatchOptions withMissingRecordRetries(int n) {
    return new BatchOptions(batchSize, parallelism, expectedRecordCount, n);
  }

  public int batchSize() {
    return batchSize;
  }

  public int parallelism() {
    return parallelism;
  }

  public OptionalLong expectedRecordCount() {
    return expectedRecordCount < 0 ? OptionalLong.empty() : OptionalLong.of(expectedRecordCount);
  }

  public int missingRecordRetries() {
    return missingRecordRetries;
  }

  @Override
  public String toString() {
    return "BatchOptions{batchSize="
        + batchSize
        + ", parallelism="
        + parallelism
        + ", expectedRecordCount="
        + expectedRecordCount
        + ", missingRecordRetries="
        + missingRecordRetries
        + "}";
  }
}
