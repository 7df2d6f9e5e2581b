package dev.kubereplay.server.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubereplay.fixtures.traffic.HarGenerator;
import dev.kubereplay.fixtures.traffic.Recordings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every way a file can be bad gets one clear line, and leaves no snapshot and no rows. */
class BadInputTest {

  @TempDir Path dir;
  private Path data;
  private TrafficService service;

  @BeforeEach
  void open() {
    data = dir.resolve("data");
    service = TrafficTesting.service(data);
  }

  @AfterEach
  void nothing_was_left_behind() throws Exception {
    assertThat(service.snapshots()).isEmpty();
    assertThat(TrafficTesting.rows(data, "snapshots")).isZero();
    assertThat(TrafficTesting.rows(data, "rr_pairs")).isZero();
  }

  private ImportReport importFile(Path file, String format) {
    return service.importFile(
        new ImportRequest(file, format, null, Set.of(), 0, List.of(), null),
        TrafficService.ImportListener.NONE,
        TrafficFormat.Cancellation.NEVER);
  }

  private static String oneLine(Throwable e) {
    assertThat(e.getMessage()).doesNotContain("\n");
    return e.getMessage();
  }

  @Test
  void malformed_json_names_the_file_the_line_and_the_column() throws Exception {
    Path har = dir.resolve("broken.har");
    Files.writeString(
        har,
        """
        {"log": {"entries": [
          {"request": {"method": "GET", "url": "https://a.test/"},
           "response": {"status": 200}},
          {"request": {"method": "GET" "url": "https://a.test/b"}}
        ]}}
        """);

    assertThatThrownBy(() -> importFile(har, null))
        .isInstanceOf(ImportException.class)
        .satisfies(
            e ->
                assertThat(oneLine(e))
                    .isEqualTo(
                        har
                            + ": line 4, column 32, entry 2: malformed JSON: Unexpected character"
                            + " ('\"' (code 34)): was expecting comma to separate Object entries"));
  }

  @Test
  void the_wrong_format_is_named() throws Exception {
    Path postman = dir.resolve("collection.json");
    Files.writeString(
        postman, "{\"info\": {\"name\": \"shop\", \"schema\": \"v2.1.0\"}, \"item\": []}");

    assertThatThrownBy(() -> importFile(postman, "har"))
        .isInstanceOf(ImportException.class)
        .hasMessage(postman + ": not a HAR file: there is no log.entries array");
    assertThatThrownBy(() -> importFile(postman, "jsonl"))
        .isInstanceOf(ImportException.class)
        .hasMessage(postman + ": line 1: not kubereplay JSONL: a pair needs a method and a url");
  }

  @Test
  void a_file_no_format_recognizes_asks_for_format() throws Exception {
    Path text = dir.resolve("notes.txt");
    Files.writeString(text, "GET /users HTTP/1.1\n");

    assertThatThrownBy(() -> importFile(text, null))
        .isInstanceOf(ImportException.class)
        .hasMessageStartingWith(text + ": cannot tell its format (tried ")
        .hasMessageEndingWith("); name it with --format");
  }

  @Test
  void a_truncated_file_says_where_it_ends() throws Exception {
    Path full = Recordings.copy(dir, "chromium-shop.har");
    String text = Files.readString(full);
    Path cut = dir.resolve("cut.har");
    Files.writeString(cut, text.substring(0, text.length() * 2 / 3));

    assertThatThrownBy(() -> importFile(cut, "har"))
        .isInstanceOf(ImportException.class)
        .satisfies(
            e ->
                assertThat(oneLine(e))
                    .matches(
                        java.util.regex.Pattern.quote(cut.toString())
                            + ": line \\d+, column \\d+, entry \\d+: truncated: the file ends in"
                            + " the middle of the JSON"));
  }

  @Test
  void an_empty_file_is_refused() throws Exception {
    Path empty = dir.resolve("empty.har");
    Files.writeString(empty, "");

    assertThatThrownBy(() -> importFile(empty, null)).hasMessage(empty + ": empty file");
    assertThatThrownBy(() -> importFile(empty, "har")).hasMessage(empty + ": empty file");
  }

