package dev.kubereplay.intellij.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubereplay.intellij.rpc.ServerExit;
import dev.kubereplay.intellij.rpc.ServerUnavailableException;
import dev.kubereplay.intellij.testing.Samples;
import dev.kubereplay.protocol.ErrorCode;
import dev.kubereplay.protocol.cluster.ListContextsResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The contexts model's states, and how failures map to them. */
class ContextsModelTest {

  private final ExecutorService thread = Executors.newSingleThreadExecutor();

  @AfterEach
  void stop() {
    thread.shutdownNow();
  }

  @Test
  void failures_map_to_states() {
    ResponseErrorException notFound =
        new ResponseErrorException(
            new ResponseError(-32001, "No kubeconfig at /home/dev/.kube/config", null));
    ServerExit exit = ServerExit.notStarted("No Java executable at /jbr/bin/java.");

    assertThat(ContextsState.failure(new CompletionException(notFound)))
        .isEqualTo(
            new ContextsState.RequestFailed(
                ErrorCode.KUBECONFIG_NOT_FOUND, "No kubeconfig at /home/dev/.kube/config"));
    assertThat(ContextsState.failure(new ServerUnavailableException(exit)))
        .isEqualTo(new ContextsState.ServerUnavailable(exit));
    assertThat(ContextsState.failure(new TimeoutException()))
        .isEqualTo(
            new ContextsState.RequestFailed(
                ErrorCode.INTERNAL_ERROR, "The kubereplay server did not answer in time."));
  }

  @Test
  void listeners_hear_the_current_state_then_each_new_one() throws Exception {
    ContextsModel model =
        new ContextsModel(() -> CompletableFuture.completedFuture(Samples.threeContexts()), thread);
    List<ContextsState> heard = Collections.synchronizedList(new ArrayList<>());
    model.addListener(heard::add);

    model.refresh().get(5, TimeUnit.SECONDS);

    assertThat(heard)
        .containsExactly(
            new ContextsState.Loading(), new ContextsState.Loaded(Samples.threeContexts()));
  }

  @Test
  void an_answer_overtaken_by_a_newer_request_is_dropped() throws Exception {
    CompletableFuture<ListContextsResponse> slow = new CompletableFuture<>();
    ListContextsResponse newer =
        new ListContextsResponse(
            List.of(Samples.context("kind-dev", "default", true)), "kind-dev", List.of());
    List<CompletableFuture<ListContextsResponse>> answers =
        new ArrayList<>(List.of(slow, CompletableFuture.completedFuture(newer)));
    ContextsModel model = new ContextsModel(() -> answers.remove(0), thread);

    CompletableFuture<ContextsState> first = model.refresh();
    model.refresh().get(5, TimeUnit.SECONDS);
    slow.complete(Samples.threeContexts());
    first.get(5, TimeUnit.SECONDS);

    assertThat(model.state()).isEqualTo(new ContextsState.Loaded(newer));
  }

  @Test
  void a_stopped_server_replaces_what_was_shown() throws Exception {
    ContextsModel model =
        new ContextsModel(() -> CompletableFuture.completedFuture(Samples.threeContexts()), thread);
    model.refresh().get(5, TimeUnit.SECONDS);
    ServerExit exit = new ServerExit("The kubereplay server exited with code 137.", List.of());

    model.serverStopped(exit);
    thread.submit(() -> {}).get(5, TimeUnit.SECONDS);

    assertThat(model.state()).isEqualTo(new ContextsState.ServerUnavailable(exit));
  }
}
