package dev.kubereplay.server.it.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.kubereplay.fixtures.cluster.RealApiServer;
import dev.kubereplay.fixtures.rpc.RawConnection;
import dev.kubereplay.server.it.cluster.KubereplayJar.Run;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A secret's value never leaves the server process: a unique canary value is in no protocol
 * message, on no output stream, in no trace, log or other file kubereplay writes.
 */
class SecretCanaryIT {

  private static final String CANARY = "kr-canary-" + UUID.randomUUID();
  private static final String CANARY_BASE64 =
      Base64.getEncoder().encodeToString(CANARY.getBytes(StandardCharsets.UTF_8));

  @TempDir Path dir;
  private Process process;

  @AfterEach
  void kill() {
    if (process != null) {
      process.destroyForcibly();
    }
  }

  @Test
  void the_canary_value_of_a_secret_appears_in_no_message_stream_trace_log_or_file()
      throws Exception {
    RealApiServer server = RealApiServer.get();
    KubernetesClient admin = server.client();
    String namespace = server.createNamespace("canary");
    ClusterObjects objects = new ClusterObjects(admin, namespace);
    objects.secret("payments", "Opaque", Map.of("api-token", CANARY, "user", "shop"));
    Path home = dir.resolve("home");
    Path trace = dir.resolve("trace.log");
    KubereplayJar jar = new KubereplayJar(server, home);

    process = serve(jar, trace);
    Frames frames = new Frames(process);
    frames.request(
        1,
        "initialize",
        "{\"clientInfo\":{\"name\":\"canary\",\"version\":\"1\"},"
            + "\"capabilities\":{\"notifications\":[\"cluster/didChange\"]}}");
    String scope = "{\"namespace\":\"" + namespace + "\"}";
    JsonObject listed = frames.request(2, "cluster/listSecrets", scope);
    frames.request(
        3,
        "cluster/watch",
        "{\"namespace\":\"" + namespace + "\",\"views\":[\"SECRETS\",\"WORKLOADS\"]}");
    frames.awaitNotification("cluster/didChange", 20);
    // a change of the secret reaches the watch (and its informer's cache) with the value in it
    admin
        .secrets()
        .inNamespace(namespace)
        .withName("payments")
        .edit(
            s -> {
              s.getData().put("api-token-2", CANARY_BASE64);
              return s;
            });
    frames.awaitNotification("cluster/didChange", 10);
    JsonObject relisted = frames.request(4, "cluster/listSecrets", scope);
    frames.request(5, "cluster/listWorkloads", scope);
    frames.request(6, "shutdown", null);
    process.getOutputStream().close();
    assertThat(process.waitFor(10, TimeUnit.SECONDS)).as("server exited").isTrue();
    String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    Run cliJson = jar.view("secrets", namespace);
    Run cliTable = jar.run("cluster", "secrets", "-n", namespace);

    assertThat(listed.getAsJsonObject("result").toString())
        .as("the secret is listed, by name and keys")
        .contains("\"payments\"", "\"api-token\"", "\"user\"");
    assertThat(relisted.getAsJsonObject("result").toString()).contains("\"api-token-2\"");
    assertThat(cliJson.exitCode()).isZero();
    assertThat(cliTable.stdout()).contains("payments", "api-token,api-token-2,user");
    assertThat(Files.readString(trace)).contains("cluster/listSecrets", "api-token");

    List<String> places = new ArrayList<>();
    places.add("protocol messages:\n" + String.join("\n", frames.all));
    places.add("server stderr:\n" + stderr);
    places.add("cli -o json stdout:\n" + cliJson.stdout() + "\nstderr:\n" + cliJson.stderr());
    places.add("cli table stdout:\n" + cliTable.stdout() + "\nstderr:\n" + cliTable.stderr());
    places.add("trace " + trace + ":\n" + read(trace));
    assertThat(home.resolve("logs/kubereplay.log")).exists();
    try (Stream<Path> files = Files.walk(home)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        places.add(file + ":\n" + read(file));
      }
    }
    for (String place : places) {
      assertThat(place).doesNotContain(CANARY).doesNotContain(CANARY_BASE64);
    }
  }

  /** Bytes as ISO-8859-1: any byte sequence is a string, so binary files are searched too. */
  private static String read(Path file) throws IOException {
    return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
  }

  private static Process serve(KubereplayJar jar, Path trace) throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-jar",
            KubereplayJar.JAR.toString(),
            "serve",
            "--stdio",
            "--verbose",
            "--trace",
            trace.toString());
    builder.environment().putAll(jar.environment());
    return builder.start();
  }

  /** Every frame the server wrote, read on a thread of its own. */
  private static final class Frames {
    final List<String> all = new ArrayList<>();
    private final BlockingQueue<JsonObject> incoming = new LinkedBlockingQueue<>();
    private final RawConnection connection;

    Frames(Process process) {
      connection = new RawConnection(process.getInputStream(), process.getOutputStream());
      Thread reader =
          new Thread(
              () -> {
                try {
                  while (true) {
                    String frame = connection.receive();
                    synchronized (all) {
                      all.add(frame);
                    }
                    incoming.add(JsonParser.parseString(frame).getAsJsonObject());
                  }
                } catch (IOException end) {
                  // the server closed stdout
                }
              },
              "canary-frames");
      reader.setDaemon(true);
      reader.start();
    }

    JsonObject request(int id, String method, String params) throws Exception {
      connection.send(
          "{\"jsonrpc\":\"2.0\",\"id\":"
              + id
              + ",\"method\":\""
              + method
              + "\""
              + (params == null ? "" : ",\"params\":" + params)
              + "}");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (System.nanoTime() < deadline) {
        JsonObject message = incoming.poll(1, TimeUnit.SECONDS);
        if (message != null && message.has("id") && message.get("id").getAsInt() == id) {
          assertThat(message.has("error")).as("%s answered %s", method, message).isFalse();
          return message;
        }
      }
      throw new AssertionError("no answer to " + method);
    }

    void awaitNotification(String method, int seconds) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
      while (System.nanoTime() < deadline) {
        JsonObject message = incoming.poll(100, TimeUnit.MILLISECONDS);
        if (message != null
            && !message.has("id")
            && method.equals(message.get("method").getAsString())) {
          return;
        }
      }
      throw new AssertionError("no " + method + " within " + seconds + " s");
    }
  }
}
