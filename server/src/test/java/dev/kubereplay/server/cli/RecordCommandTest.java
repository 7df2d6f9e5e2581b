package dev.kubereplay.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.kubereplay.fixtures.traffic.EchoUpstream;
import dev.kubereplay.server.ServerEnvironment;
import dev.kubereplay.server.cli.traffic.RecordCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.Proxy;
import java.net.ServerSocket;
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

class RecordCommandTest {

  private static final Pattern LISTENING = Pattern.compile("on (127\\.0\\.0\\.1:\\d+);");

  @TempDir Path dir;
  private EchoUpstream upstream;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private final OkHttpClient http =
      new OkHttpClient.Builder().proxy(Proxy.NO_PROXY).callTimeout(Duration.ofSeconds(20)).build();

  @BeforeEach
  void start() throws Exception {
    upstream = new EchoUpstream();
  }

  @AfterEach
  void stop() {
    RecordCommand.interrupt();
    upstream.close();
    http.connectionPool().evictAll();
  }

  private CompletableFuture<Integer> runAsync(String... args) {
    ServerEnvironment environment =
        new ServerEnvironment(Map.of("KUBEREPLAY_HOME", dir.resolve("data").toString()), dir);
    return CompletableFuture.supplyAsync(
        () -> Main.run(environment, new PrintWriter(out), new PrintWriter(err), args));
  }

  private String awaitListening(CompletableFuture<Integer> running) throws Exception {
    return awaitMatch(LISTENING, running).group(1);
  }

  @Test
  void records_through_the_proxy_until_interrupted_then_prints_the_sealed_snapshot()
      throws Exception {
    CompletableFuture<Integer> running =
        runAsync(
            "record",
            "--listen",
            "127.0.0.1:0",
            "--upstream",
            upstream.uri().toString(),
            "--name",
            "desktop",
            "-o",
            "json");
    String address = awaitListening(running);

    for (String path : new String[] {"/a", "/b"}) {
      Request request =
          new Request.Builder()
              .url("http://" + address + path)
              .header("Authorization", "Bearer canary-cli")
              .build();
      try (Response response = http.newCall(request).execute()) {
        assertThat(response.code()).isEqualTo(200);
        // read to the end, as clients do: the exchange is complete, so it is recorded
        assertThat(response.body().string()).isNotEmpty();
      }
    }
    assertThat(RecordCommand.interrupt()).isTrue();

    assertThat(running.get(30, TimeUnit.SECONDS)).isZero();
    JsonObject snapshot = JsonParser.parseString(out.toString()).getAsJsonObject();
    assertThat(snapshot.get("name").getAsString()).isEqualTo("desktop");
    assertThat(snapshot.get("inCount").getAsInt()).isEqualTo(2);
    assertThat(snapshot.get("outCount").getAsInt()).isZero();
    assertThat(snapshot.get("state").getAsString()).isEqualTo("COMPLETE");
    assertThat(err.toString()).contains("recording to " + upstream.uri() + " on " + address);
  }

  /** Runs another command beside the recording, as a second terminal would. */
  private String[] runBeside(String... args) {
    StringWriter sideOut = new StringWriter();
    StringWriter sideErr = new StringWriter();
    ServerEnvironment environment =
        new ServerEnvironment(Map.of("KUBEREPLAY_HOME", dir.resolve("data").toString()), dir);
    int code = Main.run(environment, new PrintWriter(sideOut), new PrintWriter(sideErr), args);
    return new String[] {String.valueOf(code), sideOut.toString(), sideErr.toString()};
  }

