package dev.kubereplay.intellij;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubereplay.intellij.cluster.ClusterModel;
import dev.kubereplay.intellij.cluster.ContextsModel;
import dev.kubereplay.intellij.cluster.ContextsState;
import dev.kubereplay.intellij.rpc.ServerExit;
import dev.kubereplay.intellij.rpc.ServerUnavailableException;
import dev.kubereplay.intellij.testing.FakeServer;
import dev.kubereplay.intellij.testing.Samples;
import dev.kubereplay.protocol.ErrorCode;
import dev.kubereplay.protocol.ErrorDataDto;
import dev.kubereplay.protocol.cluster.DidChangeClusterParams;
import dev.kubereplay.protocol.cluster.KubeContextDto;
import dev.kubereplay.protocol.cluster.ListContextsResponse;
import dev.kubereplay.protocol.initialize.InitializeParams;
import dev.kubereplay.protocol.jsonrpc.ProtocolGson;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The plugin's client against a fake server over real JSON-RPC framing. */
class KubeReplaySessionTest {

  private final FakeServer fake = new FakeServer();
  private final KubeReplaySession session = new KubeReplaySession(fake::start);

  @AfterEach
  void close() {
    session.close();
    fake.close();
  }

  @Test
  void initializes_with_the_plugins_name_then_lists_the_contexts() throws Exception {
    fake.listContexts = () -> CompletableFuture.completedFuture(Samples.threeContexts());

    ContextsState state = session.contexts().refresh().get(10, TimeUnit.SECONDS);

    assertThat(state).isEqualTo(new ContextsState.Loaded(Samples.threeContexts()));
    assertThat(fake.initializeCalls).hasSize(1);
    InitializeParams initialize = fake.initializeCalls.get(0);
    assertThat(initialize.clientInfo().name()).isEqualTo("kubereplay-intellij");
    assertThat(initialize.clientInfo().version()).isNotBlank().isNotEqualTo("unknown");
    assertThat(initialize.capabilities().notifications())
        .containsExactly(
            "cluster/didChange",
            "logs/didAppend",
            "logs/didEnd",
            "traffic/didProgress",
            "traffic/didFinishImport",
            "traffic/didRecord",
            "replay/didMatch");
  }

  @Test
  void a_failed_request_shows_the_servers_message_as_it_is() throws Exception {
    String message =
        "/home/dev/.kube/config: line 4, column 9: mapping values are not allowed here";
    fake.listContexts =
        () ->
            FakeServer.error(
                ErrorCode.KUBECONFIG_MALFORMED.code(),
                message,
                new ErrorDataDto(ErrorCode.KUBECONFIG_MALFORMED, "/home/dev/.kube/config"));

    ContextsState state = session.contexts().refresh().get(10, TimeUnit.SECONDS);

    assertThat(state)
        .isEqualTo(new ContextsState.RequestFailed(ErrorCode.KUBECONFIG_MALFORMED, message));
  }

  @Test
  void cluster_did_change_about_contexts_lists_them_again() throws Exception {
    fake.listContexts = () -> CompletableFuture.completedFuture(Samples.threeContexts());
    session.contexts().refresh().get(10, TimeUnit.SECONDS);
    ListContextsResponse edited =
        new ListContextsResponse(
            List.of(Samples.context("kind-dev", "default", true)),
            "kind-dev",
            List.of(Samples.KUBECONFIG));
    fake.listContexts = () -> CompletableFuture.completedFuture(edited);
    CompletableFuture<ContextsState> next =
        nextState(session.contexts(), s -> s.equals(new ContextsState.Loaded(edited)));

    fake.sendDidChange("{\"changes\":[\"CONTEXTS\"]}");

    assertThat(next.get(10, TimeUnit.SECONDS)).isEqualTo(new ContextsState.Loaded(edited));
    assertThat(fake.listContextsCalls).hasValue(2);
  }

