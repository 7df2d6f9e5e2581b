package dev.kubereplay.server.cli;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as users type them on the command line. */
public final class Durations {

  private static final Pattern DURATION = Pattern.compile("(\\d+)(h|m|s)");

  private Durations() {}

  /** {@code 1h30m}, {@code 5m}, {@code 30s}. */
  public static Duration parse(String text) {
    if (text == null) {
      return null;
    }
    Matcher matcher = DURATION.matcher(text);
    Duration total = Duration.ZERO;
    int end = 0;
    while (matcher.find() && matcher.start() == end) {
      long amount = Long.parseLong(matcher.group(1));
      total =
          total.plus(
              switch (matcher.group(2)) {
                case "h" -> Duration.ofHours(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofSeconds(amount);
              });
      end = matcher.end();
    }
    if (end != text.length() || end == 0) {
      throw new CliException("cannot read duration '" + text + "': use e.g. 30s, 5m, 1h30m");
    }
    return total;
  }
}
