package dev.kubereplay.server.cli.traffic;

import dev.kubereplay.server.cli.Terminal;
import dev.kubereplay.server.traffic.Sizes;
import dev.kubereplay.server.traffic.TrafficService;
import java.io.PrintWriter;
import java.util.function.LongFunction;

/** A one-line progress bar on stderr, redrawn in place; only when stderr is a terminal. */
final class ProgressBar implements TrafficService.ImportListener {

  private static final int WIDTH = 30;

  private final PrintWriter err;
  private final LongFunction<String> amount;
  private boolean drawn;

  /** A bar counting bytes. */
  ProgressBar(PrintWriter err) {
    this(err, Sizes::human);
  }

  /** A bar counting what {@code amount} names ({@code 1,200 pairs}, say). */
  ProgressBar(PrintWriter err, LongFunction<String> amount) {
    this.err = err;
    this.amount = amount;
  }

  /** Whether this process's stderr is a terminal. */
  static boolean stderrIsTerminal() {
    return Terminal.stderrIsTerminal();
  }

  @Override
  public void progress(long done, long total, String message) {
    if (total <= 0) {
      // reading a pipe: how much is still to come is not known, so no bar, just the count
      err.print("\r" + amount.apply(done) + " read  " + message + "   ");
      err.flush();
      drawn = true;
      return;
    }
    int percent = total <= 0 ? 0 : (int) Math.min(100, done * 100 / total);
    int filled = percent * WIDTH / 100;
    err.print(
        "\r["
            + "#".repeat(filled)
            + ".".repeat(WIDTH - filled)
            + "] "
            + String.format("%3d%%", percent)
            + "  "
            + amount.apply(done)
            + " / "
            + amount.apply(total)
            + "  "
            + message
            + "   ");
    err.flush();
    drawn = true;
  }

  /** Clears the bar so what follows starts on a clean line. */
  void clear() {
    if (drawn) {
      err.print("\r" + " ".repeat(WIDTH + 60) + "\r");
      err.flush();
      drawn = false;
    }
  }
}
