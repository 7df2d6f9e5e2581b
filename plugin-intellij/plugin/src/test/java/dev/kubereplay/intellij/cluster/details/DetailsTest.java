package dev.kubereplay.intellij.cluster.details;

import static dev.kubereplay.intellij.testing.Samples.CONTEXT;
import static dev.kubereplay.intellij.testing.Samples.NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kubereplay.intellij.cluster.ClusterState;
import dev.kubereplay.intellij.cluster.ContextsState;
import dev.kubereplay.intellij.cluster.Load;
import dev.kubereplay.intellij.cluster.Scope;
import dev.kubereplay.intellij.cluster.ViewKey;
import dev.kubereplay.intellij.cluster.ViewKind;
import dev.kubereplay.intellij.cluster.tree.ClusterNode;
import dev.kubereplay.intellij.cluster.tree.ClusterTree;
import dev.kubereplay.intellij.cluster.tree.Formats;
import dev.kubereplay.intellij.cluster.tree.Tone;
import dev.kubereplay.intellij.rpc.RpcFailure;
import dev.kubereplay.intellij.testing.Samples;
import dev.kubereplay.protocol.ErrorCode;
import dev.kubereplay.protocol.cluster.FreshnessDto;
import dev.kubereplay.protocol.cluster.ListWorkloadsResponse;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The selected node in, the details table's columns and cells out. */
class DetailsTest {

  private static final Scope SHOP = new Scope(CONTEXT, NAMESPACE);

  @Test
  void workloads_have_the_columns_of_the_view_and_a_row_each() {
    DetailsTable table =
        Details.of(
            state(Map.of(ViewKind.WORKLOADS, loaded(Samples.workloads()))),
            category(ViewKind.WORKLOADS));

    assertThat(table.title()).isEqualTo("Workloads in shop · staging");
    assertThat(table.columnNames())
        .containsExactly(
            "Kind",
            "Name",
            "Ready",
            "Injected",
            "TLS out",
            "Sidecar health",
            "CPU",
            "Memory",
            "Sidecar CPU",
            "Sidecar memory",
            "Problems");
    assertThat(table.rows()).hasSize(4);
    assertThat(table.rowTexts(0))
        .containsExactly(
            "Deployment", "api", "2/2", "yes", "yes", "ok", "250m", "256Mi", "50m", "64Mi", "");
    assertThat(table.rowTexts(1))
        .containsExactly(
            "Deployment",
            "checkout",
            "1/2",
            "yes",
            "no",
            "caution",
            "500m",
            "512Mi",
            "50m",
            "64Mi",
            "Unready");
    assertThat(table.rowTexts(3))
        .containsExactly(
            "StatefulSet", "orders-db", "1/1", "no", "no", "ok", "2", "4Gi", "—", "—", "");
    assertThat(table.rows())
        .extracting(row -> row.get(5).tone())
        .containsExactly(Tone.OK, Tone.CAUTION, Tone.ALERT, Tone.MUTED);
    assertThat(table.rows().get(1).get(5).tooltip())
        .isEqualTo("sidecar not ready in checkout-6f7c9-h2x4q");
    assertThat(table.rows().get(2).get(10).tone()).isEqualTo(Tone.ALERT);
    assertThat(table.rows().get(2).get(10).tooltip())
        .isEqualTo(
            "payments-worker-5d8f7-kx2lp/worker: CrashLoopBackOff: back-off 5m0s restarting failed"
                + " container");
  }

  @Test
  void a_selected_item_shows_its_view_with_its_row_selected() {
    ClusterState state = state(Map.of(ViewKind.WORKLOADS, loaded(Samples.workloads())));
    ClusterNode.Item alert = ClusterTree.items(SHOP, Samples.workloads(), Load.FRESH).get(2);

    DetailsTable table = Details.of(state, alert);

    assertThat(table.selectedRow()).isEqualTo(2);
    assertThat(table.rowTexts(2).get(1)).isEqualTo("payments-worker");
  }

  @Test
  void secrets_show_names_types_and_keys_and_nothing_else() {
    DetailsTable table =
        Details.of(
            state(Map.of(ViewKind.SECRETS, loaded(Samples.secrets()))), category(ViewKind.SECRETS));

    assertThat(table.columnNames()).containsExactly("Name", "Type", "Keys");
    assertThat(table.rowTexts(1)).containsExactly("db-credentials", "Opaque", "password, username");
  }

  @Test
  void configuration_shows_the_override_column_and_the_effective_value() {
    DetailsTable table =
        Details.of(
            state(Map.of(ViewKind.CONFIGURATION, loaded(Samples.configuration()))),
            category(ViewKind.CONFIGURATION));

    assertThat(table.title())
        .isEqualTo(
            "Operator configuration · kubereplay · staging · with kubereplay-operator-overrides");
    assertThat(table.columnNames()).containsExactly("Key", "Value", "Override", "Effective");
    assertThat(table.rowTexts(1)).containsExactly("LOG_LEVEL", "info", "debug", "debug");
    assertThat(table.rows().get(1).get(2).tone()).isEqualTo(Tone.CAUTION);
  }

