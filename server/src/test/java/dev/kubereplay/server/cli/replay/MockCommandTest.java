package dev.kubereplay.server.cli.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubereplay.fixtures.traffic.Recordings;
import dev.kubereplay.server.ServerEnvironment;
import dev.kubereplay.server.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MockCommandTest {

  private static final Pattern LISTENING = Pattern.compile("on 127\\.0\\.0\\.1:(\\d+);");

  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @AfterEach
  void stop() {
    MockCommand.interrupt();
  }

  private ServerEnvironment environment() {
    return new ServerEnvironment(Map.of("KUBEREPLAY_HOME", dir.resolve("data").toString()), dir);
  }

  private int run(String... args) {
    return Main.run(environment(), new PrintWriter(out), new PrintWriter(err), args);
  }

  private void importShop(String... extra) {
    Path har = Recordings.copy(dir, "chromium-shop.har");
    String[] args = new String[3 + extra.length];
    args[0] = "import";
    args[1] = har.toString();
    args[2] = "--progress=false";
    System.arraycopy(extra, 0, args, 3, extra.length);
    assertThat(run(args)).as(err.toString()).isZero();
  }

  private int awaitPort(CompletableFuture<Integer> running) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      Matcher matcher = LISTENING.matcher(err.toString());
      if (matcher.find()) {
        return Integer.parseInt(matcher.group(1));
      }
      if (running.isDone()) {
        throw new AssertionError("mock ended: " + running.get() + "\n" + err);
      }
      Thread.sleep(20);
    }
    throw new AssertionError("never listened: " + err);
  }

  @Test
  void answers_the_snapshots_outbound_calls_and_logs_hits_and_misses_until_interrupted()
      throws Exception {
    importShop("--name", "shop", "--outbound-host", "payments.example.test");
    CompletableFuture<Integer> running =
        CompletableFuture.supplyAsync(
            () ->
                Main.run(
                    environment(),
                    new PrintWriter(out),
                    new PrintWriter(err),
                    "mock",
                    "shop",
                    "--listen",
                    "127.0.0.1:0"));
    int port = awaitPort(running);
    OkHttpClient app =
        new OkHttpClient.Builder()
            .proxy(new Proxy(Proxy.Type.HTTP, new InetSocketAddress("127.0.0.1", port)))
            .callTimeout(Duration.ofSeconds(30))
            .build();

    Request charge =
        new Request.Builder()
            .url("http://payments.example.test/v1/charges")
            .post(new FormBody.Builder().add("currency", "eur").add("amount", "3350").build())
            .build();
    try (Response response = app.newCall(charge).execute()) {
      assertThat(response.code()).isEqualTo(201);
    }
    Request other =
        new Request.Builder()
            .url("http://payments.example.test/v1/charges")
            .post(new FormBody.Builder().add("amount", "9999").add("currency", "eur").build())
            .build();
    try (Response response = app.newCall(other).execute()) {
      assertThat(response.code()).isEqualTo(599);
      assertThat(response.body().string()).contains("body amount: expected 3350, got 9999");
    }
    MockCommand.interrupt();

    assertThat(running.get(30, TimeUnit.SECONDS)).isZero();
    assertThat(err.toString()).contains("(1 recorded call)");
    assertThat(out.toString().lines())
        .anySatisfy(
            line ->
                assertThat(line)
                    .startsWith("hit   POST http://payments.example.test/v1/charges -> pair "))
        .anySatisfy(
            line ->
                assertThat(line)
                    .startsWith(
                        "MISS  POST http://payments.example.test/v1/charges -- closest: pair ")
                    .endsWith("body amount: expected 3350, got 9999"));
  }

  @Test
  void a_snapshot_without_outbound_calls_says_how_to_mark_them() {
    importShop("--name", "inbound only");

    assertThat(run("mock", "inbound only", "--listen", "127.0.0.1:0")).isEqualTo(1);
    assertThat(err.toString())
        .contains("has no outbound calls to answer with")
        .contains("snapshot reclassify");
  }

  @Test
  void an_address_beyond_loopback_is_refused_without_the_flag() {
    importShop("--name", "shop", "--outbound-host", "payments.example.test");

    assertThat(run("mock", "shop", "--listen", "0.0.0.0:0")).isEqualTo(1);
    assertThat(err.toString())
        .contains("the mock server listens on loopback only")
        .contains("--allow-remote-clients");
  }

  @Test
  void print_env_prints_shell_exports_for_the_address_without_starting_anything() {
    assertThat(run("mock", "--print-env", "--listen", "127.0.0.1:18099")).isZero();

    assertThat(out.toString())
        .contains("export HTTPS_PROXY='http://127.0.0.1:18099'")
        .contains("export SSL_CERT_FILE='" + dir.resolve("data/ca/kubereplay-ca-bundle.pem") + "'")
        .contains("export JAVA_TOOL_OPTIONS='-Dhttp.proxyHost=127.0.0.1");
  }

  @Test
  void an_unknown_timing_is_named() {
    importShop("--name", "shop", "--outbound-host", "payments.example.test");

    assertThat(run("mock", "shop", "--timing", "quick")).isEqualTo(1);
    assertThat(err.toString()).contains("--timing: 'quick' is not a timing");
  }
}
