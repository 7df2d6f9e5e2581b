package dev.kubereplay.server.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubereplay.protocol.ErrorCode;
import dev.kubereplay.protocol.traffic.DidRecordParams;
import dev.kubereplay.protocol.traffic.GetPairParams;
import dev.kubereplay.protocol.traffic.ListPairsParams;
import dev.kubereplay.protocol.traffic.ListPairsResponse;
import dev.kubereplay.protocol.traffic.ListSnapshotsParams;
import dev.kubereplay.protocol.traffic.PairDirection;
import dev.kubereplay.protocol.traffic.PairDto;
import dev.kubereplay.protocol.traffic.SnapshotDto;
import dev.kubereplay.protocol.traffic.SnapshotState;
import dev.kubereplay.protocol.traffic.StartRecordingParams;
import dev.kubereplay.protocol.traffic.StartRecordingResponse;
import dev.kubereplay.protocol.traffic.StopRecordingParams;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.junit.jupiter.api.Test;

/** Desktop recordings through the protocol, against the real server in this JVM. */
class RecordingRpcMediumTest extends RecordingRpcTesting {

  private static final String CANARY = "Bearer canary-7d1f0c3e-record";

  @Test
  void a_recording_through_the_proxy_becomes_a_sealed_snapshot_of_in_pairs() throws Exception {
    StartRecordingResponse started = startReverse("desktop checkout");
    call(started.address(), "/users/7", CANARY);
    call(started.address(), "/users/8", CANARY);
    call(started.address(), "/cart", CANARY);

    DidRecordParams recorded =
        session.client().awaitRecorded(started.recordingId(), 3, Duration.ofSeconds(10));
    assertThat(recorded).isNotNull();
    assertThat(recorded.lastRequest()).startsWith("GET ").endsWith("/cart");
    SnapshotDto recording = awaitListed(started.snapshotId(), s -> s.inCount() == 3);
    assertThat(recording.state()).as("listed while it records").isEqualTo(SnapshotState.RECORDING);
    assertThat(recording.name()).isEqualTo("desktop checkout");

    SnapshotDto snapshot =
        get(traffic().stopRecording(new StopRecordingParams(started.recordingId()))).snapshot();

    assertThat(snapshot.id()).isEqualTo(started.snapshotId());
    assertThat(snapshot.state()).isEqualTo(SnapshotState.COMPLETE);
    assertThat(snapshot.name()).isEqualTo("desktop checkout");
    assertThat(snapshot.inCount()).isEqualTo(3);
    assertThat(snapshot.outCount()).isZero();
    assertThat(snapshot.firstTimestamp()).isNotNull();
    assertThat(snapshot.lastTimestamp()).isAfterOrEqualTo(snapshot.firstTimestamp());
    assertThat(get(traffic().listSnapshots(new ListSnapshotsParams())).snapshots())
        .containsExactly(snapshot);
    ListPairsResponse pairs =
        get(traffic().listPairs(new ListPairsParams(snapshot.id(), null, null, null, 0, 10)));
    assertThat(pairs.total()).isEqualTo(3);
    assertThat(pairs.pairs()).allMatch(p -> p.direction() == PairDirection.IN);
  }

