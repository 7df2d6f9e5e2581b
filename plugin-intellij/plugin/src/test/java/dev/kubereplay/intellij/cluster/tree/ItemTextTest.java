package dev.kubereplay.intellij.cluster.tree;

import static dev.kubereplay.intellij.cluster.tree.TreeStates.SHOP;
import static dev.kubereplay.intellij.cluster.tree.TreeStates.children;
import static dev.kubereplay.intellij.cluster.tree.TreeStates.details;
import static dev.kubereplay.intellij.cluster.tree.TreeStates.loaded;
import static dev.kubereplay.intellij.cluster.tree.TreeStates.loadedShop;
import static dev.kubereplay.intellij.cluster.tree.TreeStates.state;
import static dev.kubereplay.intellij.cluster.tree.TreeStates.view;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kubereplay.intellij.cluster.ClusterState;
import dev.kubereplay.intellij.cluster.Load;
import dev.kubereplay.intellij.cluster.ViewKind;
import dev.kubereplay.intellij.testing.Samples;
import java.util.List;
import java.util.Map;
import javax.swing.tree.DefaultMutableTreeNode;
import org.junit.jupiter.api.Test;

/** View answers in, item rows and their words out. */
class ItemTextTest {

  @Test
  void workloads_show_readiness_injection_tls_and_health_in_colour() {
    DefaultMutableTreeNode workloads =
        view(loadedShop(Map.of(ViewKind.WORKLOADS, loaded(Samples.workloads()))), 1);

    List<Presentation> rows = children(workloads).stream().map(NodeText::of).toList();

    assertThat(rows)
        .extracting(Presentation::text)
        .containsExactly("api", "checkout", "payments-worker", "orders-db");
    assertThat(rows)
        .extracting(Presentation::detail)
        .containsExactly(
            "2/2 · injected · TLS out",
            "1/2 · injected · Unready",
            "0/1 · injected · TLS out · CrashLoopBackOff",
            "1/1 · StatefulSet");
    assertThat(rows)
        .extracting(Presentation::tone)
        .containsExactly(Tone.OK, Tone.CAUTION, Tone.ALERT, Tone.MUTED);
    assertThat(rows).extracting(Presentation::alertText).containsExactly(false, false, true, false);
    assertThat(NodeText.of((ClusterNode) workloads.getUserObject()).detail())
        .isEqualTo("4 · 1 alert · 1 caution");
  }

  @Test
  void a_workloads_tooltip_gives_the_health_reasons_and_the_problems() {
    DefaultMutableTreeNode workloads =
        view(loadedShop(Map.of(ViewKind.WORKLOADS, loaded(Samples.workloads()))), 1);

    String tooltip = NodeText.of(children(workloads).get(2)).tooltip();

    assertThat(tooltip)
        .contains("<b>Deployment payments-worker</b> in shop")
        .contains("Sidecar health: alert")
        .contains("<li>workload pods failing: CrashLoopBackOff</li>")
        .contains(
            "<li>payments-worker-5d8f7-kx2lp/worker: CrashLoopBackOff: back-off 5m0s restarting"
                + " failed container</li>")
        .contains("Requests: app 1 CPU, 1.5Gi · sidecar 50m CPU, 64Mi");
  }

  @Test
  void warning_events_are_red_triangles_and_counted() {
    DefaultMutableTreeNode events =
        view(loadedShop(Map.of(ViewKind.EVENTS, loaded(Samples.events()))), 4);

    List<Presentation> rows = children(events).stream().map(NodeText::of).toList();

    assertThat(NodeText.of((ClusterNode) events.getUserObject()).detail())
        .isEqualTo("3 · 2 warnings");
    assertThat(rows).extracting(Presentation::mark).containsOnly(Mark.TRIANGLE);
    assertThat(rows)
        .extracting(Presentation::tone)
        .containsExactly(Tone.ALERT, Tone.ALERT, Tone.INFO);
    assertThat(rows.get(0).detail())
        .isEqualTo(
            "Pod/payments-worker-5d8f7-kx2lp · Back-off restarting failed container worker (×14)");
  }

  @Test
  void secrets_services_replays_and_configuration_read_as_a_person_would_say_them() {
    ClusterState state =
        loadedShop(
            Map.of(
                ViewKind.SECRETS, loaded(Samples.secrets()),
                ViewKind.SERVICES, loaded(Samples.services()),
                ViewKind.REPLAYS, loaded(Samples.replays()),
                ViewKind.CONFIGURATION, loaded(Samples.configuration())));

    assertThat(details(view(state, 2)))
        .containsExactly("kubernetes.io/tls · 2 keys", "Opaque · 2 keys");
    assertThat(details(view(state, 3)))
        .containsExactly(
            "ClusterIP 10.96.14.2 · http 80→8080/TCP · → Deployment/api",
            "NodePort 10.96.22.9 · 443→https/TCP :30443 · → Deployment/checkout");
    assertThat(details(view(state, 5)))
        .containsExactly(
            "Running · 42% · 97.5% ok · Deployment/checkout",
            "Complete · 100% · 99.2% ok · Deployment/api");
    assertThat(details(view(state, 0)))
        .containsExactly("staging-eu-1", "debug · override (was info)", "true");
    assertThat(NodeText.of((ClusterNode) view(state, 0).getUserObject()).detail())
        .isEqualTo("kubereplay · 3 keys · 1 override");
    assertThat(NodeText.of(children(view(state, 2)).get(0)).tooltip())
        .contains("Keys: tls.crt, tls.key")
        .contains("Values never leave the kubereplay server.");
  }

  @Test
  void events_of_the_same_object_and_reason_get_distinct_keys() {
    var events = Samples.events().events();
    var twice =
        new dev.kubereplay.protocol.cluster.ListEventsResponse(
            List.of(events.get(0), events.get(0)), Load.FRESH);

    List<ClusterNode.Item> items = ClusterTree.items(SHOP, twice, Load.FRESH);

    assertThat(items.get(0).key()).isNotEqualTo(items.get(1).key());
  }
}
