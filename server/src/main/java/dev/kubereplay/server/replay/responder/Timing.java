package dev.kubereplay.server.replay.responder;

import java.util.Locale;

/**
 * How long the mocks take to answer: at once ({@code none}), as long as the recorded call took
 * ({@code recorded}), or that scaled ({@code 2x} twice as fast, {@code 0.5x} half as fast).
 *
 * @param speed how many times faster than recorded; 0 for no delay at all
 */
public record Timing(double speed) {

  public static final Timing NONE = new Timing(0);
  public static final Timing RECORDED = new Timing(1);

  /** Reads {@code none}, {@code recorded} or {@code Nx}; refuses anything else, naming it. */
  public static Timing parse(String text) {
    String value = text.strip().toLowerCase(Locale.ROOT);
    if (value.equals("none")) {
      return NONE;
    }
    if (value.equals("recorded")) {
      return RECORDED;
    }
    if (value.endsWith("x")) {
      try {
        double speed = Double.parseDouble(value.substring(0, value.length() - 1));
        if (speed > 0 && speed <= 1000 && Double.isFinite(speed)) {
          return new Timing(speed);
        }
      } catch (NumberFormatException notANumber) {
        // named below
      }
    }
    throw new IllegalArgumentException(
        "'" + text + "' is not a timing: use none, recorded, or a speed such as 2x or 0.5x");
  }

  /** The delay before answering a call recorded as taking {@code recordedMillis} (-1: unknown). */
  public long delayMillis(long recordedMillis) {
    if (speed == 0 || recordedMillis <= 0) {
      return 0;
    }
    return Math.round(recordedMillis / speed);
  }
}
