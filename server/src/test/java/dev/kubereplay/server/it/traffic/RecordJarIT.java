package dev.kubereplay.server.it.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.kubereplay.fixtures.traffic.EchoUpstream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kubereplay record} as users run it, in its own process: listed while it records, sealed on
 * Ctrl-C, and kept as interrupted when the process is killed.
 */
class RecordJarIT {

  private static final Pattern STARTED =
      Pattern.compile("on (127\\.0\\.0\\.1:\\d+); Ctrl-C stops and completes snapshot (\\w+)");

  @TempDir Path dir;
  private CliProcesses cli;

  @BeforeEach
  void startCli() {
    cli = new CliProcesses(dir.resolve("data"));
  }

  private EchoUpstream upstream;
  private final OkHttpClient http =
      new OkHttpClient.Builder().proxy(Proxy.NO_PROXY).callTimeout(Duration.ofSeconds(20)).build();

  @BeforeEach
  void startUpstream() throws IOException {
    upstream = new EchoUpstream();
  }

  @AfterEach
  void killLeftovers() {
    cli.close();
    upstream.close();
    http.connectionPool().evictAll();
  }

  /** The recording's address and snapshot id, from the line it prints once listening. */
  private static Matcher awaitStarted(Process recording) throws Exception {
    BufferedReader err =
        new BufferedReader(
            new InputStreamReader(recording.getErrorStream(), StandardCharsets.UTF_8));
    CompletableFuture<Matcher> started =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                String line;
                while ((line = err.readLine()) != null) {
                  Matcher matcher = STARTED.matcher(line);
                  if (matcher.find()) {
                    return matcher;
                  }
                }
                throw new AssertionError("the recording ended before it listened");
              } catch (IOException e) {
                throw new IllegalStateException(e);
              }
            });
    return started.get(60, TimeUnit.SECONDS);
  }

  private void call(String address, String path) throws IOException {
    try (Response response =
        http.newCall(new Request.Builder().url("http://" + address + path).build()).execute()) {
      assertThat(response.code()).isEqualTo(200);
      // read to the end, as clients do: the exchange is complete, so it is recorded
      assertThat(response.body().string()).isNotEmpty();
    }
  }

  /** The snapshot as {@code kubereplay snapshots -o json}, run as its own process, lists it. */
  private JsonObject listed(String id) throws Exception {
    for (var snapshot : cli.snapshots()) {
      if (snapshot.getAsJsonObject().get("id").getAsString().equals(id)) {
        return snapshot.getAsJsonObject();
      }
    }
    return null;
  }

  private JsonObject awaitListed(String id, Predicate<JsonObject> condition) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    JsonObject last = null;
    while (System.nanoTime() < deadline) {
      last = listed(id);
      if (last != null && condition.test(last)) {
        return last;
      }
    }
    throw new AssertionError("snapshot " + id + " never got there; last listed: " + last);
  }

  @Test
  void a_killed_recording_keeps_its_pairs_and_is_listed_as_interrupted() throws Exception {
    Process recording =
        cli.start(
            "record",
            "--listen",
            "127.0.0.1:0",
            "--upstream",
            upstream.uri().toString(),
            "--name",
            "killed");
    Matcher started = awaitStarted(recording);
    String address = started.group(1);
    String id = started.group(2);
    call(address, "/one");
    call(address, "/two");

    JsonObject recorded = awaitListed(id, s -> s.get("inCount").getAsInt() == 2);
    assertThat(recorded.get("state").getAsString())
        .as("another process lists it while it records")
        .isEqualTo("RECORDING");

    recording.destroyForcibly(); // SIGKILL: no shutdown hook runs
    assertThat(recording.waitFor(30, TimeUnit.SECONDS)).isTrue();

    JsonObject interrupted = listed(id);
    assertThat(interrupted.get("state").getAsString()).isEqualTo("INTERRUPTED");
    assertThat(interrupted.get("name").getAsString()).isEqualTo("killed");
    assertThat(interrupted.get("inCount").getAsInt()).isEqualTo(2);
  }

  @Test
  void ctrl_c_completes_the_recording_with_every_pair() throws Exception {
    assertSignalCompletesTheRecording("INT");
  }

  @Test
  void sigterm_completes_the_recording_as_ctrl_c_does() throws Exception {
    assertSignalCompletesTheRecording("TERM");
  }

  private void assertSignalCompletesTheRecording(String signal) throws Exception {
    Process recording =
        cli.startAsFromTerminal(
            "record", "--listen", "127.0.0.1:0", "--upstream", upstream.uri().toString());
    Matcher started = awaitStarted(recording);
    String id = started.group(2);
    for (int i = 0; i < 5; i++) {
      call(started.group(1), "/items/" + i);
    }

    new ProcessBuilder("kill", "-" + signal, String.valueOf(recording.pid())).start().waitFor();

    assertThat(recording.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String out = new String(recording.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(recording.exitValue()).isZero();
    assertThat(out).startsWith("recorded 5 pairs (5 in, 0 out) into snapshot " + id);
    JsonObject sealed = listed(id);
    assertThat(sealed.get("state").getAsString()).isEqualTo("COMPLETE");
    assertThat(sealed.get("inCount").getAsInt()).isEqualTo(5);
  }
}
