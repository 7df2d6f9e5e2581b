package dev.kubereplay.server.cli.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubereplay.server.ServerEnvironment;
import dev.kubereplay.server.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * replay --mocks: a build whose checkout calls a payments API is replayed with that API answered
 * from the same recording; a build that calls it differently is caught by the mocks.
 */
class ReplayWithMocksTest {

  @TempDir Path dir;
  private StringWriter out = new StringWriter();
  private StringWriter err = new StringWriter();
  private Server build;
  private String target;
  private int mocksPort;
  private volatile String amountSent = "3350";

  @BeforeEach
  void start() throws Exception {
    try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      mocksPort = free.getLocalPort();
    }
    // the build: its outbound calls go through the mocks, as the printed environment would send
    // them
    OkHttpClient outbound =
        new OkHttpClient.Builder()
            .proxy(new Proxy(Proxy.Type.HTTP, new InetSocketAddress("127.0.0.1", mocksPort)))
            .callTimeout(Duration.ofSeconds(30))
            .build();
    build = new Server();
    ServerConnector connector = new ServerConnector(build);
    connector.setHost("127.0.0.1");
    build.addConnector(connector);
    build.setHandler(
        new Handler.Abstract() {
          @Override
          public boolean handle(
              Request request, org.eclipse.jetty.server.Response response, Callback callback)
              throws Exception {
            int status;
            try (Response charge =
                outbound
                    .newCall(
                        new okhttp3.Request.Builder()
                            .url("http://payments.example.test/v1/charges")
                            .post(
                                new FormBody.Builder()
                                    .add("amount", amountSent)
                                    .add("currency", "eur")
                                    .build())
                            .build())
                    .execute()) {
              status = charge.code();
            }
            response.getHeaders().put("Content-Type", "application/json");
            response.write(
                true, StandardCharsets.UTF_8.encode("{\"payment\":" + status + "}"), callback);
            return true;
          }
        });
    build.start();
    target = "http://127.0.0.1:" + connector.getLocalPort();
    Path har = dir.resolve("checkout.har");
    Files.writeString(har, HAR, StandardCharsets.UTF_8);
    assertThat(
            run(
                "import",
                har.toString(),
                "--name",
                "checkout",
                "--outbound-host",
                "payments.example.test"))
        .as(err.toString())
        .isZero();
  }

  @AfterEach
  void stop() throws Exception {
    build.stop();
  }

  private static final String HAR =
      """
      {"log":{"version":"1.2","creator":{"name":"test","version":"1"},"entries":[
       {"startedDateTime":"2026-11-25T16:00:00.000Z","time":30,
        "request":{"method":"GET","url":"http://shop.example.test/checkout","httpVersion":"HTTP/1.1","headers":[],"queryString":[],"cookies":[],"headersSize":-1,"bodySize":0},
        "response":{"status":200,"statusText":"OK","httpVersion":"HTTP/1.1","headers":[{"name":"Content-Type","value":"application/json"}],"cookies":[],
          "content":{"size":15,"mimeType":"application/json","text":"{\\"payment\\":201}"},"redirectURL":"","headersSize":-1,"bodySize":-1},
        "cache":{},"timings":{"send":0,"wait":30,"receive":0}},
       {"startedDateTime":"2026-11-25T16:00:00.010Z","time":20,
        "request":{"method":"POST","url":"http://payments.example.test/v1/charges","httpVersion":"HTTP/1.1",
          "headers":[{"name":"Content-Type","value":"application/x-www-form-urlencoded"}],"queryString":[],"cookies":[],"headersSize":-1,"bodySize":24,
          "postData":{"mimeType":"application/x-www-form-urlencoded","text":"amount=3350&currency=eur"}},
        "response":{"status":201,"statusText":"Created","httpVersion":"HTTP/1.1","headers":[{"name":"Content-Type","value":"application/json"}],"cookies":[],
          "content":{"size":13,"mimeType":"application/json","text":"{\\"id\\":\\"ch_1\\"}"},"redirectURL":"","headersSize":-1,"bodySize":-1},
        "cache":{},"timings":{"send":0,"wait":20,"receive":0}}]}}
      """;

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
  void the_build_passes_with_its_payments_call_answered_from_the_recording() {
    int exit =
        run(
            "replay",
            "checkout",
            "--target",
            target,
            "--mocks",
            "--mocks-listen",
            "127.0.0.1:" + mocksPort);

    assertThat(exit).as(out + "\n" + err).isZero();
    assertThat(out.toString())
        .contains("MOCKS: 1 outbound calls answered, 0 missed")
        .contains("PASSED: 1 passed, 0 failed");
    assertThat(err.toString())
        .contains("mocks for the build's outbound calls on 127.0.0.1:" + mocksPort);
  }

  @Test
  void a_build_that_calls_its_dependency_differently_fails_and_the_mocks_say_how() {
    amountSent = "9999";

    int exit =
        run(
            "replay",
            "checkout",
            "--target",
            target,
            "--mocks",
            "--mocks-listen",
            "127.0.0.1:" + mocksPort);

    assertThat(exit).isEqualTo(1);
    assertThat(out.toString())
        .contains("$.payment: expected 201, got 599")
        .contains("MOCKS: 0 outbound calls answered, 1 missed")
        .contains("body amount: expected 3350, got 9999");
  }
}
