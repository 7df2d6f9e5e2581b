package dev.kubereplay.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.kubereplay.fixtures.traffic.Recordings;
import dev.kubereplay.server.ServerEnvironment;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrafficCommandsTest {

  @TempDir Path dir;
  private StringWriter out = new StringWriter();
  private StringWriter err = new StringWriter();

  private int run(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    ServerEnvironment environment =
        new ServerEnvironment(Map.of("KUBEREPLAY_HOME", dir.resolve("data").toString()), dir);
    return Main.run(environment, new PrintWriter(out), new PrintWriter(err), args);
  }

  private String importShop() {
    Path har = Recordings.copy(dir, "chromium-shop.har");
    assertThat(
            run("import", har.toString(), "--outbound-host", "payments.example.test", "-o", "json"))
        .isZero();
    return JsonParser.parseString(out.toString())
        .getAsJsonObject()
        .getAsJsonObject("snapshot")
        .get("id")
        .getAsString();
  }

  @Test
  void import_prints_the_report_with_counts_per_host_and_skipped_entries() {
    Path har = Recordings.copy(dir, "chromium-shop.har");

    assertThat(
            run(
                "import",
                har.toString(),
                "--name",
                "shop",
                "--outbound-host",
                "payments.example.test"))
        .isZero();

    List<String> lines = out.toString().lines().toList();
    assertThat(lines.get(0))
        .startsWith("imported 8 pairs into snapshot ")
        .contains("\"shop\" (har,");
    assertThat(lines.get(1)).startsWith("HOST").contains("IN", "OUT");
    assertThat(lines).anyMatch(line -> line.matches("payments\\.example\\.test\\s+0\\s+1"));
    assertThat(lines)
        .contains(
            "skipped 2 entries:",
            "  entry 7: WebSocket upgrade (wss://shop.example.test/live)",
            "  entry 8: aborted request, no response (net::ERR_ABORTED)");
    assertThat(err.toString()).as("no progress bar when stderr is not a terminal").isEmpty();
  }

  @Test
  void json_output_is_the_import_report_of_the_protocol() {
    String id = importShop();
    JsonObject report = JsonParser.parseString(out.toString()).getAsJsonObject();
    assertThat(id).hasSize(12);
    assertThat(report.get("skippedCount").getAsInt()).isEqualTo(2);
    assertThat(report.getAsJsonArray("hosts")).hasSize(3);
  }

  @Test
  void snapshots_show_rename_reclassify_export_and_delete() throws Exception {
    String id = importShop();

    assertThat(run("snapshots")).isZero();
    assertThat(out.toString().lines().toList().get(0)).startsWith("ID").contains("STATE");
    assertThat(out.toString().lines().toList().get(1))
        .startsWith(id)
        .contains("chromium-shop.har   complete   ");

    assertThat(run("snapshot", "rename", id, "checkout")).isZero();
    assertThat(out.toString()).isEqualTo("renamed snapshot " + id + " \"checkout\"\n");

    assertThat(run("snapshot", "show", "checkout")).isZero();
    assertThat(out.toString()).contains("payments.example.test   POST     /v1/charges");
    // One latency column per 1-2-5 bucket from 5 ms to 200 ms: 5, 10, 20, 50, 100.
    List<String> shown = out.toString().lines().toList();
    assertThat(shown.get(1)).endsWith("LATENCY 5ms..200ms");
    assertThat(shown).anyMatch(line -> line.matches(".*/old-cart .* 5ms +5ms +█$"));
    assertThat(shown).anyMatch(line -> line.matches(".*/api/login .* 120ms +120ms +    █$"));

    assertThat(
            run("snapshot", "reclassify", id, "--host", "cdn.example.test", "--direction", "out"))
        .isZero();
    assertThat(out.toString())
        .contains("reclassified 1 pairs of cdn.example.test as OUT")
        .contains("6 in, 2 out");

    Path har = dir.resolve("out.har");
    assertThat(run("export", id.substring(0, 6), "-o", har.toString())).isZero();
    assertThat(out.toString())
        .startsWith("exported 8 pairs of snapshot " + id + " to " + har + " (har, ");
    assertThat(Files.readString(har)).startsWith("{\"log\":{\"version\":\"1.2\"");

    assertThat(run("snapshots", "-o", "json")).isZero();
    assertThat(JsonParser.parseString(out.toString()).getAsJsonObject().getAsJsonArray("snapshots"))
        .hasSize(1);

    assertThat(run("snapshot", "delete", id)).isZero();
    assertThat(run("snapshots", "-o", "json")).isZero();
    assertThat(JsonParser.parseString(out.toString()).getAsJsonObject().getAsJsonArray("snapshots"))
        .isEmpty();
  }

  @Test
  void failures_are_one_line_and_exit_1() throws Exception {
    Path missing = dir.resolve("missing.har");
    assertThat(run("import", missing.toString())).isEqualTo(1);
    assertThat(err.toString())
        .isEqualTo("kubereplay: " + missing + ": cannot read: no such file\n");

    assertThat(run("export", "nope", "-o", dir.resolve("x.jsonl").toString())).isEqualTo(1);
    assertThat(err.toString()).isEqualTo("kubereplay: no snapshot 'nope'\n");

    assertThat(run("import", missing.toString(), "--max-body-size", "lots")).isEqualTo(1);
    assertThat(err.toString()).startsWith("kubereplay: --max-body-size: not a size: 'lots'");
  }

  @Test
  void an_outbound_host_may_be_a_pasted_url_and_a_wrong_one_imports_nothing() throws Exception {
    Path har = Recordings.copy(dir, "chromium-shop.har");

    assertThat(run("import", har.toString(), "--outbound-host", "https://pay ments/v1"))
        .isEqualTo(1);
    assertThat(err.toString())
        .isEqualTo(
            "kubereplay: 'https://pay ments/v1' is not a host: give a host such as payments.shop"
                + " or 127.0.0.1:8080, or a URL\n");
    assertThat(run("snapshots", "-o", "json")).isZero();
    assertThat(JsonParser.parseString(out.toString()).getAsJsonObject().getAsJsonArray("snapshots"))
        .isEmpty();

    assertThat(
            run(
                "import",
                har.toString(),
                "--outbound-host",
                "https://Payments.example.test/v1/charges"))
        .isZero();
    assertThat(out.toString().lines())
        .anyMatch(line -> line.matches("payments\\.example\\.test\\s+0\\s+1"));

    assertThat(
            run(
                "snapshot",
                "reclassify",
                "chromium-shop.har",
                "--host",
                "https://CDN.example.test/img/logo.png",
                "--direction",
                "out"))
        .isZero();
    assertThat(out.toString()).contains("reclassified 1 pairs of cdn.example.test as OUT");

    assertThat(
            run(
                "snapshot",
                "reclassify",
                "chromium-shop.har",
                "--host",
                "shop.example.test",
                "--path",
                "/api/cart/items/{id}",
                "--method",
                "delete",
                "--direction",
                "out"))
        .isZero();
    assertThat(out.toString())
        .startsWith("reclassified 1 pairs of DELETE shop.example.test/api/cart/items/{id} as OUT;")
        .endsWith(" now has 5 in, 3 out\n");
    assertThat(run("snapshot", "show", "chromium-shop.har")).isZero();
    assertThat(out.toString().lines())
        .anyMatch(
            line ->
                line.matches(
                    "shop\\.example\\.test\\s+DELETE\\s+/api/cart/items/\\{id}\\s+0\\s+1\\s.*"))
        .anyMatch(line -> line.matches("shop\\.example\\.test\\s+GET\\s+/cart\\s+1\\s+0\\s.*"));

    assertThat(
            run(
                "snapshot",
                "reclassify",
                "chromium-shop.har",
                "--host",
                "shop.example.test",
                "--method",
                "GET",
                "--direction",
                "out"))
        .isEqualTo(1);
    assertThat(err.toString())
        .isEqualTo(
            "kubereplay: reclassify by method needs the endpoint's path too (e.g. /orders/{id})\n");
  }
}
