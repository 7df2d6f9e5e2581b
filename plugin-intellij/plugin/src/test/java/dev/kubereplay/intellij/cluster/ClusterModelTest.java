package dev.kubereplay.intellij.cluster;

import static dev.kubereplay.intellij.testing.Samples.CONTEXT;
import static dev.kubereplay.intellij.testing.Samples.NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kubereplay.intellij.KubeReplaySession;
import dev.kubereplay.intellij.cluster.tree.ClusterNode;
import dev.kubereplay.intellij.cluster.tree.ClusterTree;
import dev.kubereplay.intellij.cluster.tree.NodeText;
import dev.kubereplay.intellij.testing.Await;
import dev.kubereplay.intellij.testing.FakeServer;
import dev.kubereplay.intellij.testing.Samples;
import dev.kubereplay.protocol.ErrorCode;
import dev.kubereplay.protocol.cluster.ClusterChangeKind;
import dev.kubereplay.protocol.cluster.ClusterView;
import dev.kubereplay.protocol.cluster.DidChangeClusterParams;
import dev.kubereplay.protocol.cluster.FreshnessDto;
import dev.kubereplay.protocol.cluster.ListClustersParams;
import dev.kubereplay.protocol.cluster.ListWorkloadsResponse;
import dev.kubereplay.protocol.cluster.ScopeParams;
import dev.kubereplay.protocol.cluster.WatchParams;
import dev.kubereplay.protocol.cluster.WorkloadDto;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.swing.tree.DefaultMutableTreeNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The cluster model against a fake server over real JSON-RPC framing. */
class ClusterModelTest {

  private static final Scope SHOP = new Scope(CONTEXT, NAMESPACE);
  private static final Scope PAYMENTS = new Scope(CONTEXT, "payments");

  private final FakeServer fake = Samples.answering(new FakeServer());
  private final KubeReplaySession session = new KubeReplaySession(fake::start);
  private final ClusterModel model = session.cluster();

  @BeforeEach
  void contexts() throws Exception {
    session.contexts().refresh().get(10, TimeUnit.SECONDS);
  }

  @AfterEach
  void close() {
    session.close();
    fake.close();
  }

  @Test
  void nothing_is_asked_for_until_it_is_shown_then_only_that() {
    assertThat(fake.count("cluster/listClusters")).isZero();
    assertThat(fake.count("cluster/listNamespaces")).isZero();

    model.show(shown(Set.of(CONTEXT), Set.of(), Map.of(), null, null));
    Await.until("namespaces loaded", () -> loaded(model.state().namespaces().get(CONTEXT)));
    Await.until("cluster loaded", () -> loaded(model.state().clusters().get(CONTEXT)));

    assertThat(fake.params("cluster/listClusters"))
        .containsExactly(new ListClustersParams(List.of(CONTEXT)));
    assertThat(fake.params("cluster/listNamespaces"))
        .containsExactly(new ScopeParams(CONTEXT, null));
    assertThat(fake.count("cluster/listWorkloads")).isZero();
    assertThat(fake.count("cluster/watch")).isZero(); // nothing of a namespace is shown
  }

  @Test
  void expanding_a_view_loads_it_and_watches_that_scope_with_its_shown_views() {
    showShop(ViewKind.WORKLOADS);
    Await.until("workloads", () -> loaded(model.state().view(SHOP, ViewKind.WORKLOADS)));
    Await.until("watch", () -> fake.count("cluster/watch") == 1);

    assertThat(fake.params("cluster/watch"))
        .containsExactly(new WatchParams(CONTEXT, NAMESPACE, List.of(ClusterView.WORKLOADS)));
    assertThat(fake.params("cluster/listWorkloads"))
        .containsExactly(new ScopeParams(CONTEXT, NAMESPACE));

    showShop(ViewKind.WORKLOADS, ViewKind.SECRETS, ViewKind.CONFIGURATION);
    Await.until("second watch", () -> fake.count("cluster/watch") == 2);

    assertThat(fake.params("cluster/watch").get(1))
        .isEqualTo(
            new WatchParams(
                CONTEXT, NAMESPACE, List.of(ClusterView.WORKLOADS, ClusterView.SECRETS)));
    Await.until("configuration", () -> loaded(model.state().view(SHOP, ViewKind.CONFIGURATION)));
    // The operator configuration is the context's: asked without a namespace, never watched.
    assertThat(fake.params("cluster/getConfiguration"))
        .containsExactly(new ScopeParams(CONTEXT, null));
    assertThat(model.state().watches(SHOP)).isTrue();
  }

