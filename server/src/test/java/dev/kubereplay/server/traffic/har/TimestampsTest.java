package dev.kubereplay.server.traffic.har;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TimestampsTest {

  /** What the import did before the fast path: OffsetDateTime, then Instant, then the epoch. */
  private static Instant slow(String text) {
    if (text == null || text.isEmpty()) {
      return Instant.EPOCH;
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

  private static void readsAsBefore(String text) {
    char[] chars = ("[" + text + "]").toCharArray();
    assertThat(Timestamps.parse(chars, 1, text.length())).as(text).isEqualTo(slow(text));
    assertThat(Timestamps.parse(text)).as(text).isEqualTo(slow(text));
  }

  @Test
  void what_har_writers_write_is_read_directly() {
    assertThat(Timestamps.fast("2026-11-25T15:00:00.125Z".toCharArray(), 0, 24))
        .isEqualTo(Instant.parse("2026-11-25T15:00:00.125Z"));
    assertThat(Timestamps.fast("2026-11-25T16:00:00.5+01:00".toCharArray(), 0, 27))
        .isEqualTo(Instant.parse("2026-11-25T15:00:00.5Z"));
    readsAsBefore("2026-11-25T15:00:00Z");
    readsAsBefore("2026-11-25T15:00:00.1Z");
    readsAsBefore("2026-11-25T15:00:00.123456789Z");
    readsAsBefore("2026-11-25T15:00:00.5-05:30");
    readsAsBefore("2026-11-25T15:00:00+05:45");
    readsAsBefore("2026-11-25T15:00:00-00:00");
    readsAsBefore("2024-02-29T23:59:59.999Z");
    readsAsBefore("1969-12-31T23:59:59.5Z");
    readsAsBefore("0000-01-01T00:00:00Z");
    readsAsBefore("9999-12-31T23:59:59.999999999Z");
  }

  @Test
  void anything_else_is_read_as_before() {
    for (String text :
        new String[] {
          "",
          "garbage",
          "2026-13-01T00:00:00Z",
          "2026-11-31T00:00:00Z",
          "2026-02-29T00:00:00Z",
          "1900-02-29T00:00:00Z",
          "2026-11-25T24:00:00Z",
          "2026-11-25T23:60:00Z",
          "2026-11-25T23:59:60Z",
          "2026-11-25 15:00:00Z",
          "2026-11-25t15:00:00z",
          "2026-11-25T15:00Z",
          "2026-11-25T15:00:00",
          "2026-11-25T15:00:00.Z",
          "2026-11-25T15:00:00.1234567891Z",
          "2026-11-25T15:00:00,5Z",
          "2026-11-25T15:00:00+01",
          "2026-11-25T15:00:00+0100",
          "2026-11-25T15:00:00+01:00:30",
          "2026-11-25T15:00:00+18:00",
          "2026-11-25T15:00:00+19:00",
          "2026-11-25T15:00:00+01:60",
          "2026-11-25T15:00:00.123Zjunk",
          " 2026-11-25T15:00:00Z",
          "+12026-11-25T15:00:00Z",
          "2026-1-25T15:00:00Z",
          "\uff12\uff10\uff12\uff16-11-25T15:00:00Z"
        }) {
      readsAsBefore(text);
    }
  }

  @Test
  void random_valid_timestamps_are_read_as_before() {
    Random random = new Random(11);
    for (int n = 0; n < 20_000; n++) {
      LocalDate date = LocalDate.ofEpochDay(random.nextInt(3_650_000) - 719_528);
      String fraction =
          switch (random.nextInt(4)) {
            case 0 -> "";
            case 1 -> "." + random.nextInt(10);
            case 2 -> String.format(".%03d", random.nextInt(1000));
            default -> String.format(".%09d", random.nextInt(1_000_000_000));
          };
      int offset = random.nextInt(36 * 60) - 18 * 60;
      String zone =
          random.nextBoolean()
              ? "Z"
              : String.format(
                  "%s%02d:%02d",
                  offset < 0 ? "-" : "+", Math.abs(offset) / 60, Math.abs(offset) % 60);
      String text =
          String.format(
              "%04d-%02d-%02dT%02d:%02d:%02d%s%s",
              date.getYear(),
              date.getMonthValue(),
              date.getDayOfMonth(),
              random.nextInt(24),
              random.nextInt(60),
              random.nextInt(60),
              fraction,
              zone);
      readsAsBefore(text);
    }
  }
}
