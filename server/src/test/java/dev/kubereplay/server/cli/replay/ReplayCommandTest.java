package dev.kubereplay.server.cli.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.kubereplay.server.ServerEnvironment;
import dev.kubereplay.server.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kubereplay replay against a build on loopback, as a user runs it. */
class ReplayCommandTest {

  @TempDir Path dir;
  private StringWriter out = new StringWriter();
  private StringWriter err = new StringWriter();
  private Server build;
  private String target;

  @BeforeEach
  void start() throws Exception {
    build = new Server();
    ServerConnector connector = new ServerConnector(build);
    connector.setHost("127.0.0.1");
    build.addConnector(connector);
    build.setHandler(
        new Handler.Abstract() {
          @Override
          public boolean handle(Request request, Response response, Callback callback) {
            String status = request.getHttpURI().getPath().endsWith("/8") ? "refunded" : "paid";
            response.getHeaders().put("Content-Type", "application/json");
            response.write(
                true,
                StandardCharsets.UTF_8.encode(
                    "{\"id\":\""
                        + UUID.randomUUID()
                        + "\",\"at\":\""
                        + Instant.now()
                        + "\",\"status\":\""
                        + status
                        + "\"}"),
                callback);
            return true;
          }
        });
    build.start();
    target = "http://127.0.0.1:" + connector.getLocalPort();
    Path har = dir.resolve("orders.har");
    Files.writeString(har, har(), StandardCharsets.UTF_8);
    assertThat(run("import", har.toString(), "--name", "orders")).as(err.toString()).isZero();
  }

  @AfterEach
  void stop() throws Exception {
    build.stop();
  }

  private static String entry(String path) {
    return """
        {"startedDateTime":"2026-11-25T16:00:00.000Z","time":12,
         "request":{"method":"GET","url":"http://shop.example.test%s","httpVersion":"HTTP/1.1","headers":[],"queryString":[],"cookies":[],"headersSize":-1,"bodySize":0},
         "response":{"status":200,"statusText":"OK","httpVersion":"HTTP/1.1","headers":[{"name":"Content-Type","value":"application/json"}],"cookies":[],
           "content":{"size":80,"mimeType":"application/json","text":"{\\"id\\":\\"3f2a9c1e-8b7d-4e6f-9a0b-1c2d3e4f5a6b\\",\\"at\\":\\"2026-11-25T16:00:01Z\\",\\"status\\":\\"paid\\"}"},
           "redirectURL":"","headersSize":-1,"bodySize":-1},
         "cache":{},"timings":{"send":0,"wait":12,"receive":0}}"""
        .formatted(path);
  }

  private static String har() {
    return "{\"log\":{\"version\":\"1.2\",\"creator\":{\"name\":\"test\",\"version\":\"1\"},\"entries\":["
        + entry("/orders/7")
        + ","
        + entry("/orders/8")
        + "]}}";
  }

  private int run(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    return Main.run(
        new ServerEnvironment(Map.of("KUBEREPLAY_HOME", dir.resolve("data").toString()), dir),
        new PrintWriter(out),
        new PrintWriter(err),
        args);
  }

  @Test
  void a_changed_field_fails_the_run_naming_its_path_while_timestamps_and_ids_pass() {
    int exit = run("replay", "orders", "--target", target);

    assertThat(exit).isEqualTo(1);
    assertThat(out.toString())
        .contains("GET /orders/{id}")
        .contains("FAILURES (1 of 1)")
        .contains("$.status: expected \"paid\", got \"refunded\"")
        .doesNotContain("$.id")
        .doesNotContain("$.at")
        .contains("FAILED: 1 passed, 1 failed (50.0 % success)");
    assertThat(err.toString()).contains("replaying 2 requests of snapshot");
  }

  @Test
  void goals_decide_the_exit_code_and_are_reported() {
    assertThat(
            run(
                "replay",
                "orders",
                "--target",
                target,
                "--times",
                "3",
                "--vus",
                "2",
                "--goal",
                "success>=50%",
                "--goal",
                "p95<30s"))
        .isZero();
    assertThat(out.toString()).contains("PASS  success>=50%  (50.0 %)").contains("PASS  p95<30s");

    assertThat(run("replay", "orders", "--target", target, "--goal", "success>=99%")).isEqualTo(1);
    assertThat(out.toString()).contains("FAIL  success>=99%  (50.0 %)");
  }

  @Test
  void json_output_carries_the_verdict_and_each_mismatch() {
    assertThat(run("replay", "orders", "--target", target, "-o", "json")).isEqualTo(1);

    JsonObject json = JsonParser.parseString(out.toString()).getAsJsonObject();
    assertThat(json.get("passed").getAsBoolean()).isFalse();
    assertThat(json.get("requests").getAsInt()).isEqualTo(2);
    assertThat(
            json.getAsJsonArray("failures")
                .get(0)
                .getAsJsonObject()
                .getAsJsonArray("mismatches")
                .get(0)
                .getAsJsonObject()
                .get("path")
                .getAsString())
        .isEqualTo("$.status");
  }

  @Test
  void bad_input_is_named() {
    assertThat(run("replay", "orders", "--target", target, "--goal", "p95 under 300")).isEqualTo(1);
    assertThat(err.toString()).contains("'p95 under 300' is not a goal");
    assertThat(run("replay", "orders", "--target", "localhost:8080")).isEqualTo(1);
    assertThat(err.toString()).contains("is not an http:// or https:// URL with a host");
    assertThat(
            run(
                "replay",
                "orders",
                "--target",
                target,
                "--header",
                "Authorization=Bearer ${UNSET_TOKEN}"))
        .isEqualTo(1);
    assertThat(err.toString()).contains("the environment variable UNSET_TOKEN is not set");
    assertThat(
            run(
                "snapshot",
                "reclassify",
                "orders",
                "--host",
                "shop.example.test",
                "--direction",
                "out"))
        .isZero();
    assertThat(run("replay", "orders", "--target", target)).isEqualTo(1);
    assertThat(err.toString()).contains("has no inbound requests to send");
  }

  @Test
  void an_unreachable_target_fails_each_request_as_a_connect_error() throws Exception {
    build.stop();

    assertThat(run("replay", "orders", "--target", target, "--timeout", "5s")).isEqualTo(1);
    assertThat(out.toString()).contains("ERRORS").contains("connect: 2");
  }
}
