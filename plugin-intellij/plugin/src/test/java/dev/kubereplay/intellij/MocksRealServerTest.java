package dev.kubereplay.intellij;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kubereplay.intellij.recordings.ImportOptions;
import dev.kubereplay.intellij.recordings.ImportRun;
import dev.kubereplay.intellij.recordings.RecordingsModel;
import dev.kubereplay.intellij.recordings.mocks.MockLogEntry;
import dev.kubereplay.intellij.recordings.mocks.MockText;
import dev.kubereplay.intellij.rpc.ProcessTransport;
import dev.kubereplay.intellij.rpc.ServerCommand;
import dev.kubereplay.protocol.replay.MocksDto;
import dev.kubereplay.protocol.traffic.SnapshotDto;
import java.io.IOException;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mocks started from the Recordings model against the real server jar, started the way the plugin
 * starts it: a real app request through them shows in the log as a hit, another as a miss with its
 * difference, and the miss opens its closest recorded pair.
 */
class MocksRealServerTest {

  @TempDir Path dir;

  @Test
  void mocks_answer_a_real_request_and_the_log_explains_a_miss() throws Exception {
    Path jar = Path.of(System.getProperty("kubereplay.test.serverJar", "-")).toAbsolutePath();
    Path kubeconfig =
        Path.of(System.getProperty("kubereplay.test.kubeconfig", "-")).toAbsolutePath().normalize();
    Path har = kubeconfig.getParent().getParent().resolve("traffic/chromium-shop.har");
    assumeTrue(Files.isRegularFile(jar), "no server jar at " + jar + ": build the server first");
    assumeTrue(Files.isRegularFile(har), "no HAR fixture at " + har);
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command = new ServerCommand(java, jar).commandLine();
    Path home = Files.createDirectories(dir.resolve("home"));
    Path shop = Files.copy(har, dir.resolve("shop.har"));

    KubeReplaySession session =
        new KubeReplaySession(
            () ->
                ProcessTransport.start(
                    command,
                    Map.of(
                        "KUBECONFIG", kubeconfig.toString(), "KUBEREPLAY_HOME", home.toString())));
    try {
      RecordingsModel model = session.recordings();
      model
          .importFile(
              new ImportOptions(
                  shop.toString(), null, "shop", List.of("payments.example.test"), null))
          .join();
      await("imported", () -> model.importRun() != null && !model.importRun().phase().running());
      assertThat(model.importRun().phase()).isEqualTo(ImportRun.Phase.DONE);
      await("listed", () -> snapshot(model) != null);
      String id = snapshot(model).id();

      model.startMocks(id, dir.resolve("kubereplay.json")).join();

      MocksDto mocks = model.mocks(id);
      assertThat(mocks).as(model.status()).isNotNull();
      assertThat(mocks.address()).startsWith("127.0.0.1:");
      assertThat(MockText.exports(mocks.environment()))
          .contains("export HTTPS_PROXY='http://" + mocks.address() + "'\n");
      assertThat(model.tree().children().get(0).mocks()).isEqualTo("mocks on " + mocks.address());
      int port = Integer.parseInt(mocks.address().substring(mocks.address().indexOf(':') + 1));
      assertThat(charge(port, "3350")).isEqualTo(201);
      assertThat(charge(port, "9999")).isNotEqualTo(201);

      await("logged", () -> model.mockLog().size() >= 2);
      MockLogEntry hit = model.mockLog().get(0);
      MockLogEntry miss = model.mockLog().get(1);
      assertThat(hit.kind()).isEqualTo(MockLogEntry.Kind.HIT);
      assertThat(hit.text())
          .startsWith("POST http://payments.example.test/v1/charges → pair ")
          .endsWith(", 201");
      assertThat(miss.kind()).isEqualTo(MockLogEntry.Kind.MISS);
      assertThat(miss.details()).contains("body amount: expected 3350, got 9999");

      model.selectLogEntry(miss);
      await("closest pair", () -> model.document().contains("### Response"));
      assertThat(model.document())
          .startsWith("Request that missed")
          .contains("Closest recorded pair " + miss.pairId() + ":")
          .contains("amount=3350");

      model.stopMocks(id).join();
      assertThat(model.mocks(id)).isNull();
      model.refresh();
      await("listed again", () -> snapshot(model) != null);
      assertThat(model.runningMocks()).isEmpty();
    } finally {
      session.close();
      session.stopped().get(60, TimeUnit.SECONDS); // the server is done with its home directory
    }
  }

  private static SnapshotDto snapshot(RecordingsModel model) {
    var root = model.tree();
    return root.children().isEmpty() || root.children().get(0).snapshotId() == null
        ? null
        : model.snapshot(root.children().get(0).snapshotId());
  }

  /** A form-encoded charge sent the way an app sends it through {@code HTTP_PROXY}. */
  private static int charge(int port, String amount) throws IOException {
    HttpURLConnection http =
        (HttpURLConnection)
            URI.create("http://payments.example.test/v1/charges")
                .toURL()
                .openConnection(
                    new Proxy(Proxy.Type.HTTP, new InetSocketAddress("127.0.0.1", port)));
    http.setConnectTimeout(30_000);
    http.setReadTimeout(30_000);
    http.setRequestMethod("POST");
    http.setDoOutput(true);
    http.setRequestProperty("Content-Type", "application/x-www-form-urlencoded");
    try (OutputStream body = http.getOutputStream()) {
      body.write(("amount=" + amount + "&currency=eur").getBytes(StandardCharsets.US_ASCII));
    }
    try {
      return http.getResponseCode();
    } finally {
      http.disconnect();
    }
  }

  /** A real server starts and imports on a loaded machine: a minute, not the fakes' seconds. */
  private static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting until " + what);
      }
      Thread.sleep(20);
    }
  }
}
