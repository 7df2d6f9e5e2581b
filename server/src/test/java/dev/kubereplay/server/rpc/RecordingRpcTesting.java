package dev.kubereplay.server.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubereplay.fixtures.rpc.TestSession;
import dev.kubereplay.fixtures.traffic.EchoUpstream;
import dev.kubereplay.protocol.traffic.ListSnapshotsParams;
import dev.kubereplay.protocol.traffic.SnapshotDto;
import dev.kubereplay.protocol.traffic.StartRecordingParams;
import dev.kubereplay.protocol.traffic.StartRecordingResponse;
import dev.kubereplay.protocol.traffic.TrafficRpcService;
import dev.kubereplay.server.ServerEnvironment;
import java.net.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the desktop-recording medium tests share: the real server in this JVM over the protocol, an
 * upstream to record, and an HTTP client that calls through the recording proxy.
 */
abstract class RecordingRpcTesting {

  @TempDir Path dir;
  TestSession session;
  EchoUpstream upstream;
  final OkHttpClient http =
      new OkHttpClient.Builder().proxy(Proxy.NO_PROXY).callTimeout(Duration.ofSeconds(20)).build();

  @BeforeEach
  void startServer() throws Exception {
    upstream = new EchoUpstream();
    ServerEnvironment environment =
        new ServerEnvironment(
            Map.of("KUBEREPLAY_HOME", dir.resolve("data").toString()), dir.resolve("home"));
    session = TestSession.inProcess((in, out) -> RpcServer.start(environment, in, out, null));
    session.initialize();
  }

  @AfterEach
  void closeServer() throws Exception {
    session.close();
    upstream.close();
    http.connectionPool().evictAll();
  }

  TrafficRpcService traffic() {
    return session.server().getTrafficService();
  }

  static <T> T get(CompletableFuture<T> future) throws Exception {
    return future.get(30, TimeUnit.SECONDS);
  }

  StartRecordingResponse startReverse(String name) throws Exception {
    return get(
        traffic()
            .startRecording(
                new StartRecordingParams("127.0.0.1:0", upstream.uri().toString(), false, name)));
  }

  /**
   * GET {@code path} through the proxy at {@code address}, with {@code authorization} when not
   * null, read to the end as clients do: the exchange is complete, so it is recorded.
   */
  void call(String address, String path, String authorization) throws Exception {
    Request.Builder request = new Request.Builder().url("http://" + address + path);
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    try (Response response = http.newCall(request.build()).execute()) {
      assertThat(response.code()).isEqualTo(200);
      assertThat(response.body().string()).contains(path);
    }
  }

  /** The snapshot as listed now, or null. */
  SnapshotDto listed(String id) throws Exception {
    return get(traffic().listSnapshots(new ListSnapshotsParams())).snapshots().stream()
        .filter(s -> s.id().equals(id))
        .findFirst()
        .orElse(null);
  }

  /** The snapshot as listed once {@code condition} holds; fails after 10 s. */
  SnapshotDto awaitListed(String id, Predicate<SnapshotDto> condition) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    SnapshotDto last = null;
    while (System.nanoTime() < deadline) {
      last = listed(id);
      if (last != null && condition.test(last)) {
        return last;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("snapshot " + id + " never got there; last listed: " + last);
  }
}
