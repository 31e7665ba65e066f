package org.redcapjdbc.it.reliability;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/**
 * Captures every log event of the test JVM for one test class, at TRACE for the driver's code
 * (and at {@code calciteLevel} for Calcite's), and checks each one as it arrives for the secrets
 * registered with {@link #watch(String)}: the message, the arguments as formatted, the whole stack
 * trace, the thread name and the MDC. Events of the in-process server's libraries (Jetty, H2) are
 * kept at INFO: they run on the other side of the wire. The console appenders are detached
 * meanwhile, so a class at TRACE does not flood the build output.
 *
 * <p>Events are checked on the fly rather than kept, so that a class running hundreds of queries
 * at TRACE does not hold them all; the most recent {@link #RECENT} driver events are kept for
 * assertions about what was logged.
 */
final class LogCapture implements BeforeAllCallback, AfterAllCallback {
  static final int RECENT = 20_000;

  private final Level calciteLevel;
  private final Set<String> secrets = ConcurrentHashMap.newKeySet();
  private final ConcurrentLinkedQueue<String> leaks = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<ILoggingEvent> recent = new ConcurrentLinkedQueue<>();
  private final AtomicLong recentSize = new AtomicLong();
  private final Map<Level, AtomicLong> counts = new ConcurrentHashMap<>();
  private final Scanner scanner = new Scanner();
  private final Map<String, Level> previousLevels = new java.util.HashMap<>();
  private final List<Appender<ILoggingEvent>> detached = new ArrayList<>();

  private LogCapture(Level calciteLevel) {
    this.calciteLevel = calciteLevel;
  }

  /** Driver and Calcite both at TRACE. */
  static LogCapture allAtTrace() {
    return new LogCapture(Level.TRACE);
  }

  /**
   * Driver at TRACE, Calcite at DEBUG: Calcite's TRACE dumps every planner rule firing, which
   * makes a class of hundreds of queries many times slower without touching the driver's paths.
   */
  static LogCapture driverAtTrace() {
    return new LogCapture(Level.DEBUG);
  }

  /** A secret that must appear in no event; checked in upper, lower and given case. */
  LogCapture watch(String secret) {
    secrets.add(secret);
    secrets.add(secret.toUpperCase(Locale.ROOT));
    secrets.add(secret.toLowerCase(Locale.ROOT));
    return this;
  }

  /** Events that carried a secret, each as the offending text. */
  List<String> leaks() {
    return List.copyOf(leaks);
  }

  /** How many events were captured at {@code level}. */
  long count(Level level) {
    AtomicLong n = counts.get(level);
    return n == null ? 0 : n.get();
  }

  /** The most recent events (up to {@link #RECENT}), oldest first. */
  List<ILoggingEvent> recent() {
    return List.copyOf(recent);
  }

  /** Formatted messages of the recent events at {@code level} or above whose text contains {@code part}. */
  List<String> messages(Level atLeast, String part) {
    List<String> out = new ArrayList<>();
    for (ILoggingEvent e : recent) {
      if (e.getLevel().isGreaterOrEqual(atLeast) && e.getFormattedMessage().contains(part)) {
        out.add(e.getFormattedMessage());
      }
    }
    return out;
  }

  void clearRecent() {
    recent.clear();
    recentSize.set(0);
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
    Logger root = ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
      detached.add(it.next());
    }
    for (Appender<ILoggingEvent> a : detached) {
      root.detachAppender(a);
    }
    scanner.setContext(ctx);
    scanner.setName("token-scanner");
    scanner.start();
    root.addAppender(scanner);
    setLevel(ctx, org.slf4j.Logger.ROOT_LOGGER_NAME, Level.TRACE);
    setLevel(ctx, "org.apache.calcite", calciteLevel);
    setLevel(ctx, "org.eclipse.jetty", Level.INFO);
    setLevel(ctx, "org.h2", Level.INFO);
  }

  private void setLevel(LoggerContext ctx, String name, Level level) {
    Logger logger = ctx.getLogger(name);
    previousLevels.put(name, logger.getLevel());
    logger.setLevel(level);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
    Logger root = ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.detachAppender(scanner);
    scanner.stop();
    for (Appender<ILoggingEvent> a : detached) {
      root.addAppender(a);
    }
    previousLevels.forEach((name, level) -> ctx.getLogger(name).setLevel(level));
    if (!leaks.isEmpty()) {
      throw new AssertionError(
          "An API token appeared in "
              + leaks.size()
              + " log event(s); the"
              + " first: "
              + leaks.peek());
    }
  }

  /** The full text of an event: everything an appender's layout could print. */
  static String fullText(ILoggingEvent e) {
    StringBuilder sb = new StringBuilder();
    sb.append(e.getThreadName())
        .append(' ')
        .append(e.getLoggerName())
        .append(' ')
        .append(e.getFormattedMessage());
    if (e.getArgumentArray() != null) {
      for (Object arg : e.getArgumentArray()) {
        sb.append(' ').append(arg);
      }
    }
    if (e.getMDCPropertyMap() != null) {
      sb.append(' ').append(e.getMDCPropertyMap());
    }
    if (e.getThrowableProxy() != null) {
      sb.append('\n').append(ThrowableProxyUtil.asString(e.getThrowableProxy()));
    }
    return sb.toString();
  }

  private final class Scanner extends AppenderBase<ILoggingEvent> {
    @Override
    protected void append(ILoggingEvent e) {
      counts.computeIfAbsent(e.getLevel(), l -> new AtomicLong()).incrementAndGet();
      String text = fullText(e);
      for (String secret : secrets) {
        if (text.contains(secret)) {
          leaks.add(text);
          break;
        }
      }
      if (e.getLoggerName().startsWith("org.redcapjdbc")) {
        e.prepareForDeferredProcessing();
        recent.add(e);
        if (recentSize.incrementAndGet() > RECENT) {
          recent.poll();
          recentSize.decrementAndGet();
        }
      }
    }
  }
}
