package dev.kubereplay.server.rpc;

import dev.kubereplay.protocol.replay.ListMocksParams;
import dev.kubereplay.protocol.replay.ListMocksResponse;
import dev.kubereplay.protocol.replay.ReplayRpcClient;
import dev.kubereplay.protocol.replay.ReplayRpcService;
import dev.kubereplay.protocol.replay.StartMocksParams;
import dev.kubereplay.protocol.replay.StartMocksResponse;
import dev.kubereplay.protocol.replay.StopMocksParams;
import dev.kubereplay.protocol.replay.StopMocksResponse;
import dev.kubereplay.server.http.ListenAddress;
import dev.kubereplay.server.replay.MockService;
import dev.kubereplay.server.replay.ReplayException;
import dev.kubereplay.server.replay.match.Leniency;
import dev.kubereplay.server.replay.match.LeniencyFile;
import dev.kubereplay.server.replay.responder.Timing;
import dev.kubereplay.server.traffic.ImportOptions;
import dev.kubereplay.server.traffic.TrafficService;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The {@code replay/} segment: unpacks parameters and calls {@link MockService}. Mocks started over
 * the protocol listen on loopback only, whatever the client asks.
 */
final class ReplayRpcServiceImpl implements ReplayRpcService, AutoCloseable {

  private final RpcCalls calls;
  private final Supplier<TrafficService> traffic;
  private final Path dataDirectory;
  private final Executor executor;
  private final Supplier<ReplayRpcClient> client;
  private MockService mocks;

  ReplayRpcServiceImpl(
      RpcCalls calls,
      Supplier<TrafficService> traffic,
      Path dataDirectory,
      Executor executor,
      Supplier<ReplayRpcClient> client) {
    this.calls = calls;
    this.traffic = traffic;
    this.dataDirectory = dataDirectory;
    this.executor = executor;
    this.client = client;
  }

  private synchronized MockService mocks() {
    if (mocks == null) {
      mocks = new MockService(traffic.get(), dataDirectory);
    }
    return mocks;
  }

  @Override
  public CompletableFuture<StartMocksResponse> startMocks(StartMocksParams params) {
    return calls.async(
        "replay/startMocks",
        cancel -> {
          String snapshot = RpcErrors.required(params, "replay/startMocks", "params").snapshot();
          RpcErrors.required(snapshot, "replay/startMocks", "snapshot");
          InetSocketAddress listen =
              params.listen() == null
                  ? new InetSocketAddress("127.0.0.1", 0)
                  : ListenAddress.parse(params.listen());
          MatchFeed feed = new MatchFeed(executor, client);
          MockService.Running running =
              mocks()
                  .start(
                      snapshot,
                      new MockService.Options(
                          listen,
                          false,
                          timing(params.timing()),
                          leniency(params),
                          ImportOptions.DEFAULT_MAX_BODY_BYTES),
                      feed);
          feed.mocksId(running.id());
          return new StartMocksResponse(ReplayDtos.mocks(running));
        });
  }

  private static Timing timing(String text) {
    try {
      return text == null ? Timing.NONE : Timing.parse(text);
    } catch (IllegalArgumentException e) {
      throw new ReplayException(ReplayException.Reason.INVALID, text, e.getMessage());
    }
  }

  private static Leniency leniency(StartMocksParams params) {
    try {
      Leniency base =
          params.settingsPath() == null
              ? Leniency.DEFAULT
              : LeniencyFile.read(Path.of(params.settingsPath()), Leniency.DEFAULT);
      return LeniencyFile.plus(
          base,
          orEmpty(params.ignoreQuery()),
          orEmpty(params.ignoreHeaders()),
          orEmpty(params.ignoreJsonPaths()),
          orEmpty(params.matchHeaders()));
    } catch (LeniencyFile.SettingsException e) {
      throw new ReplayException(ReplayException.Reason.INVALID, e.subject(), e.getMessage(), e);
    }
  }

  private static List<String> orEmpty(List<String> values) {
    return values == null ? List.of() : values;
  }

  @Override
  public CompletableFuture<StopMocksResponse> stopMocks(StopMocksParams params) {
    return calls.async(
        "replay/stopMocks",
        cancel ->
            new StopMocksResponse(
                mocks().stop(RpcErrors.required(params, "replay/stopMocks", "params").id())));
  }

  @Override
  public CompletableFuture<ListMocksResponse> listMocks(ListMocksParams params) {
    return calls.async(
        "replay/listMocks",
        cancel -> new ListMocksResponse(mocks().list().stream().map(ReplayDtos::mocks).toList()));
  }

  /** Stops every mocks this session started. */
  @Override
  public synchronized void close() {
    if (mocks != null) {
      mocks.close();
    }
  }
}
