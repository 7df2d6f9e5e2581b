package dev.kubereplay.intellij.cluster.tree;

import static dev.kubereplay.intellij.cluster.tree.TreeStates.SHOP;
import static dev.kubereplay.intellij.cluster.tree.TreeStates.children;
import static dev.kubereplay.intellij.cluster.tree.TreeStates.context;
import static dev.kubereplay.intellij.cluster.tree.TreeStates.loaded;
import static dev.kubereplay.intellij.cluster.tree.TreeStates.loadedShop;
import static dev.kubereplay.intellij.cluster.tree.TreeStates.node;
import static dev.kubereplay.intellij.cluster.tree.TreeStates.shop;
import static dev.kubereplay.intellij.cluster.tree.TreeStates.state;
import static dev.kubereplay.intellij.cluster.tree.TreeStates.stateWith;
import static dev.kubereplay.intellij.cluster.tree.TreeStates.view;
import static dev.kubereplay.intellij.cluster.tree.TreeStates.withContexts;
import static dev.kubereplay.intellij.testing.Samples.CONTEXT;
import static dev.kubereplay.intellij.testing.Samples.NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kubereplay.intellij.cluster.ClusterState;
import dev.kubereplay.intellij.cluster.ContextsState;
import dev.kubereplay.intellij.cluster.Load;
import dev.kubereplay.intellij.cluster.ViewKind;
import dev.kubereplay.intellij.rpc.RpcFailure;
import dev.kubereplay.intellij.rpc.ServerExit;
import dev.kubereplay.intellij.testing.Samples;
import dev.kubereplay.protocol.ErrorCode;
import dev.kubereplay.protocol.cluster.ClusterDto;
import dev.kubereplay.protocol.cluster.ClusterView;
import dev.kubereplay.protocol.cluster.FreshnessDto;
import dev.kubereplay.protocol.cluster.KubeContextDto;
import dev.kubereplay.protocol.cluster.ListContextsResponse;
import dev.kubereplay.protocol.cluster.ListNamespacesResponse;
import dev.kubereplay.protocol.cluster.ListReplaysResponse;
import dev.kubereplay.protocol.cluster.OperatorStatus;
import dev.kubereplay.protocol.cluster.WatchParams;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.swing.tree.DefaultMutableTreeNode;
import org.junit.jupiter.api.Test;

/** States in, tree structure out: contexts, namespaces, views, failures, staleness. */
class ClusterTreeTest {

  @Test
  void one_node_per_context_in_order_under_the_root_with_the_current_one_marked() {
    DefaultMutableTreeNode root =
        ClusterTree.build(withContexts(new ContextsState.Loaded(Samples.threeContexts())));

    assertThat(root.getUserObject())
        .isEqualTo(new ClusterNode.Root("Kube contexts", Samples.KUBECONFIG));
    List<ClusterNode> contexts = children(root);
    assertThat(contexts)
        .extracting(node -> ((ClusterNode.Context) node).context().name())
        .containsExactly("kind-dev", "staging", "prod-eu");
    Presentation current = NodeText.of(contexts.get(1));
    assertThat(current.bold()).isTrue();
    assertThat(current.mark()).isEqualTo(Mark.DOT);
    assertThat(current.detail()).isEqualTo("payments · staging-cluster · current");
    assertThat(NodeText.of(contexts.get(0)).bold()).isFalse();
    assertThat(NodeText.of(contexts.get(0)).mark()).isEqualTo(Mark.RING);
  }

  @Test
  void no_contexts_says_so() {
    ClusterState state =
        withContexts(
            new ContextsState.Loaded(
                new ListContextsResponse(List.of(), null, List.of(Samples.KUBECONFIG))));

    assertThat(children(ClusterTree.build(state)))
        .containsExactly(new ClusterNode.Message("/", "No contexts in " + Samples.KUBECONFIG));
  }

  @Test
  void a_failed_contexts_request_is_one_problem_node_with_the_servers_message() {
    String message = "/tmp/bad.yaml: line 3: expected a mapping";
    ClusterState state =
        withContexts(new ContextsState.RequestFailed(ErrorCode.KUBECONFIG_MALFORMED, message));

    ClusterNode problem = children(ClusterTree.build(state)).get(0);

    assertThat(NodeText.of(problem).text()).isEqualTo("Malformed kubeconfig");
    assertThat(NodeText.of(problem).detail()).isEqualTo(message);
    assertThat(NodeText.of(problem).alertText()).isTrue();
  }

