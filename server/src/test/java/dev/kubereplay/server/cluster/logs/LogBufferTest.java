package dev.kubereplay.server.cluster.logs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogBufferTest {

  @Test
  void keeps_the_newest_lines_and_marks_how_many_of_each_container_were_dropped() {
    LogBuffer buffer = new LogBuffer(3, 1_000);
    buffer.add(new LogLine("api-1", "app", "a1"));
    buffer.add(new LogLine("api-2", "app", "b1"));
    buffer.add(new LogLine("api-1", "app", "a2"));
    buffer.add(new LogLine("api-1", "app", "a3"));
    buffer.add(new LogLine("api-1", "app", "a4"));
    buffer.add(new LogLine("api-2", "app", "b2"));

    assertThat(buffer.drain(100))
        .containsExactly(
            new LogLine(
                "api-1",
                "app",
                "[kubereplay: 2 lines dropped here; the pod logged faster than"
                    + " they could be sent]"),
            new LogLine(
                "api-2",
                "app",
                "[kubereplay: 1 line dropped here; the pod logged faster than"
                    + " they could be sent]"),
            new LogLine("api-1", "app", "a3"),
            new LogLine("api-1", "app", "a4"),
            new LogLine("api-2", "app", "b2"));
    assertThat(buffer.drain(100)).as("what was sent is not sent again").isEmpty();
  }

  @Test
  void gives_lines_a_batch_at_a_time_with_the_mark_where_lines_went_missing() {
    LogBuffer buffer = new LogBuffer(3, 1_000);
    for (int i = 0; i < 3; i++) {
      buffer.add(new LogLine("api-1", "app", "a" + i));
    }
    assertThat(buffer.drain(2)).extracting(LogLine::text).containsExactly("a0", "a1");
    for (int i = 3; i < 6; i++) {
      buffer.add(new LogLine("api-1", "app", "a" + i));
    }

    assertThat(buffer.drain(2))
        .extracting(LogLine::text)
        .containsExactly(
            "[kubereplay: 1 line dropped here; the pod logged faster than they could be sent]",
            "a3",
            "a4");
    assertThat(buffer.drain(2)).extracting(LogLine::text).containsExactly("a5");
  }

  @Test
  void holds_no_more_characters_than_its_limit_however_long_the_lines() {
    LogBuffer buffer = new LogBuffer(1_000, 10);
    for (int i = 0; i < 5; i++) {
      buffer.add(new LogLine("api-1", "app", "line" + i));
    }

    assertThat(buffer.drain(100))
        .extracting(LogLine::text)
        .containsExactly(
            "[kubereplay: 3 lines dropped here; the pod logged faster than they could be sent]",
            "line3",
            "line4");
  }
}