  @Test
  void snapshots_lists_the_recording_as_it_grows_and_complete_once_stopped() throws Exception {
    CompletableFuture<Integer> running =
        runAsync(
            "record",
            "--listen",
            "127.0.0.1:0",
            "--upstream",
            upstream.uri().toString(),
            "--name",
            "growing");
    String address = awaitListening(running);
    Matcher snapshotId = Pattern.compile("completes snapshot ([0-9a-f]+)").matcher(err.toString());
    assertThat(snapshotId.find()).as(err.toString()).isTrue();
    String id = snapshotId.group(1);
    for (String path : new String[] {"/a", "/b", "/c"}) {
      try (Response response =
          http.newCall(new Request.Builder().url("http://" + address + path).build()).execute()) {
        assertThat(response.code()).isEqualTo(200);
        // read to the end, as clients do: the exchange is complete, so it is recorded
        assertThat(response.body().string()).isNotEmpty();
      }
    }

    String row = null;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      String[] listed = runBeside("snapshots");
      assertThat(listed[0]).isEqualTo("0");
      assertThat(listed[1].lines().findFirst().orElseThrow()).contains("STATE");
      row = listed[1].lines().filter(line -> line.startsWith(id)).findFirst().orElse("");
      if (row.matches(".*growing\\s+recording\\s+3\\s+0\\s.*")) {
        break;
      }
      Thread.sleep(50);
    }
    assertThat(row).matches(".*growing\\s+recording\\s+3\\s+0\\s.*");
    String[] deleted = runBeside("snapshot", "delete", id);
    assertThat(deleted[0]).isEqualTo("1");
    assertThat(deleted[2])
        .isEqualTo("kubereplay: snapshot " + id + " is being recorded; stop the recording first\n");

    assertThat(RecordCommand.interrupt()).isTrue();
    assertThat(running.get(30, TimeUnit.SECONDS)).isZero();

    String[] listed = runBeside("snapshots");
    assertThat(listed[1].lines().filter(line -> line.startsWith(id)).findFirst().orElseThrow())
        .matches(".*growing\\s+complete\\s+3\\s+0\\s.*");
  }

  @Test
  void a_listen_port_in_use_fails_naming_it_and_stores_nothing() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      String address = "127.0.0.1:" + taken.getLocalPort();
      int code =
          runAsync("record", "--listen", address, "--upstream", upstream.uri().toString())
              .get(30, TimeUnit.SECONDS);

      assertThat(code).isEqualTo(1);
      assertThat(err.toString()).startsWith("kubereplay: cannot listen on " + address + ": ");
    }
    assertThat(runBeside("snapshots", "-o", "json")[1]).contains("\"snapshots\": []");
  }

  @Test
  void a_reverse_proxy_without_an_upstream_is_refused() throws Exception {
    int code = runAsync("record", "--listen", "127.0.0.1:0").get(30, TimeUnit.SECONDS);

    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).contains("upstream");
  }

  @Test
  void a_forward_proxy_beyond_loopback_is_refused_without_the_flag_saying_how() throws Exception {
    int code = runAsync("record", "--forward", "--listen", "0.0.0.0:0").get(30, TimeUnit.SECONDS);

    assertThat(code).isEqualTo(1);
    assertThat(err.toString())
        .startsWith("kubereplay: the recording proxy listens on loopback only: 0.0.0.0:0 is not")
        .contains("send requests through it to every host this machine can reach")
        .contains("Listen on 127.0.0.1:0 instead")
        .contains("--allow-remote-clients");
    assertThat(runBeside("snapshots", "-o", "json")[1]).contains("\"snapshots\": []");
  }

  @Test
  void with_allow_remote_clients_it_listens_on_every_address_and_warns() throws Exception {
    CompletableFuture<Integer> running =
        runAsync("record", "--forward", "--listen", "0.0.0.0:0", "--allow-remote-clients");
    Matcher listening = awaitMatch(Pattern.compile("on 0\\.0\\.0\\.0:(\\d+);"), running);
    String port = listening.group(1);

    assertThat(err.toString())
        .contains(
            "WARNING: the recording proxy listens on 0.0.0.0:"
                + port
                + ", beyond loopback: anyone who can reach this machine on port "
                + port
                + " can send requests through it to every host this machine can reach.");
    OkHttpClient app =
        http.newBuilder()
            .proxy(
                new Proxy(
                    Proxy.Type.HTTP,
                    new java.net.InetSocketAddress("127.0.0.1", Integer.parseInt(port))))
            .build();
    try (Response response =
        app.newCall(new Request.Builder().url(upstream.uri() + "/dep").build()).execute()) {
      assertThat(response.code()).isEqualTo(200);
      assertThat(response.body().string()).isNotEmpty();
    }
    assertThat(RecordCommand.interrupt()).isTrue();
    assertThat(running.get(30, TimeUnit.SECONDS)).isZero();
    assertThat(out.toString()).contains("recorded 1 pairs (0 in, 1 out)");
  }

  private Matcher awaitMatch(Pattern pattern, CompletableFuture<Integer> running) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline && !running.isDone()) {
      Matcher matcher = pattern.matcher(err.toString());
      if (matcher.find()) {
        return matcher;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("never listening; stderr: " + err);
  }
}
