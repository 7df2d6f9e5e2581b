package dev.kubereplay.server.replay.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeniencyFileTest {

  @TempDir Path dir;

  private Path settings(String json) throws IOException {
    return Files.writeString(dir.resolve("kubereplay.json"), json);
  }

  @Test
  void the_workspace_file_adds_to_what_is_left_out_and_what_is_matched() throws IOException {
    Leniency leniency =
        LeniencyFile.read(
            settings(
                """
                {"target": "http://localhost:8080",
                 "mocks": {"ignoreQuery": ["ts"], "ignoreHeaders": ["X-Request-Id"],
                           "ignoreJsonPaths": ["$.meta.sentAt", "$.items[0]"],
                           "matchHeaders": ["X-Api-Version"]}}"""),
            Leniency.DEFAULT);

    assertThat(leniency.ignoredQuery()).containsExactly("ts");
    assertThat(leniency.ignoredHeaders()).containsExactly("x-request-id");
    assertThat(leniency.ignoredJsonPaths())
        .containsExactlyInAnyOrder("$.meta.sentAt", "$.items[0]");
    assertThat(leniency.matchedHeaders()).contains("x-api-version", "x-amz-target", "soapaction");
  }

  @Test
  void a_file_without_a_mocks_section_changes_nothing() throws IOException {
    assertThat(
            LeniencyFile.read(
                settings("{\"target\": \"http://localhost:8080\"}"), Leniency.DEFAULT))
        .isEqualTo(Leniency.DEFAULT);
  }

  @Test
  void mistakes_are_named_with_the_file_and_where() throws IOException {
    assertThatThrownBy(
            () ->
                LeniencyFile.read(
                    settings("{\"mocks\": {\"ignoreQuery\": [\"ts\",]}}"), Leniency.DEFAULT))
        .hasMessageStartingWith(dir.resolve("kubereplay.json") + ": line 1, column");
    assertThatThrownBy(
            () ->
                LeniencyFile.read(
                    settings("{\"mocks\": {\"ignoreQeury\": [\"ts\"]}}"), Leniency.DEFAULT))
        .hasMessageContaining("unknown setting mocks.ignoreQeury");
    assertThatThrownBy(
            () ->
                LeniencyFile.read(
                    settings("{\"mocks\": {\"ignoreJsonPaths\": [\"meta.sentAt\"]}}"),
                    Leniency.DEFAULT))
        .hasMessageContaining("'meta.sentAt' is not a JSON path like $.order.items[0].sku");
    assertThatThrownBy(
            () ->
                LeniencyFile.read(
                    settings("{\"mocks\": {\"ignoreHeaders\": \"X-Request-Id\"}}"),
                    Leniency.DEFAULT))
        .hasMessageContaining("mocks.ignoreHeaders must be a list of strings");
    assertThatThrownBy(() -> LeniencyFile.read(dir.resolve("missing.json"), Leniency.DEFAULT))
        .hasMessageEndingWith("missing.json: no such file");
  }

  @Test
  void per_run_options_add_to_the_file_and_are_checked_the_same_way() {
    Leniency run =
        LeniencyFile.plus(Leniency.DEFAULT, List.of("ts"), List.of(), List.of("$.id"), List.of());
    assertThat(run.ignoredQuery()).containsExactly("ts");
    assertThat(run.ignoredJsonPaths()).containsExactly("$.id");
    assertThatThrownBy(
            () ->
                LeniencyFile.plus(Leniency.DEFAULT, List.of(), List.of(), List.of("id"), List.of()))
        .hasMessage("--ignore-json-path: 'id' is not a JSON path like $.order.items[0].sku");
  }
}
