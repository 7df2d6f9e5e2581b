package dev.kubereplay.server.logging;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.logging.ConsoleHandler;
import java.util.logging.FileHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.StreamHandler;

/**
 * Sends the server's logs (its own and fabric8's, through SLF4J's JUL binding) to stderr and to
 * {@code <data directory>/logs/kubereplay.log}. Never to stdout, which belongs to the protocol.
 */
public final class ServerLogging {

  private ServerLogging() {}

  /**
   * Configures logging for this process.
   *
   * @param stderr where console logs go
   * @param dataDirectory kubereplay's data directory; the log file goes below it
   * @param consoleLevel the least level printed on stderr
   */
  public static void configure(PrintStream stderr, Path dataDirectory, Level consoleLevel) {
    LogManager.getLogManager().reset();
    Logger root = Logger.getLogger("");
    root.setLevel(Level.INFO);
    // The JDK resets logging in a shutdown hook, closing every handler's stream: keep stderr open
    // for whatever the process still has to say (an interrupted import's last line).
    java.io.OutputStream unclosable =
        new java.io.FilterOutputStream(stderr) {
          @Override
          public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
          }

          @Override
          public void close() throws IOException {
            flush();
          }
        };
    Handler console =
        new StreamHandler(unclosable, new OneLine()) {
          @Override
          public synchronized void publish(LogRecord record) {
            super.publish(record);
            flush();
          }
        };
    console.setLevel(consoleLevel);
    root.addHandler(console);
    Path logs = dataDirectory.resolve("logs");
    try {
      Files.createDirectories(logs);
      FileHandler file =
          new FileHandler(logs.resolve("kubereplay.log").toString(), 10_000_000, 1, true);
      file.setFormatter(new OneLine());
      file.setLevel(Level.INFO);
      root.addHandler(file);
    } catch (IOException | RuntimeException e) {
      root.warning("no log file in " + logs + ": " + e.getMessage());
    }
    // OkHttp and Vert.x are chatty at INFO about things a user cannot act on.
    Logger.getLogger("okhttp3").setLevel(Level.WARNING);
  }

  /** {@code 2026-11-25T17:40:00.123Z INFO rpc.RpcCalls message}, plus a stack trace if any. */
  static final class OneLine extends Formatter {
    @Override
    public String format(LogRecord record) {
      StringBuilder line = new StringBuilder();
      line.append(Instant.ofEpochMilli(record.getMillis()))
          .append(' ')
          .append(String.format("%-5s", record.getLevel().getName()))
          .append(' ')
          .append(shortName(record.getLoggerName()))
          .append("  ")
          .append(formatMessage(record))
          .append(System.lineSeparator());
      if (record.getThrown() != null) {
        java.io.StringWriter trace = new java.io.StringWriter();
        record.getThrown().printStackTrace(new java.io.PrintWriter(trace));
        line.append(trace);
      }
      return line.toString();
    }

    private static String shortName(String logger) {
      if (logger == null) {
        return "-";
      }
      String prefix = "dev.kubereplay.server.";
      return logger.startsWith(prefix) ? logger.substring(prefix.length()) : logger;
    }
  }

  static {
    // Keep the JDK's default console handler from printing before configure() runs.
    Logger.getLogger("").setLevel(Level.WARNING);
    for (Handler handler : Logger.getLogger("").getHandlers()) {
      if (handler instanceof ConsoleHandler) {
        handler.setLevel(Level.WARNING);
      }
    }
  }
}