  @Test
  void services_events_and_replays_have_their_columns() {
    ClusterState state =
        state(
            Map.of(
                ViewKind.SERVICES, loaded(Samples.services()),
                ViewKind.EVENTS, loaded(Samples.events()),
                ViewKind.REPLAYS, loaded(Samples.replays())));

    DetailsTable services = Details.of(state, category(ViewKind.SERVICES));
    DetailsTable events = Details.of(state, category(ViewKind.EVENTS));
    DetailsTable replays = Details.of(state, category(ViewKind.REPLAYS));

    assertThat(services.columnNames())
        .containsExactly("Name", "Type", "Cluster IP", "Ports", "Selector", "Workloads");
    assertThat(services.rowTexts(1))
        .containsExactly(
            "checkout",
            "NodePort",
            "10.96.22.9",
            "443→https/TCP :30443",
            "app=checkout, tier=web",
            "Deployment/checkout");
    assertThat(events.columnNames())
        .containsExactly(
            "Type", "Reason", "Object", "Message", "Count", "First seen", "Last seen", "Workload");
    assertThat(events.rows().get(0).get(0).tone()).isEqualTo(Tone.ALERT);
    assertThat(events.rows().get(2).get(0).tone()).isEqualTo(Tone.NEUTRAL);
    assertThat(replays.columnNames())
        .containsExactly(
            "Name",
            "Phase",
            "Progress",
            "Success",
            "Ready",
            "Workload",
            "Snapshot",
            "Mode",
            "Started",
            "Finished",
            "Message");
    assertThat(replays.rowTexts(0).subList(0, 5))
        .containsExactly("checkout-smoke", "Running", "42%", "97.5%", "no");
  }

  @Test
  void a_forbidden_view_has_the_servers_message_in_its_banner() {
    String message = "forbidden: cannot list secrets in namespace shop";
    ClusterState state =
        state(
            Map.of(
                ViewKind.SECRETS,
                new Load.Failed<>(new RpcFailure(ErrorCode.FORBIDDEN, message, false))));

    DetailsTable table = Details.of(state, category(ViewKind.SECRETS));

    assertThat(table.banner()).isEqualTo(message);
    assertThat(table.bannerTone()).isEqualTo(Tone.ALERT);
    assertThat(table.rows()).isEmpty();
  }

  @Test
  void stale_rows_are_kept_greyed_under_a_stale_banner() {
    FreshnessDto stale =
        new FreshnessDto(true, Instant.parse("2026-03-01T17:02:00Z"), "lost the watch");
    ClusterState state =
        state(
            Map.of(
                ViewKind.WORKLOADS,
                new Load.Loaded<>(
                    new ListWorkloadsResponse(Samples.workloads().workloads(), stale), stale)));

    DetailsTable table = Details.of(state, category(ViewKind.WORKLOADS));

    assertThat(table.stale()).isTrue();
    assertThat(table.rows()).hasSize(4);
    assertThat(table.banner()).isEqualTo(Formats.stale(stale)).startsWith("stale since ");
  }

  @Test
  void a_context_shows_where_it_points_and_the_operator() {
    ClusterState state = state(Map.of());
    ClusterNode.Context staging =
        new ClusterNode.Context(
            Samples.context(CONTEXT, "payments", true),
            new Load.Loaded<>(Samples.stagingCluster(), Load.FRESH),
            Load.FRESH);

    DetailsTable table = Details.of(state, staging);

    assertThat(table.columnNames()).containsExactly("Property", "Value");
    assertThat(table.rows())
        .extracting(row -> row.get(0).text() + "=" + row.get(1).text())
        .contains(
            "Context=staging (current)",
            "Server=https://staging.example.test:6443",
            "Cluster name=staging-eu-1",
            "Operator=installed",
            "Operator version=0.3.1",
            "Newest version=0.4.0 (upgrade available)");
  }

  @Test
  void a_namespace_summarises_its_views() {
    ClusterState state = state(Map.of(ViewKind.WORKLOADS, loaded(Samples.workloads())));

    DetailsTable table = Details.of(state, new ClusterNode.Namespace(SHOP, null, false, false));

    assertThat(table.rows()).hasSize(6);
    assertThat(table.rowTexts(1)).containsExactly("Workloads", "4 · 1 alert · 1 caution", "");
    assertThat(table.rowTexts(2)).containsExactly("Secrets", "not loaded (expand to load)", "");
  }

  private static ClusterNode.Category category(ViewKind kind) {
    return new ClusterNode.Category(SHOP, kind, null, false);
  }

  private static ClusterState state(Map<ViewKind, Load<Object>> views) {
    Map<ViewKey, Load<Object>> keyed = new HashMap<>();
    views.forEach((kind, load) -> keyed.put(ViewKey.of(SHOP, kind), load));
    return new ClusterState(
        new ContextsState.Loaded(Samples.threeContexts()),
        Map.of(),
        Map.of(),
        Map.of(),
        Map.of(),
        keyed,
        null);
  }

  private static Load<Object> loaded(Object answer) {
    return new Load.Loaded<>(answer, Load.FRESH);
  }
}