  @Test
  void only_changes_of_the_contexts_ask_for_them_again() {
    assertThat(ClusterModel.concernsContexts(change("{\"changes\":[\"CONTEXTS\"]}"))).isTrue();
    assertThat(ClusterModel.concernsContexts(change("{\"changes\":[]}"))).isTrue();
    assertThat(ClusterModel.concernsContexts(change("{\"changes\":[\"VIEWS\"]}"))).isFalse();
  }

  @Test
  void a_server_that_stops_is_shown_with_why_and_refresh_starts_it_again() throws Exception {
    fake.listContexts = () -> CompletableFuture.completedFuture(Samples.threeContexts());
    session.contexts().refresh().get(10, TimeUnit.SECONDS);
    ServerExit exit =
        new ServerExit(
            "The kubereplay server exited with code 1.",
            List.of("SEVERE: cannot watch /home/dev/.kube", "java.nio.file.AccessDeniedException"));
    CompletableFuture<ContextsState> down =
        nextState(session.contexts(), s -> s instanceof ContextsState.ServerUnavailable);

    fake.crash(exit.reason(), exit.stderrTail());

    assertThat(down.get(10, TimeUnit.SECONDS)).isEqualTo(new ContextsState.ServerUnavailable(exit));

    ContextsState again = session.contexts().refresh().get(10, TimeUnit.SECONDS);

    assertThat(again).isInstanceOf(ContextsState.Loaded.class);
    assertThat(fake.starts).hasValue(2);
    assertThat(fake.initializeCalls).hasSize(2);
  }

  @Test
  void a_server_that_cannot_start_is_shown_with_why() throws Exception {
    ServerExit exit = ServerExit.notStarted("No Java executable at /opt/ide/jbr/bin/java.");
    try (KubeReplaySession broken =
        new KubeReplaySession(
            () -> {
              throw new ServerUnavailableException(exit);
            })) {

      ContextsState state = broken.contexts().refresh().get(10, TimeUnit.SECONDS);

      assertThat(state).isEqualTo(new ContextsState.ServerUnavailable(exit));
    }
  }

  @Test
  void restart_stops_the_server_and_starts_a_fresh_one() throws Exception {
    fake.listContexts = () -> CompletableFuture.completedFuture(Samples.threeContexts());
    session.contexts().refresh().get(10, TimeUnit.SECONDS);
    CompletableFuture<ContextsState> again =
        nextState(session.contexts(), s -> fake.starts.get() == 2);

    session.restartServer();

    assertThat(again.get(10, TimeUnit.SECONDS)).isInstanceOf(ContextsState.Loaded.class);
    assertThat(fake.shutdownCalls).hasValue(1);
    assertThat(fake.initializeCalls).hasSize(2);
  }

  @Test
  void closing_shuts_the_server_down() throws Exception {
    session.contexts().refresh().get(10, TimeUnit.SECONDS);

    session.close();

    session.stopped().get(30, TimeUnit.SECONDS);
    assertThat(fake.shutdownCalls).hasValue(1);
  }

  @Test
  void contexts_come_back_in_kubeconfig_order_with_the_current_one_marked() throws Exception {
    fake.listContexts = () -> CompletableFuture.completedFuture(Samples.threeContexts());

    ContextsState state = session.contexts().refresh().get(10, TimeUnit.SECONDS);

    List<KubeContextDto> contexts = ((ContextsState.Loaded) state).response().contexts();
    assertThat(contexts)
        .extracting(KubeContextDto::name)
        .containsExactly("kind-dev", "staging", "prod-eu");
    assertThat(contexts)
        .filteredOn(KubeContextDto::current)
        .extracting(KubeContextDto::name)
        .containsExactly("staging");
  }

  private static DidChangeClusterParams change(String json) {
    return ProtocolGson.create().fromJson(json, DidChangeClusterParams.class);
  }

  /** Completes with the first state, from now on, that matches. */
  static CompletableFuture<ContextsState> nextState(
      ContextsModel model, Predicate<ContextsState> wanted) {
    CompletableFuture<ContextsState> next = new CompletableFuture<>();
    model.addListener(
        state -> {
          if (wanted.test(state)) {
            next.complete(state);
          }
        });
    return next;
  }
}
