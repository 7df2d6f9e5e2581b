package dev.kubereplay.server.cli.replay;

import dev.kubereplay.server.cli.Terminal;
import dev.kubereplay.server.replay.report.RunReport;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * One line on stderr, redrawn at most four times a second while a replay runs: sent, passed,
 * failed, requests per second and time so far. Only when stderr is a terminal.
 */
final class ReplayProgress {

  private static final long INTERVAL_NANOS = 250_000_000L;

  private final PrintWriter err;
  private final boolean shown;
  private RunReport report;
  private long started;
  private long lastDrawn;

  private ReplayProgress(PrintWriter err, boolean shown) {
    this.err = err;
    this.shown = shown;
  }

  static ReplayProgress forStderr(PrintWriter err) {
    return new ReplayProgress(err, Terminal.stderrIsTerminal());
  }

  synchronized void start(RunReport report) {
    this.report = report;
    this.started = System.nanoTime();
  }

  synchronized void update(long done) {
    long now = System.nanoTime();
    if (!shown || report == null || now - lastDrawn < INTERVAL_NANOS) {
      return;
    }
    lastDrawn = now;
    double seconds = (now - started) / 1e9;
    err.print(
        String.format(
            Locale.ROOT,
            "\rsent %d  passed %d  failed %d  %.0f req/s  %.1f s\u001b[K",
            done,
            report.passed(),
            report.failed(),
            seconds > 0 ? done / seconds : 0,
            seconds));
    err.flush();
  }

  synchronized void finish() {
    if (shown && lastDrawn != 0) {
      err.print("\r\u001b[K");
      err.flush();
    }
  }
}
