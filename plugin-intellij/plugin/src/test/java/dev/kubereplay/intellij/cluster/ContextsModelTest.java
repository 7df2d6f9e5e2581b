package dev.kubereplay.intellij.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubereplay.intellij.rpc.ServerExit;
import dev.kubereplay.intellij.rpc.ServerUnavailableException;
import dev.kubereplay.protocol.ErrorCode;
import dev.kubereplay.protocol.cluster.KubeContextDto;
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
import javax.swing.tree.DefaultMutableTreeNode;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Contexts in, tree nodes out; and the model's states. */
class ContextsModelTest {

  private final ExecutorService thread = Executors.newSingleThreadExecutor();

  @AfterEach
  void stop() {
    thread.shutdownNow();
  }

  @Test
  void one_node_per_context_in_order_under_the_root_with_the_current_one_marked() {
    DefaultMutableTreeNode root =
        ContextsTree.build(new ContextsState.Loaded(Samples.threeContexts()));

    assertThat(root.getUserObject())
        .isEqualTo(new ContextsNode.Root("Kube contexts", Samples.KUBECONFIG));
    assertThat(children(root))
        .extracting(node -> ((ContextsNode.Context) node).context().name())
        .containsExactly("kind-dev", "staging", "prod-eu");
    assertThat(children(root))
        .extracting(node -> ((ContextsNode.Context) node).context().current())
        .containsExactly(false, true, false);
  }

  @Test
  void no_contexts_says_so() {
    DefaultMutableTreeNode root =
        ContextsTree.build(
            new ContextsState.Loaded(
                new ListContextsResponse(List.of(), null, List.of(Samples.KUBECONFIG))));

    assertThat(children(root))
        .containsExactly(new ContextsNode.Message("No contexts in " + Samples.KUBECONFIG));
  }

  @Test
  void a_failed_request_is_one_error_node_with_the_servers_message() {
    String message = "/tmp/bad.yaml: line 3: expected a mapping";
    DefaultMutableTreeNode root =
        ContextsTree.build(
            new ContextsState.RequestFailed(ErrorCode.KUBECONFIG_MALFORMED, message));

    assertThat(children(root))
        .containsExactly(new ContextsNode.Error("Malformed kubeconfig", message));
  }

  @Test
  void a_server_that_is_not_running_is_an_error_node_and_a_status_line_with_its_stderr() {
    ServerExit exit =
        new ServerExit(
            "The kubereplay server exited with code 1.", List.of("line a", "Caused by: boom"));
    ContextsState state = new ContextsState.ServerUnavailable(exit);

    assertThat(children(ContextsTree.build(state)))
        .containsExactly(new ContextsNode.Error("Server not running", exit.reason()));
    assertThat(ContextsPanel.statusText(state))
        .isEqualTo(
            "The kubereplay server exited with code 1.\n"
                + "Last lines on its stderr:\n"
                + "  line a\n"
                + "  Caused by: boom\n"
                + "Refresh to start it again.");
    assertThat(ContextsPanel.statusText(new ContextsState.Loaded(Samples.threeContexts())))
        .isNull();
    assertThat(
            ContextsPanel.statusText(
                new ContextsState.RequestFailed(ErrorCode.KUBECONFIG_NOT_FOUND, "none in ~/.kube")))
        .isEqualTo("No kubeconfig found:\nnone in ~/.kube");
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

  @Test
  void the_tooltip_tells_server_user_auth_and_file() {
    KubeContextDto staging = Samples.context("staging", "payments", true);

    assertThat(ContextsTreeRenderer.tooltip(staging))
        .contains("<b>staging</b> (current context)")
        .contains("Server: https://staging.example.test:6443")
        .contains("User: staging-admin (client certificate)")
        .contains("Namespace: payments")
        .contains("Defined in: " + Samples.KUBECONFIG);
  }

  private static List<Object> children(DefaultMutableTreeNode root) {
    List<Object> values = new ArrayList<>();
    for (int i = 0; i < root.getChildCount(); i++) {
      values.add(((DefaultMutableTreeNode) root.getChildAt(i)).getUserObject());
    }
    return values;
  }
}
