package dev.kubereplay.server.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubereplay.fixtures.rpc.TestSession;
import dev.kubereplay.fixtures.traffic.Recordings;
import dev.kubereplay.protocol.ErrorCode;
import dev.kubereplay.protocol.replay.DifferencePart;
import dev.kubereplay.protocol.replay.ListMocksParams;
import dev.kubereplay.protocol.replay.MatchDto;
import dev.kubereplay.protocol.replay.MocksDto;
import dev.kubereplay.protocol.replay.ReplayRpcService;
import dev.kubereplay.protocol.replay.StartMocksParams;
import dev.kubereplay.protocol.replay.StopMocksParams;
import dev.kubereplay.protocol.traffic.DidFinishImportParams;
import dev.kubereplay.protocol.traffic.ImportFileParams;
import dev.kubereplay.server.ServerEnvironment;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mocks started, followed and stopped through the protocol, against the real server. */
class ReplayRpcMediumTest {

  @TempDir Path dir;
  private TestSession session;

  @BeforeEach
  void start() throws Exception {
    ServerEnvironment environment =
        new ServerEnvironment(
            Map.of("KUBEREPLAY_HOME", dir.resolve("data").toString()), dir.resolve("home"));
    session = TestSession.inProcess((in, out) -> RpcServer.start(environment, in, out, null));
    session.initialize();
  }

  @AfterEach
  void close() throws Exception {
    session.close();
  }

  private ReplayRpcService replay() {
    return session.server().getReplayService();
  }

  private static <T> T get(CompletableFuture<T> future) throws Exception {
    return future.get(60, TimeUnit.SECONDS);
  }

  private void importShop(String name, List<String> outboundHosts) throws Exception {
    Path har = Recordings.copy(dir, "chromium-shop.har");
    String operation =
        get(session
                .server()
                .getTrafficService()
                .importFile(
                    new ImportFileParams(
                        har.toString(), null, name, outboundHosts, null, null, null)))
            .operationId();
    DidFinishImportParams finished =
        session.client().awaitImportFinished(operation, Duration.ofSeconds(60));
    assertThat(finished.error()).isNull();
  }

  private static ErrorCode code(Throwable failure) {
    Throwable cause = failure instanceof ExecutionException ? failure.getCause() : failure;
    return ErrorCode.fromCode(((ResponseErrorException) cause).getResponseError().getCode());
  }

  @Test
  void started_mocks_answer_report_each_request_and_stop() throws Exception {
    importShop("shop", List.of("payments.example.test"));

    MocksDto mocks = get(replay().startMocks(new StartMocksParams("shop"))).mocks();

    assertThat(mocks.snapshotName()).isEqualTo("shop");
    assertThat(mocks.calls()).isEqualTo(1);
    assertThat(mocks.address()).startsWith("127.0.0.1:");
    assertThat(mocks.environment())
        .anySatisfy(
            v -> {
              assertThat(v.name()).isEqualTo("HTTPS_PROXY");
              assertThat(v.value()).isEqualTo("http://" + mocks.address());
            });
    int port = Integer.parseInt(mocks.address().substring(mocks.address().indexOf(':') + 1));
    OkHttpClient app =
        new OkHttpClient.Builder()
            .proxy(new Proxy(Proxy.Type.HTTP, new InetSocketAddress("127.0.0.1", port)))
            .callTimeout(Duration.ofSeconds(30))
            .build();
    for (String amount : List.of("3350", "9999")) {
      Request charge =
          new Request.Builder()
              .url("http://payments.example.test/v1/charges")
              .post(new FormBody.Builder().add("amount", amount).add("currency", "eur").build())
              .build();
      try (Response response = app.newCall(charge).execute()) {
        assertThat(response.code()).isEqualTo(amount.equals("3350") ? 201 : 599);
      }
    }

    List<MatchDto> matches = session.client().awaitMatches(2, Duration.ofSeconds(30));
    assertThat(matches).hasSize(2);
    assertThat(matches.get(0).pairId()).isNotNull();
    assertThat(matches.get(0).status()).isEqualTo(201);
    assertThat(matches.get(1).pairId()).isNull();
    assertThat(matches.get(1).nearest().get(0).differences())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.part()).isEqualTo(DifferencePart.BODY);
              assertThat(d.where()).isEqualTo("amount");
              assertThat(d.expected()).isEqualTo("3350");
              assertThat(d.actual()).isEqualTo("9999");
            });
    assertThat(get(replay().listMocks(new ListMocksParams())).mocks())
        .extracting(MocksDto::id)
        .containsExactly(mocks.id());

    assertThat(get(replay().stopMocks(new StopMocksParams(mocks.id()))).stopped()).isTrue();
    assertThat(get(replay().stopMocks(new StopMocksParams(mocks.id()))).stopped()).isFalse();
    assertThat(get(replay().listMocks(new ListMocksParams())).mocks()).isEmpty();
    assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(IOException.class);
  }

  @Test
  void several_snapshots_run_at_once_on_their_own_ports_and_shutdown_stops_them() throws Exception {
    importShop("shop", List.of("payments.example.test"));
    importShop("shop again", List.of("payments.example.test", "cdn.example.test"));

    MocksDto one = get(replay().startMocks(new StartMocksParams("shop"))).mocks();
    MocksDto two = get(replay().startMocks(new StartMocksParams("shop again"))).mocks();

    assertThat(one.address()).isNotEqualTo(two.address());
    assertThat(two.calls()).isEqualTo(2);
    get(session.server().shutdown());
    for (MocksDto mocks : List.of(one, two)) {
      int port = Integer.parseInt(mocks.address().substring(mocks.address().indexOf(':') + 1));
      assertThatThrownBy(() -> new Socket("127.0.0.1", port).close())
          .isInstanceOf(IOException.class);
    }
  }

  @Test
  void bad_requests_are_refused_with_their_reason() throws Exception {
    importShop("inbound", List.of());
    importShop("shop", List.of("payments.example.test"));

    assertThatThrownBy(() -> get(replay().startMocks(new StartMocksParams("no such"))))
        .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.SNAPSHOT_NOT_FOUND));
    assertThatThrownBy(() -> get(replay().startMocks(new StartMocksParams("inbound"))))
        .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.INVALID_PARAMS))
        .hasMessageContaining("has no outbound calls to answer with");
    assertThatThrownBy(
            () ->
                get(
                    replay()
                        .startMocks(
                            new StartMocksParams(
                                "shop", "0.0.0.0:0", null, null, null, null, null, null))))
        .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.LISTEN_NOT_LOOPBACK));
    assertThatThrownBy(
            () ->
                get(
                    replay()
                        .startMocks(
                            new StartMocksParams(
                                "shop", null, "fast", null, null, null, null, null))))
        .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.INVALID_PARAMS))
        .hasMessageContaining("'fast' is not a timing");
  }
}
