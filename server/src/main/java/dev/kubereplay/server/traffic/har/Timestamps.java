package dev.kubereplay.server.traffic.har;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * {@code startedDateTime}: ISO 8601 with an offset. The form every HAR writer uses ({@code
 * 2026-11-25T15:00:00.125Z}, {@code ...+01:00}) is read directly from the parser's characters;
 * anything else goes through {@link OffsetDateTime#parse}, then {@link Instant#parse}, as before,
 * and is the epoch when neither reads it. {@code OffsetDateTime.parse} costs microseconds, and an
 * import reads one timestamp per entry.
 */
final class Timestamps {

  private static final int[] POWERS = {
    1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000
  };

  private Timestamps() {}

  /** The instant {@code chars[offset, offset + length)} stands for. */
  static Instant parse(char[] chars, int offset, int length) {
    Instant fast = fast(chars, offset, length);
    return fast != null ? fast : parse(new String(chars, offset, length));
  }

  /** The instant {@code text} stands for; the epoch when null, empty or unreadable. */
  static Instant parse(String text) {
    if (text == null || text.isEmpty()) {
      return Instant.EPOCH;
    }
    Instant fast = fast(text.toCharArray(), 0, text.length());
    if (fast != null) {
      return fast;
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return Instant.parse(text);
      } catch (DateTimeParseException again) {
        return Instant.EPOCH;
      }
    }
  }

  /**
   * {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}](Z|±HH:mm)}, valid date and time, offset below 18 hours;
   * null for anything else (which the slow path then decides on).
   */
  static Instant fast(char[] c, int offset, int length) {
    if (length < 20) {
      return null;
    }
    int p = offset;
    int end = offset + length;
    int year = digits(c, p, 4);
    if (year < 0 || c[p + 4] != '-') {
      return null;
    }
    int month = digits(c, p + 5, 2);
    if (month < 1 || month > 12 || c[p + 7] != '-') {
      return null;
    }
    int day = digits(c, p + 8, 2);
    if (day < 1 || day > monthLength(year, month) || c[p + 10] != 'T') {
      return null;
    }
    int hour = digits(c, p + 11, 2);
    if (hour < 0 || hour > 23 || c[p + 13] != ':') {
      return null;
    }
    int minute = digits(c, p + 14, 2);
    if (minute < 0 || minute > 59 || c[p + 16] != ':') {
      return null;
    }
    int second = digits(c, p + 17, 2);
    if (second < 0 || second > 59) {
      return null;
    }
    p += 19;
    int nanos = 0;
    if (c[p] == '.') {
      int start = ++p;
      int fraction = 0;
      while (p < end && p - start < 10 && c[p] >= '0' && c[p] <= '9') {
        fraction = fraction * 10 + (c[p] - '0');
        p++;
      }
      int count = p - start;
      if (count == 0 || count > 9) {
        return null;
      }
      nanos = fraction * POWERS[9 - count];
    }
    int offsetSeconds;
    if (p == end - 1 && c[p] == 'Z') {
      offsetSeconds = 0;
    } else if (p == end - 6 && (c[p] == '+' || c[p] == '-') && c[p + 3] == ':') {
      int hours = digits(c, p + 1, 2);
      int minutes = digits(c, p + 4, 2);
      if (hours < 0 || hours > 17 || minutes < 0 || minutes > 59) {
        return null;
      }
      offsetSeconds = (hours * 3600 + minutes * 60) * (c[p] == '-' ? -1 : 1);
    } else {
      return null;
    }
    long seconds =
        epochDay(year, month, day) * 86_400L + hour * 3600 + minute * 60 + second - offsetSeconds;
    return Instant.ofEpochSecond(seconds, nanos);
  }

  /** The value of {@code count} ASCII digits, or -1. */
  private static int digits(char[] c, int at, int count) {
    int value = 0;
    for (int i = at; i < at + count; i++) {
      char d = c[i];
      if (d < '0' || d > '9') {
        return -1;
      }
      value = value * 10 + (d - '0');
    }
    return value;
  }

  private static boolean leap(long year) {
    return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
  }

  private static int monthLength(int year, int month) {
    return switch (month) {
      case 2 -> leap(year) ? 29 : 28;
      case 4, 6, 9, 11 -> 30;
      default -> 31;
    };
  }

  /** Days since 1970-01-01 of a proleptic Gregorian date, as {@code LocalDate.toEpochDay}. */
  static long epochDay(long year, int month, int day) {
    long total = 365 * year;
    if (year >= 0) {
      total += (year + 3) / 4 - (year + 99) / 100 + (year + 399) / 400;
    } else {
      total -= year / -4 - year / -100 + year / -400;
    }
    total += (367 * month - 362) / 12;
    total += day - 1;
    if (month > 2) {
      total--;
      if (!leap(year)) {
        total--;
      }
    }
    return total - 719_528; // days from 0000-01-01 to 1970-01-01
  }
}