  /** No file of the data directory (the database, its WAL and shared memory) holds the canary. */
  private void assertNoCanaryOnDisk() throws Exception {
    try (Stream<Path> files = Files.list(dir.resolve("data"))) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1))
            .as(file.toString())
            .doesNotContain("canary-7d1f0c3e");
      }
    }
  }

  @Test
  void canary_credentials_are_redacted_before_the_store_while_recording_and_after()
      throws Exception {
    // card_number: redacted for this recording only, besides the configured rules
    StartRecordingResponse started =
        get(
            traffic()
                .startRecording(
                    new StartRecordingParams(
                        "127.0.0.1:0",
                        upstream.uri().toString(),
                        false,
                        null,
                        List.of("card_number"))));
    // an open connection keeps the WAL in place (the last one to close folds it into the file)
    try (java.sql.Connection keepWal =
        java.sql.DriverManager.getConnection(
            "jdbc:sqlite:" + dir.resolve("data").resolve("kubereplay.db"))) {
      keepWal.createStatement().execute("SELECT 1 FROM snapshots");
      call(started.address(), "/secret", CANARY);
      Request login =
          new Request.Builder()
              .url("http://" + started.address() + "/login?access_token=canary-7d1f0c3e-query")
              .header("Cookie", "sid=canary-7d1f0c3e-cookie")
              .post(
                  okhttp3.RequestBody.create(
                      "{\"user\":\"ada\",\"password\":\"canary-7d1f0c3e-body\","
                          + "\"card_number\":\"canary-7d1f0c3e-card\"}",
                      okhttp3.MediaType.get("application/json")))
              .build();
      try (Response response = http.newCall(login).execute()) {
        assertThat(response.code()).isEqualTo(200);
        // read to the end, as clients do: the exchange is complete, so it is recorded
        assertThat(response.body().string()).isNotEmpty();
      }
      awaitListed(started.snapshotId(), s -> s.inCount() == 2);
      assertThat(dir.resolve("data").resolve("kubereplay.db-wal"))
          .as("the committed pair is in the WAL, scanned while recording")
          .isNotEmptyFile();
      assertNoCanaryOnDisk();
    }
    SnapshotDto snapshot =
        get(traffic().stopRecording(new StopRecordingParams(started.recordingId()))).snapshot();

    long pairId =
        get(traffic().listPairs(new ListPairsParams(snapshot.id(), null, null, null, 0, 10)))
            .pairs()
            .get(0)
            .pairId();
    PairDto pair = get(traffic().getPair(new GetPairParams(snapshot.id(), pairId))).pair();
    assertThat(pair.request().headers())
        .anyMatch(
            h -> h.name().equalsIgnoreCase("Authorization") && h.value().equals("-REDACTED-"));
    assertNoCanaryOnDisk();
  }

  @Test
  void a_forward_recording_keeps_what_the_app_sends_as_out_pairs() throws Exception {
    StartRecordingResponse started =
        get(traffic().startRecording(new StartRecordingParams("127.0.0.1:0", null, true, "deps")));
    int port =
        Integer.parseInt(started.address().substring(started.address().lastIndexOf(':') + 1));
    OkHttpClient app =
        new OkHttpClient.Builder()
            .proxy(new Proxy(Proxy.Type.HTTP, new InetSocketAddress("127.0.0.1", port)))
            .callTimeout(Duration.ofSeconds(20))
            .build();
    try (Response response =
        app.newCall(new Request.Builder().url(upstream.uri() + "/v1/charges").build()).execute()) {
      assertThat(response.code()).isEqualTo(200);
      // read to the end, as clients do: the exchange is complete, so it is recorded
      assertThat(response.body().string()).isNotEmpty();
    }
    app.connectionPool().evictAll();

    SnapshotDto snapshot =
        get(traffic().stopRecording(new StopRecordingParams(started.recordingId()))).snapshot();

    assertThat(snapshot.outCount()).isEqualTo(1);
    assertThat(snapshot.inCount()).isZero();
    assertThat(snapshot.source()).isEqualTo("record:forward");
  }

  @Test
  void stopping_twice_answers_the_same_snapshot() throws Exception {
    StartRecordingResponse started = startReverse("twice");
    call(started.address(), "/once", CANARY);
    StopRecordingParams stop = new StopRecordingParams(started.recordingId());

    SnapshotDto first = get(traffic().stopRecording(stop)).snapshot();
    SnapshotDto second = get(traffic().stopRecording(stop)).snapshot();

    assertThat(second).isEqualTo(first);
    assertThat(get(traffic().listSnapshots(new ListSnapshotsParams())).snapshots()).hasSize(1);
  }

  @Test
  void a_listen_port_in_use_is_a_conflict_naming_it() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      String address = "127.0.0.1:" + taken.getLocalPort();
      assertThatThrownBy(
              () ->
                  get(
                      traffic()
                          .startRecording(
                              new StartRecordingParams(
                                  address, upstream.uri().toString(), false, null))))
          .isInstanceOf(ExecutionException.class)
          .cause()
          .isInstanceOf(ResponseErrorException.class)
          .hasMessageContaining("cannot listen on " + address)
          .satisfies(
              e ->
                  assertThat(((ResponseErrorException) e).getResponseError().getCode())
                      .isEqualTo(ErrorCode.CONFLICT.code()));
    }
    assertThat(get(traffic().listSnapshots(new ListSnapshotsParams())).snapshots()).isEmpty();
  }

  @Test
  void a_listen_address_beyond_loopback_is_refused_over_the_protocol_even_for_a_free_port()
      throws Exception {
    for (String listen : new String[] {"0.0.0.0:0", "[0:0:0:0:0:0:0:0]:0"}) {
      assertThatThrownBy(
              () ->
                  get(traffic().startRecording(new StartRecordingParams(listen, null, true, null))))
          .as(listen)
          .cause()
          .isInstanceOf(ResponseErrorException.class)
          .hasMessageContaining("listens on loopback only: " + listen + " is not a loopback")
          .satisfies(
              e -> {
                ResponseErrorException error = (ResponseErrorException) e;
                assertThat(error.getResponseError().getCode())
                    .isEqualTo(ErrorCode.LISTEN_NOT_LOOPBACK.code());
                assertThat(error.getResponseError().getData().toString()).contains(listen);
              });
    }
    assertThat(get(traffic().listSnapshots(new ListSnapshotsParams())).snapshots()).isEmpty();
  }

  @Test
  void an_unknown_recording_is_not_found() throws Exception {
    assertThatThrownBy(() -> get(traffic().stopRecording(new StopRecordingParams("recording-404"))))
        .cause()
        .isInstanceOf(ResponseErrorException.class)
        .satisfies(
            e ->
                assertThat(((ResponseErrorException) e).getResponseError().getCode())
                    .isEqualTo(ErrorCode.NOT_FOUND.code()));
  }

  @Test
  void a_recording_still_running_at_shutdown_is_sealed() throws Exception {
    StartRecordingResponse started = startReverse("left running");
    call(started.address(), "/late", CANARY);

    get(session.server().shutdown());

    Path data = dir.resolve("data");
    dev.kubereplay.server.traffic.model.Snapshot sealed =
        dev.kubereplay.server.traffic.TrafficService.open(data).snapshot(started.snapshotId());
    assertThat(sealed.inCount()).isEqualTo(1);
    assertThat(sealed.state())
        .isEqualTo(dev.kubereplay.server.traffic.model.Snapshot.State.COMPLETE);
  }
}