  @Test
  void collapsing_the_namespace_stops_the_watch() {
    showShop(ViewKind.WORKLOADS);
    Await.until("watch", () -> fake.count("cluster/watch") == 1);

    model.show(
        shown(Set.of(CONTEXT), Set.of(), Map.of(SHOP, Set.of(ViewKind.WORKLOADS)), null, SHOP));
    Await.until("stop", () -> fake.count("cluster/watch") == 2);

    assertThat(fake.params("cluster/watch").get(1))
        .isEqualTo(new WatchParams(CONTEXT, NAMESPACE, List.of()));
    Await.until("not watching", () -> model.state().watching() == null);
  }

  @Test
  void focusing_another_namespace_switches_the_watch_to_it_and_refreshes_what_it_showed() {
    Map<Scope, Set<ViewKind>> views = new HashMap<>();
    views.put(SHOP, Set.of(ViewKind.WORKLOADS));
    views.put(PAYMENTS, Set.of(ViewKind.WORKLOADS));
    model.show(shown(Set.of(CONTEXT), Set.of(SHOP, PAYMENTS), views, null, PAYMENTS));
    Await.until("payments watched", () -> fake.count("cluster/watch") == 1);
    Await.until(
        "both loaded",
        () ->
            loaded(model.state().view(SHOP, ViewKind.WORKLOADS))
                && loaded(model.state().view(PAYMENTS, ViewKind.WORKLOADS)));

    model.show(shown(Set.of(CONTEXT), Set.of(SHOP, PAYMENTS), views, null, SHOP));
    Await.until("shop watched", () -> fake.count("cluster/watch") == 2);

    assertThat(fake.params("cluster/watch"))
        .containsExactly(
            new WatchParams(CONTEXT, "payments", List.of(ClusterView.WORKLOADS)),
            new WatchParams(CONTEXT, NAMESPACE, List.of(ClusterView.WORKLOADS)));
    // Shop was not live while payments was: its workloads are asked for again.
    Await.until("shop asked again", () -> fake.count("cluster/listWorkloads") == 3);
  }

  @Test
  void did_change_views_asks_again_for_exactly_the_views_it_names() {
    showShop(ViewKind.WORKLOADS, ViewKind.SECRETS, ViewKind.EVENTS, ViewKind.CONFIGURATION);
    Await.until(
        "all loaded",
        () ->
            loaded(model.state().view(SHOP, ViewKind.EVENTS))
                && loaded(model.state().view(SHOP, ViewKind.SECRETS))
                && loaded(model.state().view(SHOP, ViewKind.WORKLOADS))
                && loaded(model.state().view(SHOP, ViewKind.CONFIGURATION)));
    Await.until("watch", () -> fake.count("cluster/watch") == 1);
    int secrets = fake.count("cluster/listSecrets");
    int config = fake.count("cluster/getConfiguration");
    int contexts = fake.listContextsCalls.get();

    fake.sendDidChange(
        "{\"changes\":[\"VIEWS\"],\"context\":\"staging\",\"namespace\":\"shop\","
            + "\"views\":[\"WORKLOADS\",\"EVENTS\"]}");

    Await.until("workloads again", () -> fake.count("cluster/listWorkloads") == 2);
    Await.until("events again", () -> fake.count("cluster/listEvents") == 2);
    assertThat(fake.count("cluster/listSecrets")).isEqualTo(secrets);
    assertThat(fake.count("cluster/getConfiguration")).isEqualTo(config);
    assertThat(fake.listContextsCalls.get()).isEqualTo(contexts);
  }

  @Test
  void did_change_views_of_a_scope_never_shown_asks_nothing() {
    showShop(ViewKind.WORKLOADS);
    Await.until("loaded", () -> loaded(model.state().view(SHOP, ViewKind.WORKLOADS)));
    // The watch travels beside the view's request: count from once both have arrived.
    Await.until("watched", () -> fake.count("cluster/watch") == 1);
    int before = fake.calls.size();

    fake.sendDidChange(
        "{\"changes\":[\"VIEWS\"],\"context\":\"staging\",\"namespace\":\"payments\","
            + "\"views\":[\"WORKLOADS\"]}");
    fake.sendDidChange(
        "{\"changes\":[\"VIEWS\"],\"context\":\"staging\",\"namespace\":\"shop\",\"views\":[\"SECRETS\"]}");
    session.contexts().refresh().join(); // a request after the notifications: they were handled

    assertThat(fake.calls.subList(before, fake.calls.size()))
        .extracting(FakeServer.Call::method)
        .containsOnly("cluster/listContexts");
  }

