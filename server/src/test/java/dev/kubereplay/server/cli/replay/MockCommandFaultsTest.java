package dev.kubereplay.server.cli.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.kubereplay.fixtures.traffic.Recordings;
import dev.kubereplay.server.ServerEnvironment;
import dev.kubereplay.server.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kubereplay mock} refusing what it cannot do, and passing misses through. */
class MockCommandFaultsTest {

  private static final Pattern LISTENING = Pattern.compile("on 127\\.0\\.0\\.1:(\\d+);");

  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void importShop() {
    Path har = Recordings.copy(dir, "chromium-shop.har");
    assertThat(
            run(
                "import",
                har.toString(),
                "--progress=false",
                "--name",
                "shop",
                "--outbound-host",
                "payments.example.test"))
        .as(err.toString())
        .isZero();
  }

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

  @Test
  void a_port_in_use_is_named_and_exits_1() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();

      assertThat(run("mock", "shop", "--listen", "127.0.0.1:" + port)).isEqualTo(1);
      assertThat(err.toString())
          .contains("cannot listen on 127.0.0.1:" + port)
          .containsIgnoringCase("in use");
    }
  }

  @Test
  void an_unknown_snapshot_is_named_and_exits_1() {
    assertThat(run("mock", "no-such-snapshot", "--listen", "127.0.0.1:0")).isEqualTo(1);
    assertThat(err.toString()).contains("no snapshot 'no-such-snapshot'");
  }

  @Test
  void keep_as_without_passthrough_is_refused_naming_both_options() {
    assertThat(run("mock", "shop", "--listen", "127.0.0.1:0", "--keep-as", "kept")).isEqualTo(1);
    assertThat(err.toString()).contains("--keep-as needs --passthrough");
  }

  @Test
  void with_passthrough_a_miss_is_answered_by_the_real_upstream_logged_and_kept() throws Exception {
    HttpServer upstream =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    upstream.createContext(
        "/",
        exchange -> {
          byte[] body = "real".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    upstream.start();
    try {
      CompletableFuture<Integer> running =
          CompletableFuture.supplyAsync(
              () ->
                  run(
                      "mock",
                      "shop",
                      "--listen",
                      "127.0.0.1:0",
                      "--passthrough",
                      "--keep-as",
                      "refunds"));
      int port = awaitPort(running);
      OkHttpClient app =
          new OkHttpClient.Builder()
              .proxy(new Proxy(Proxy.Type.HTTP, new InetSocketAddress("127.0.0.1", port)))
              .callTimeout(Duration.ofSeconds(30))
              .build();
      String url = "http://127.0.0.1:" + upstream.getAddress().getPort() + "/v1/refunds";
      try (Response response = app.newCall(new Request.Builder().url(url).build()).execute()) {
        assertThat(response.code()).isEqualTo(200);
        assertThat(response.header("X-Kubereplay-Mock")).isEqualTo("passthrough");
        assertThat(response.body().string()).isEqualTo("real");
      }
      MockCommand.interrupt();

      assertThat(running.get(30, TimeUnit.SECONDS)).isZero();
      assertThat(out.toString().lines())
          .contains("PASS  GET " + url + " -> 200 from " + url + " (kept)");
      assertThat(err.toString())
          .contains("misses go on to the real upstream and are kept in snapshot")
          .containsPattern("kept 1 passed-through calls in snapshot [0-9a-f]+ \"refunds\"");
    } finally {
      upstream.stop(0);
    }
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
}