  @Test
  void a_server_that_is_not_running_is_a_problem_node() {
    ServerExit exit = new ServerExit("The kubereplay server exited with code 1.", List.of("x"));
    ClusterState state = withContexts(new ContextsState.ServerUnavailable(exit));

    ClusterNode problem = children(ClusterTree.build(state)).get(0);

    assertThat(NodeText.of(problem).text()).isEqualTo("Server not running");
    assertThat(NodeText.of(problem).detail()).isEqualTo(exit.reason());
  }

  @Test
  void a_context_is_expandable_before_its_namespaces_are_known_then_lists_them() {
    ClusterNode.Context staging = context(ClusterTree.build(state(Map.of(), Map.of())));
    DefaultMutableTreeNode before = node(ClusterTree.build(state(Map.of(), Map.of())), 1);

    assertThat(children(before))
        .containsExactly(new ClusterNode.Message(staging.key(), "Loading namespaces…"));

    DefaultMutableTreeNode after = node(ClusterTree.build(loadedShop(Map.of())), 1);
    List<ClusterNode> namespaces = children(after);
    assertThat(namespaces)
        .extracting(n -> ((ClusterNode.Namespace) n).scope().namespace())
        .containsExactly("default", "kubereplay", "payments", "shop");
    assertThat(NodeText.of(namespaces.get(2)).detail()).isEqualTo("context default");
  }

  @Test
  void the_operator_status_and_an_upgrade_show_on_the_context() {
    ClusterNode.Context staging = context(ClusterTree.build(loadedShop(Map.of())));

    Presentation look = NodeText.of(staging);

    assertThat(look.detail())
        .isEqualTo("payments · staging-cluster · current · operator 0.3.1 ↑ 0.4.0");
    assertThat(look.tooltip())
        .contains("Cluster name: staging-eu-1")
        .contains("installed in kubereplay, version 0.3.1 (0.4.0 is available)");
  }

  @Test
  void an_unreachable_cluster_is_red_and_says_so() {
    ClusterDto unreachable =
        new ClusterDto(
            CONTEXT,
            "staging-cluster",
            OperatorStatus.UNREACHABLE,
            null,
            null,
            "0.4.0",
            false,
            "connect timed out");
    ClusterNode.Context node =
        new ClusterNode.Context(
            Samples.context(CONTEXT, "payments", true),
            new Load.Loaded<>(unreachable, Load.FRESH),
            Load.FRESH);

    assertThat(NodeText.of(node).detail()).endsWith("current · unreachable");
    assertThat(NodeText.of(node).tone()).isEqualTo(Tone.ALERT);
    assertThat(NodeText.of(node).tooltip()).contains("connect timed out");
  }

  @Test
  void a_namespace_the_user_may_not_list_is_marked_with_the_reason() {
    String reason = "forbidden: cannot list namespaces; showing the context's namespace";
    ClusterState state =
        stateWith(
            Map.of(
                CONTEXT,
                new Load.Loaded<>(
                    new ListNamespacesResponse(List.of("payments"), true, reason), Load.FRESH)),
            Map.of(),
            null);

    ClusterNode namespace = children(node(ClusterTree.build(state), 1)).get(0);

    Presentation look = NodeText.of(namespace);
    assertThat(look.detail()).isEqualTo("context default · the only one shown: " + reason);
    assertThat(look.tone()).isEqualTo(Tone.CAUTION);
    assertThat(look.tooltip()).contains("Namespaces cannot be listed here");
  }

  @Test
  void a_namespace_has_its_six_views_and_an_unasked_view_can_be_expanded() {
    DefaultMutableTreeNode shop = shop(ClusterTree.build(loadedShop(Map.of())));

    assertThat(children(shop))
        .extracting(n -> NodeText.of(n).text())
        .containsExactly("Configuration", "Workloads", "Secrets", "Services", "Events", "Replays");
    DefaultMutableTreeNode workloads = (DefaultMutableTreeNode) shop.getChildAt(1);
    assertThat(children(workloads))
        .containsExactly(
            new ClusterNode.Message(
                ClusterNode.Category.keyOf(SHOP, ViewKind.WORKLOADS), "Loading…"));
  }