  @Test
  void connection_lost_marks_the_views_stale_and_connection_back_clears_it() {
    showShop(ViewKind.WORKLOADS);
    Await.until("loaded", () -> loaded(model.state().view(SHOP, ViewKind.WORKLOADS)));
    Instant since = Instant.parse("2026-03-01T17:02:00Z");
    FreshnessDto lost =
        new FreshnessDto(true, since, "API server https://10.0.0.1:6443 unreachable");

    fake.sendDidChange(
        new DidChangeClusterParams(
            List.of(ClusterChangeKind.CONNECTION), CONTEXT, NAMESPACE, null, lost));

    Await.until("stale", () -> stale(model.state().view(SHOP, ViewKind.WORKLOADS)));
    assertThat(model.state().connection(CONTEXT)).isEqualTo(lost);
    ClusterNode workloads = categoryNode(model.state(), 1);
    assertThat(NodeText.of(workloads).stale()).isTrue();
    assertThat(NodeText.of(workloads).detail()).contains("stale since ").contains("unreachable");
    int asked = fake.count("cluster/listWorkloads");

    fake.sendDidChange(
        new DidChangeClusterParams(
            List.of(ClusterChangeKind.CONNECTION), CONTEXT, NAMESPACE, null, Samples.FRESH));

    Await.until("fresh", () -> !stale(model.state().view(SHOP, ViewKind.WORKLOADS)));
    assertThat(NodeText.of(categoryNode(model.state(), 1)).stale()).isFalse();
    // Back: what was missed is asked for again.
    Await.until("asked again", () -> fake.count("cluster/listWorkloads") == asked + 1);
  }

  @Test
  void a_forbidden_view_fails_alone_with_the_servers_message() {
    String message = "forbidden: cannot list secrets in namespace shop";
    fake.fail("cluster/listSecrets", ErrorCode.FORBIDDEN, message);

    showShop(ViewKind.WORKLOADS, ViewKind.SECRETS);

    Await.until(
        "secrets failed", () -> model.state().view(SHOP, ViewKind.SECRETS) instanceof Load.Failed);
    Await.until("workloads loaded", () -> loaded(model.state().view(SHOP, ViewKind.WORKLOADS)));
    Load.Failed<Object> failed = (Load.Failed<Object>) model.state().view(SHOP, ViewKind.SECRETS);
    assertThat(failed.failure().code()).isEqualTo(ErrorCode.FORBIDDEN);
    assertThat(failed.failure().message()).isEqualTo(message);
  }

  @Test
  void a_changed_workload_replaces_the_old_one_until_the_view_is_asked_again() {
    showShop(ViewKind.WORKLOADS);
    Await.until("loaded", () -> loaded(model.state().view(SHOP, ViewKind.WORKLOADS)));
    WorkloadDto api = Samples.healthy();
    WorkloadDto off =
        new WorkloadDto(
            api.kind(),
            api.name(),
            api.namespace(),
            api.ready(),
            api.desired(),
            false,
            api.tlsOut(),
            api.sidecarHealth(),
            api.healthReasons(),
            api.appRequests(),
            api.sidecarRequests(),
            api.problems());

    model.replaceWorkload(SHOP, off);

    Await.until(
        "replaced",
        () ->
            !((ListWorkloadsResponse)
                    ((Load.Loaded<Object>) model.state().view(SHOP, ViewKind.WORKLOADS)).value())
                .workloads()
                .get(0)
                .injected());
  }

  @Test
  void refresh_asks_again_for_what_is_shown_and_says_the_watch_again() {
    showShop(ViewKind.WORKLOADS);
    Await.until("watch", () -> fake.count("cluster/watch") == 1);
    Await.until("loaded", () -> loaded(model.state().view(SHOP, ViewKind.WORKLOADS)));

    model.refresh();

    Await.until("watch again", () -> fake.count("cluster/watch") == 2);
    Await.until("workloads again", () -> fake.count("cluster/listWorkloads") == 2);
    Await.until("namespaces again", () -> fake.count("cluster/listNamespaces") == 2);
  }

  private void showShop(ViewKind... kinds) {
    model.show(shown(Set.of(CONTEXT), Set.of(SHOP), Map.of(SHOP, Set.of(kinds)), null, SHOP));
  }

  private static Shown shown(
      Set<String> contexts,
      Set<Scope> namespaces,
      Map<Scope, Set<ViewKind>> views,
      ViewKind selected,
      Scope focus) {
    return new Shown(contexts, namespaces, views, null, null, selected, focus);
  }

  private static boolean loaded(Load<?> load) {
    return load instanceof Load.Loaded;
  }

  private static boolean stale(Load<?> load) {
    return load instanceof Load.Loaded<?> loaded && loaded.stale();
  }

  /** A view node of shop in the tree built from the state. */
  private static ClusterNode categoryNode(ClusterState state, int index) {
    DefaultMutableTreeNode root = ClusterTree.build(state);
    DefaultMutableTreeNode staging = (DefaultMutableTreeNode) root.getChildAt(1);
    DefaultMutableTreeNode shop = (DefaultMutableTreeNode) staging.getChildAt(3);
    return (ClusterNode) ((DefaultMutableTreeNode) shop.getChildAt(index)).getUserObject();
  }
}
