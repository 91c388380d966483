package io.dash4j.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The {@code java.util.logging} records the server logs while this is open, from any thread (Vert.x
 * logs through SLF4J to the same loggers): a handler on the root logger. The tests'
 * logging.properties lets only warnings through, so a test that wants quieter records names the
 * loggers to {@link #lower}; closing restores their levels.
 *
 * <pre>{@code
 * try (var log = LogRecords.capture().lower(Refusals.class.getName(), Level.FINE)) {
 *   ...
 *   assertThat(log.atLeast(Level.WARNING)).isEmpty();
 * }
 * }</pre>
 */
public final class LogRecords implements AutoCloseable {
  private final List<LogRecord> records = new CopyOnWriteArrayList<>();
  // Strong references: a logger whose level was set but that nobody holds can be collected, losing
  // the level.
  private final Map<Logger, Level> lowered = new LinkedHashMap<>();
  private final Handler handler =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          records.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  private LogRecords() {
    handler.setLevel(Level.ALL);
    Logger.getLogger("").addHandler(handler);
  }

  /** Starts capturing. */
  public static LogRecords capture() {
    return new LogRecords();
  }

  /** Lets the logger {@code name} log records down to {@code level} until this is closed. */
  public LogRecords lower(String name, Level level) {
    var logger = Logger.getLogger(name);
    lowered.putIfAbsent(logger, logger.getLevel());
    logger.setLevel(level);
    return this;
  }

  /** Every record so far, in order. */
  public List<LogRecord> all() {
    return new ArrayList<>(records);
  }

  /** The records at {@code level} or above. */
  public List<LogRecord> atLeast(Level level) {
    return records.stream().filter(r -> r.getLevel().intValue() >= level.intValue()).toList();
  }

  /** The records of the logger {@code name}. */
  public List<LogRecord> from(String name) {
    return records.stream().filter(r -> name.equals(r.getLoggerName())).toList();
  }

  /** Each record as {@code LEVEL logger: message}, for assertion messages. */
  public static List<String> describe(List<LogRecord> records) {
    return records.stream()
        .map(
            r ->
                r.getLevel()
                    + " "
                    + r.getLoggerName()
                    + ": "
                    + r.getMessage()
                    + (r.getThrown() == null ? "" : " (" + r.getThrown() + ")"))
        .toList();
  }

  /** Stops capturing and restores the levels of the lowered loggers. */
  @Override
  public void close() {
    Logger.getLogger("").removeHandler(handler);
    lowered.forEach(Logger::setLevel);
  }
}