  @Test
  void a_forbidden_view_says_so_on_that_node_only() {
    String message = "forbidden: cannot list secrets in namespace shop";
    ClusterState state =
        loadedShop(
            Map.of(
                ViewKind.WORKLOADS,
                loaded(Samples.workloads()),
                ViewKind.SECRETS,
                new Load.Failed<>(new RpcFailure(ErrorCode.FORBIDDEN, message, false))));
    DefaultMutableTreeNode shop = shop(ClusterTree.build(state));

    DefaultMutableTreeNode secrets = (DefaultMutableTreeNode) shop.getChildAt(2);
    Presentation category = NodeText.of((ClusterNode) secrets.getUserObject());
    assertThat(category.detail()).isEqualTo(message);
    assertThat(category.alertText()).isTrue();
    ClusterNode problem = children(secrets).get(0);
    assertThat(NodeText.of(problem).text()).isEqualTo("Forbidden");
    assertThat(NodeText.of(problem).detail()).isEqualTo(message);
    // Everything else keeps working.
    DefaultMutableTreeNode workloads = (DefaultMutableTreeNode) shop.getChildAt(1);
    assertThat(workloads.getChildCount()).isEqualTo(4);
    assertThat(NodeText.of((ClusterNode) workloads.getUserObject()).alertText()).isFalse();
  }

  @Test
  void stale_data_stays_visible_greyed_with_since_and_why() {
    Instant since = Instant.parse("2026-03-01T17:02:00Z");
    FreshnessDto stale =
        new FreshnessDto(true, since, "API server unreachable: connection refused");
    ClusterState state =
        loadedShop(Map.of(ViewKind.WORKLOADS, new Load.Loaded<>(Samples.workloads(stale), stale)));
    DefaultMutableTreeNode workloads = view(state, 1);

    Presentation category = NodeText.of((ClusterNode) workloads.getUserObject());

    String expected = Formats.stale(stale);
    assertThat(expected)
        .matches("stale since \\d\\d:\\d\\d: API server unreachable: connection refused");
    assertThat(category.detail()).isEqualTo("4 · 1 alert · 1 caution · " + expected);
    assertThat(category.stale()).isTrue();
    assertThat(children(workloads))
        .allSatisfy(item -> assertThat(NodeText.of(item).stale()).isTrue());
  }

  @Test
  void a_cluster_without_the_replay_crd_says_so() {
    ClusterState state =
        loadedShop(
            Map.of(
                ViewKind.REPLAYS, loaded(new ListReplaysResponse(List.of(), false, Load.FRESH))));

    DefaultMutableTreeNode replays = view(state, 5);

    assertThat(NodeText.of((ClusterNode) replays.getUserObject()).detail())
        .isEqualTo("TrafficReplay CRD not installed");
    assertThat(children(replays))
        .extracting(n -> NodeText.of(n).text())
        .containsExactly("No TrafficReplay CRD in this cluster");
  }

  @Test
  void the_watched_namespace_says_it_is_live() {
    ClusterState state =
        stateWith(
            Map.of(CONTEXT, new Load.Loaded<>(Samples.namespaces(), Load.FRESH)),
            Map.of(),
            new WatchParams(CONTEXT, NAMESPACE, List.of(ClusterView.WORKLOADS)));

    ClusterNode shop = (ClusterNode) shop(ClusterTree.build(state)).getUserObject();

    assertThat(NodeText.of(shop).detail()).isEqualTo("live");
    assertThat(NodeText.of(shop).tone()).isEqualTo(Tone.INFO);
  }

  @Test
  void the_context_tooltip_tells_server_user_auth_and_file() {
    KubeContextDto staging = Samples.context("staging", "payments", true);

    assertThat(NodeText.contextTooltip(staging, null))
        .contains("<b>staging</b> (current context)")
        .contains("Server: https://staging.example.test:6443")
        .contains("User: staging-admin (client certificate)")
        .contains("Namespace: payments")
        .contains("Defined in: " + Samples.KUBECONFIG);
  }
}
