package dev.kubereplay.server.replay.compare;

import java.time.Instant;
import java.util.regex.Pattern;

/**
 * Values that differ between two runs by nature — timestamps, UUIDs and other generated ids,
 * request ids, durations — recognised by their shape, so that comparing a replay with its recording
 * needs no configuration for them. Two values are noise when both have the same kind; a value that
 * changed kind (a timestamp where an id was) is still a difference.
 */
enum Volatile {
  UUID(Pattern.compile("(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")),
  ULID(Pattern.compile("[0-9A-HJKMNP-TV-Z]{26}")),
  OBJECT_ID(Pattern.compile("(?i)[0-9a-f]{24}")),
  HEX_ID(Pattern.compile("(?i)(?=[0-9a-f]*[a-f])(?=[0-9a-f]*[0-9])[0-9a-f]{16,64}")),
  PREFIXED_ID(Pattern.compile("[a-z]{2,12}_[A-Za-z0-9]{10,40}")),
  TIMESTAMP(null),
  EPOCH(Pattern.compile("1[0-9]{9}(?:[0-9]{3})?(?:\\.[0-9]+)?")),
  DURATION(Pattern.compile("[0-9]+(?:\\.[0-9]+)?\\s?(?:ns|us|µs|ms|s)"));

  private static final Pattern ISO_DATE_TIME =
      Pattern.compile(
          "[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:[.,][0-9]+)?)?(?:Z|[+-][0-9]{2}:?[0-9]{2})?");
  private static final Pattern HTTP_DATE =
      Pattern.compile(
          "(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), [0-9]{2} [A-Z][a-z]{2} [0-9]{4} [0-9]{2}:[0-9]{2}:[0-9]{2} GMT");

  /** Epoch values count as timestamps only within this many years of now. */
  private static final long EPOCH_WINDOW_SECONDS = 20L * 365 * 24 * 3600;

  private final Pattern shape;

  Volatile(Pattern shape) {
    this.shape = shape;
  }

  /** The kind of a value, or null when it is an ordinary value. */
  static Volatile of(String value) {
    if (value == null || value.length() < 2 || value.length() > 80) {
      return null;
    }
    if (ISO_DATE_TIME.matcher(value).matches() || HTTP_DATE.matcher(value).matches()) {
      return TIMESTAMP;
    }
    for (Volatile kind : values()) {
      if (kind.shape != null && kind.shape.matcher(value).matches()) {
        if (kind == EPOCH && !nearNow(value)) {
          continue;
        }
        if (kind == PREFIXED_ID && !hasDigit(value)) {
          continue; // snake_case words are not ids
        }
        return kind;
      }
    }
    return null;
  }

  /** Whether two values differ only as two values of one volatile kind do. */
  static boolean sameKind(String expected, String actual) {
    Volatile kind = of(expected);
    return kind != null && kind == of(actual);
  }

  private static boolean nearNow(String value) {
    double number = Double.parseDouble(value);
    double seconds = value.indexOf('.') < 0 && value.length() == 13 ? number / 1000 : number;
    return Math.abs(seconds - Instant.now().getEpochSecond()) < EPOCH_WINDOW_SECONDS;
  }

  private static boolean hasDigit(String value) {
    for (int i = 0; i < value.length(); i++) {
      if (Character.isDigit(value.charAt(i))) {
        return true;
      }
    }
    return false;
  }
}
