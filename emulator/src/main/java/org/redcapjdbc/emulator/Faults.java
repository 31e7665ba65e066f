package org.redcapjdbc.emulator;

import java.util.Random;

/**
 * Fault-injection knobs for {@code /api/} requests, settable while the emulator runs. All
 * draws come from one random generator seeded with {@link #seed(long)}, so a run is repeatable
 * for a given request sequence. Every knob is off by default; {@link #reset()} turns them off.
 *
 * <ul>
 *   <li>{@link #latencyMillis(long)}: added before each request is answered;
 *   <li>{@link #rate429(double)}, {@link #rate500(double)}, {@link #rate503(double)}: shares of
 *       requests answered with that status instead (429 carries {@code Retry-After});
 *   <li>{@link #resetRate(double)}: share of requests whose connection is closed with no answer;
 *   <li>{@link #truncateAfterBytes(long)}: bodies longer than this are cut off there and the
 *       connection closed abruptly;
 *   <li>{@link #dropRecordsRate(double)}: share of records silently left out of record exports of
 *       at least {@link #dropRecordsMinRecords(int)} records.
 * </ul>
 */
public final class Faults {
  /** What happens to one request. */
  public enum Outcome {
    NORMAL,
    RESET,
    STATUS_429,
    STATUS_500,
    STATUS_503
  }

  private volatile long latencyMillis;
  private volatile double rate429;
  private volatile double rate500;
  private volatile double rate503;
  private volatile int retryAfterSeconds = 1;
  private volatile long truncateAfterBytes = -1;
  private volatile double resetRate;
  private volatile double dropRecordsRate;
  private volatile int dropRecordsMinRecords = 100;
  private long seed = 1;
  private Random random = new Random(1);

  /** Turns every fault off (the seed is kept and the generator restarted from it). */
  public synchronized Faults reset() {
    latencyMillis = 0;
    rate429 = 0;
    rate500 = 0;
    rate503 = 0;
    retryAfterSeconds = 1;
    truncateAfterBytes = -1;
    resetRate = 0;
    dropRecordsRate = 0;
    dropRecordsMinRecords = 100;
    random = new Random(seed);
    return this;
  }

  public synchronized Faults seed(long newSeed) {
    this.seed = newSeed;
    this.random = new Random(newSeed);
    return this;
  }

  public Faults latencyMillis(long v) {
    latencyMillis = requireNonNegative(v, "latencyMillis");
    return this;
  }

  public Faults rate429(double v) {
    rate429 = share(v, "rate429");
    return this;
  }

  public Faults rate500(double v) {
    rate500 = share(v, "rate500");
    return this;
  }

  public Faults rate503(double v) {
    rate503 = share(v, "rate503");
    return this;
  }

  public Faults retryAfterSeconds(int v) {
    retryAfterSeconds = (int) requireNonNegative(v, "retryAfterSeconds");
    return this;
  }

  /** Cut bodies after this many bytes; a negative value turns truncation off. */
  public Faults truncateAfterBytes(long v) {
    truncateAfterBytes = v;
    return this;
  }

  public Faults resetRate(double v) {
    resetRate = share(v, "resetRate");
    return this;
  }

  public Faults dropRecordsRate(double v) {
    dropRecordsRate = share(v, "dropRecordsRate");
    return this;
  }

  public Faults dropRecordsMinRecords(int v) {
    dropRecordsMinRecords = (int) requireNonNegative(v, "dropRecordsMinRecords");
    return this;
  }

  public long latencyMillis() {
    return latencyMillis;
  }

  public double rate429() {
    return rate429;
  }

  public double rate500() {
    return rate500;
  }

  public double rate503() {
    return rate503;
  }

  public int retryAfterSeconds() {
    return retryAfterSeconds;
  }

  public long truncateAfterBytes() {
    return truncateAfterBytes;
  }

  public double resetRate() {
    return resetRate;
  }

  public double dropRecordsRate() {
    return dropRecordsRate;
  }

  public int dropRecordsMinRecords() {
    return dropRecordsMinRecords;
  }

  public synchronized long seed() {
    return seed;
  }

  /** Draws the outcome of the next request. */
  public Outcome nextOutcome() {
    double reset = resetRate;
    double r429 = rate429;
    double r500 = rate500;
    double r503 = rate503;
    if (reset + r429 + r500 + r503 == 0) {
      return Outcome.NORMAL;
    }
    double x;
    synchronized (this) {
      x = random.nextDouble();
    }
    if (x < reset) {
      return Outcome.RESET;
    }
    if (x < reset + r429) {
      return Outcome.STATUS_429;
    }
    if (x < reset + r429 + r500) {
      return Outcome.STATUS_500;
    }
    if (x < reset + r429 + r500 + r503) {
      return Outcome.STATUS_503;
    }
    return Outcome.NORMAL;
  }

  /** Whether to leave out the next record of an export of {@code exportSize} records. */
  public boolean dropRecord(int exportSize) {
    double rate = dropRecordsRate;
    if (rate == 0 || exportSize < dropRecordsMinRecords) {
      return false;
    }
    synchronized (this) {
      return random.nextDouble() < rate;
    }
  }

  private static double share(double v, String name) {
    if (!(v >= 0 && v <= 1)) {
      throw new IllegalArgumentException(name + " must be between 0 and 1, got " + v);
    }
    return v;
  }

  private static long requireNonNegative(long v, String name) {
    if (v < 0) {
      throw new IllegalArgumentException(name + " must not be negative, got " + v);
    }
    return v;
  }

  @Override
  public String toString() {
    return "Faults[latencyMillis="
        + latencyMillis
        + ", rate429="
        + rate429
        + ", rate500="
        + rate500
        + ", rate503="
        + rate503
        + ", resetRate="
        + resetRate
        + ", truncateAfterBytes="
        + truncateAfterBytes
        + ", dropRecordsRate="
        + dropRecordsRate
        + ", dropRecordsMinRecords="
        + dropRecordsMinRecords
        + "]";
  }
}