  @Test
  void a_har_without_entries_to_replay_stores_nothing() throws Exception {
    Path har = dir.resolve("sockets.har");
    Files.writeString(
        har,
        "{\"log\":{\"entries\":[{\"request\":{\"method\":\"GET\",\"url\":\"wss://a.test/s\"},"
            + "\"response\":{\"status\":101}}]}}");

    assertThatThrownBy(() -> importFile(har, null))
        .hasMessage(
            har
                + ": nothing to import: all 1 entries were skipped (the first, entry 1: WebSocket"
                + " upgrade (wss://a.test/s))");
  }

  @Test
  void a_body_over_the_limit_names_the_entry_and_the_limit() throws Exception {
    Path har = dir.resolve("big.har");
    String big = "x".repeat(300_000);
    Files.writeString(
        har,
        "{\"log\":{\"entries\":[{\"request\":{\"method\":\"GET\",\"url\":\"https://a.test/\"},"
            + "\"response\":{\"status\":200,\"content\":{\"text\":\""
            + big
            + "\"}}}]}}");

    assertThatThrownBy(
            () ->
                service.importFile(
                    new ImportRequest(har, "har", null, Set.of(), 100_000, List.of(), null),
                    TrafficService.ImportListener.NONE,
                    TrafficFormat.Cancellation.NEVER))
        .isInstanceOf(ImportException.class)
        .hasMessage(
            har
                + ": entry 1: response body of 293 KiB is larger than the limit of 97.7 KiB (raise"
                + " it with --max-body-size)");
  }

  @Test
  void a_body_far_over_the_limit_fails_before_it_is_held_in_memory() throws Exception {
    Path har = dir.resolve("huge.har");
    Files.writeString(
        har,
        "{\"log\":{\"entries\":[{\"request\":{\"method\":\"GET\",\"url\":\"https://a.test/\"},"
            + "\"response\":{\"status\":200,\"content\":{\"text\":\""
            + "x".repeat(3_000_000)
            + "\"}}}]}}");

    assertThatThrownBy(
            () ->
                service.importFile(
                    new ImportRequest(har, "har", null, Set.of(), 100_000, List.of(), null),
                    TrafficService.ImportListener.NONE,
                    TrafficFormat.Cancellation.NEVER))
        .isInstanceOf(ImportException.class)
        .hasMessageContaining("entry 1")
        .hasMessageEndingWith(
            "a body is larger than the limit of 97.7 KiB (raise it with --max-body-size)");
  }

  @Test
  void an_unreadable_path_is_one_line() {
    Path missing = dir.resolve("missing.har");
    assertThatThrownBy(() -> importFile(missing, null))
        .hasMessage(missing + ": cannot read: no such file");
    assertThatThrownBy(() -> importFile(missing, "har"))
        .hasMessage(missing + ": cannot read: no such file");
    assertThatThrownBy(() -> importFile(dir, "har"))
        .hasMessage(dir + ": cannot read: is a directory");
  }

  @Test
  void a_failure_after_batches_were_written_rolls_all_of_them_back() throws Exception {
    Path har = dir.resolve("late-failure.har");
    new HarGenerator(7).write(har, 3500, Long.MAX_VALUE);
    String text = Files.readString(har);
    int last = text.lastIndexOf("\"startedDateTime\"");
    Files.writeString(har, text.substring(0, last) + "\"startedDateTime\": }]}}");

    assertThatThrownBy(() -> importFile(har, "har"))
        .isInstanceOf(ImportException.class)
        .hasMessageContaining("entry 3500: malformed JSON");
  }

  @Test
  void a_cancelled_import_stores_nothing() throws Exception {
    Path har = dir.resolve("many.har");
    new HarGenerator(7).write(har, 5000, Long.MAX_VALUE);
    java.util.concurrent.atomic.AtomicInteger asked =
        new java.util.concurrent.atomic.AtomicInteger();

    // cancelled after 2500 entries: several batches are already in the transaction
    assertThatThrownBy(
            () ->
                service.importFile(
                    new ImportRequest(har, "har", null, Set.of(), 0, List.of(), null),
                    TrafficService.ImportListener.NONE,
                    () -> asked.incrementAndGet() > 2500))
        .isInstanceOf(CancellationException.class);
  }
}
