package dev.kubereplay.intellij.cluster.actions;

import static dev.kubereplay.intellij.testing.Samples.CONTEXT;
import static dev.kubereplay.intellij.testing.Samples.NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kubereplay.intellij.KubeReplaySession;
import dev.kubereplay.intellij.cluster.Load;
import dev.kubereplay.intellij.cluster.Scope;
import dev.kubereplay.intellij.cluster.Shown;
import dev.kubereplay.intellij.cluster.ViewKind;
import dev.kubereplay.intellij.cluster.tree.ClusterNode;
import dev.kubereplay.intellij.cluster.tree.ClusterTree;
import dev.kubereplay.intellij.logs.LogConsole;
import dev.kubereplay.intellij.rpc.UiThreadGuard;
import dev.kubereplay.intellij.testing.Await;
import dev.kubereplay.intellij.testing.FakeServer;
import dev.kubereplay.intellij.testing.Samples;
import dev.kubereplay.intellij.testing.Screens;
import dev.kubereplay.protocol.ErrorCode;
import dev.kubereplay.protocol.cluster.DeleteReplayParams;
import dev.kubereplay.protocol.cluster.DeleteReplayResponse;
import dev.kubereplay.protocol.cluster.ListWorkloadsResponse;
import dev.kubereplay.protocol.cluster.ScopeParams;
import dev.kubereplay.protocol.cluster.SetWorkloadFlagParams;
import dev.kubereplay.protocol.cluster.WorkloadDto;
import dev.kubereplay.protocol.cluster.WorkloadRefDto;
import dev.kubereplay.protocol.cluster.WorkloadResponse;
import dev.kubereplay.protocol.logs.FollowLogsResponse;
import dev.kubereplay.protocol.logs.LogsParams;
import dev.kubereplay.protocol.logs.StopLogsResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The actions against a fake server over real JSON-RPC framing. */
class ClusterActionsTest {

  private static final Scope SHOP = new Scope(CONTEXT, NAMESPACE);

  private final FakeServer fake = Samples.answering(new FakeServer());
  private final KubeReplaySession session = new KubeReplaySession(fake::start);
  private final List<String> statuses = new CopyOnWriteArrayList<>();
  private final List<String> errors = new CopyOnWriteArrayList<>();
  private final List<String> revealed = new CopyOnWriteArrayList<>();
  private final List<String> questions = new ArrayList<>();
  private final List<LogConsole> tabs = new ArrayList<>();
  private final List<String> chooserAnswers = new ArrayList<>();
  private final List<List<String>> chooserOptions = new ArrayList<>();
  private boolean confirms;

  private final ClusterActions actions =
      new ClusterActions(
          session.cluster(),
          session.logs(),
          tabs::add,
          new ClusterActions.View() {
            @Override
            public void reveal(String key) {
              revealed.add(key);
            }

            @Override
            public void showStatus(String message, boolean error) {
              (error ? errors : statuses).add(message);
            }
          },
          (title, message, confirmText) -> {
            questions.add(title + "|" + message + "|" + confirmText);
            return confirms;
          },
          (title, message, options, initial) -> {
            chooserOptions.add(options);
            return chooserAnswers.isEmpty()
                ? Optional.empty()
                : Optional.of(chooserAnswers.remove(0));
          },
          Runnable::run);

  @BeforeEach
  void loadShop() throws Exception {
    session.contexts().refresh().get(10, TimeUnit.SECONDS);
    session
        .cluster()
        .show(
            new Shown(
                Set.of(CONTEXT),
                Set.of(SHOP),
                Map.of(SHOP, Set.of(ViewKind.WORKLOADS, ViewKind.REPLAYS)),
                null,
                null,
                null,
                SHOP));
    Await.until(
        "workloads and replays",
        () ->
            session.cluster().state().view(SHOP, ViewKind.WORKLOADS) instanceof Load.Loaded
                && session.cluster().state().view(SHOP, ViewKind.REPLAYS) instanceof Load.Loaded);
  }

  @AfterEach
  void close() {
    session.close();
    fake.close();
  }

  @Test
  void each_action_applies_to_its_kind_of_node_and_names_what_it_will_do() {
    ClusterNode.Workload checkout = workload(1);
    ClusterNode.Workload database = workload(3);
    ClusterNode.Replay replay = replay(0);

    assertThat(actions.enabled(ClusterAction.TOGGLE_INJECTION, checkout)).isTrue();
    assertThat(actions.text(ClusterAction.TOGGLE_INJECTION, checkout))
        .isEqualTo("Turn Sidecar Injection Off");
    assertThat(actions.text(ClusterAction.TOGGLE_TLS_OUT, checkout)).isEqualTo("Turn TLS Out On");
    assertThat(actions.enabled(ClusterAction.SIDECAR_LOGS, database)).isFalse();
    assertThat(actions.text(ClusterAction.SIDECAR_LOGS, database))
        .isEqualTo("Sidecar Logs (not injected)");
    assertThat(actions.enabled(ClusterAction.CONTAINER_LOGS, database)).isTrue();
    assertThat(actions.enabled(ClusterAction.DELETE_REPLAY, replay)).isTrue();
    assertThat(actions.enabled(ClusterAction.DELETE_REPLAY, checkout)).isFalse();
    assertThat(actions.enabled(ClusterAction.TOGGLE_INJECTION, replay)).isFalse();
    assertThat(actions.enabled(ClusterAction.TOGGLE_INJECTION, null)).isFalse();
    assertThat(actions.enabled(ClusterAction.REFRESH, null)).isTrue();
    assertThat(actions.enabled(ClusterAction.SWITCH, null)).isTrue();
  }

  @Test
  void toggling_injection_patches_the_workload_and_shows_what_the_server_returned()
      throws Exception {
    WorkloadDto checkout = Samples.caution();
    WorkloadDto off = withInjection(checkout, false);
    fake.answer("cluster/setInjection", new WorkloadResponse(off));

    actions.perform(ClusterAction.TOGGLE_INJECTION, workload(1)).get(10, TimeUnit.SECONDS);

    assertThat(fake.params("cluster/setInjection"))
        .containsExactly(
            new SetWorkloadFlagParams(
                CONTEXT, NAMESPACE, new WorkloadRefDto("Deployment", "checkout"), false));
    Await.until("shown off", () -> !workload(1).workload().injected());
    Await.until("status", () -> !statuses.isEmpty());
    assertThat(statuses).containsExactly("Sidecar injection is off for Deployment checkout.");
    assertThat(errors).isEmpty();
  }

  @Test
  void a_forbidden_toggle_says_why_and_changes_nothing() throws Exception {
    String message = "forbidden: cannot patch deployments.apps in namespace shop";
    fake.fail("cluster/setTlsOut", ErrorCode.FORBIDDEN, message);

    actions
        .perform(ClusterAction.TOGGLE_TLS_OUT, workload(1))
        .handle((r, e) -> null)
        .get(10, TimeUnit.SECONDS);

    Await.until("error shown", () -> !errors.isEmpty());
    assertThat(errors)
        .containsExactly("Could not turn TLS out on for Deployment checkout: " + message);
    assertThat(workload(1).workload().tlsOut()).isFalse();
    assertThat(fake.params("cluster/setTlsOut"))
        .containsExactly(
            new SetWorkloadFlagParams(
                CONTEXT, NAMESPACE, new WorkloadRefDto("Deployment", "checkout"), true));
  }

  @Test
  void container_and_sidecar_logs_follow_the_workload_in_a_new_tab() throws Exception {
    fake.answer(
        "logs/follow", new FollowLogsResponse("follow-1", List.of("api-7d9f4-a", "api-7d9f4-b")));

    actions.perform(ClusterAction.CONTAINER_LOGS, workload(0)).get(10, TimeUnit.SECONDS);
    actions.perform(ClusterAction.SIDECAR_LOGS, workload(0)).get(10, TimeUnit.SECONDS);

    assertThat(tabs)
        .extracting(LogConsole::title)
        .containsExactly("api · logs", "api · sidecar logs");
    Await.until("both followed", () -> fake.count("logs/follow") == 2);
    assertThat(fake.params("logs/follow"))
        .containsExactly(
            new LogsParams(CONTEXT, NAMESPACE, "api", "Deployment", null, false, false, 200, null),
            new LogsParams(CONTEXT, NAMESPACE, "api", "Deployment", null, true, false, 200, null));
    Await.until("following", () -> tabs.get(0).phase() == LogConsole.Phase.FOLLOWING);
  }

  @Test
  void deleting_a_replay_asks_first_and_sends_nothing_when_declined() throws Exception {
    confirms = false;

    Object result =
        actions.perform(ClusterAction.DELETE_REPLAY, replay(0)).get(10, TimeUnit.SECONDS);

    assertThat(result).isEqualTo(false);
    assertThat(questions)
        .containsExactly(
            "Delete Replay|Delete the TrafficReplay \"checkout-smoke\" in namespace shop of staging?\n"
                + "It has not finished yet.\n"
                + "This cannot be undone.|Delete");
    assertThat(fake.count("cluster/deleteReplay")).isZero();
  }

  @Test
  void deleting_a_confirmed_replay_deletes_it_and_lists_the_replays_again() throws Exception {
    confirms = true;
    fake.answer("cluster/deleteReplay", new DeleteReplayResponse(true));
    int listed = fake.count("cluster/listReplays");

    Object result =
        actions.perform(ClusterAction.DELETE_REPLAY, replay(1)).get(10, TimeUnit.SECONDS);

    assertThat(result).isEqualTo(true);
    assertThat(questions.get(0)).doesNotContain("not finished");
    assertThat(fake.params("cluster/deleteReplay"))
        .containsExactly(new DeleteReplayParams(CONTEXT, NAMESPACE, "nightly-orders"));
    Await.until("replays again", () -> fake.count("cluster/listReplays") == listed + 1);
    assertThat(statuses).containsExactly("Deleted replay nightly-orders.");
  }

  @Test
  void actions_performed_on_the_ui_thread_send_from_the_model_thread_and_their_results_arrive()
      throws Exception {
    confirms = true;
    fake.answer(
        "cluster/setInjection", new WorkloadResponse(withInjection(Samples.caution(), false)));
    fake.answer("cluster/deleteReplay", new DeleteReplayResponse(true));
    fake.answer("logs/follow", new FollowLogsResponse("follow-1", List.of("api-7d9f4-a")));
    fake.answer("logs/stop", new StopLogsResponse(true));

    CompletableFuture<?> toggled =
        Screens.onEdt(() -> actions.perform(ClusterAction.TOGGLE_INJECTION, workload(1)));
    CompletableFuture<?> deleted =
        Screens.onEdt(() -> actions.perform(ClusterAction.DELETE_REPLAY, replay(1)));
    Screens.onEdt(() -> actions.perform(ClusterAction.CONTAINER_LOGS, workload(0)));

    toggled.get(30, TimeUnit.SECONDS);
    assertThat(deleted.get(30, TimeUnit.SECONDS)).isEqualTo(true);
    Await.until("following", () -> tabs.get(0).phase() == LogConsole.Phase.FOLLOWING);
    Screens.runOnEdt(() -> tabs.get(0).stop()); // the tab's Stop button, or closing it
    Await.until("stopped", () -> fake.count("logs/stop") == 1);
    Await.until("statuses", () -> statuses.size() == 2);
    assertThat(statuses)
        .containsExactlyInAnyOrder(
            "Sidecar injection is off for Deployment checkout.", "Deleted replay nightly-orders.");
    assertThat(UiThreadGuard.takeViolations()).isEmpty();
  }

  @Test
  void switching_goes_to_the_chosen_context_and_a_typed_namespace() throws Exception {
    chooserAnswers.addAll(List.of("prod-eu", "team-a"));
    fake.answer(
        "cluster/listNamespaces",
        params -> CompletableFuture.completedFuture(Samples.namespaces()));

    actions.perform(ClusterAction.SWITCH, null).get(10, TimeUnit.SECONDS);

    assertThat(chooserOptions.get(0)).containsExactly("kind-dev", "staging", "prod-eu");
    assertThat(chooserOptions.get(1)).containsExactly("default", "kubereplay", "payments", "shop");
    assertThat(fake.params("cluster/listNamespaces")).contains(new ScopeParams("prod-eu", null));
    assertThat(revealed)
        .containsExactly(
            ClusterNode.Context.keyOf("prod-eu"),
            ClusterNode.Namespace.keyOf(new Scope("prod-eu", "team-a")));
    // A namespace the user may use but not list is shown all the same.
    Await.until(
        "team-a shown", () -> session.cluster().state().namespacesOf("prod-eu").contains("team-a"));
  }

  @Test
  void switching_is_cancelled_with_the_first_question() throws Exception {
    actions.perform(ClusterAction.SWITCH, null).get(10, TimeUnit.SECONDS);

    assertThat(revealed).isEmpty();
    assertThat(chooserOptions).hasSize(1);
  }

  private ClusterNode.Workload workload(int row) {
    ListWorkloadsResponse workloads =
        (ListWorkloadsResponse)
            ((Load.Loaded<Object>) session.cluster().state().view(SHOP, ViewKind.WORKLOADS))
                .value();
    return (ClusterNode.Workload) ClusterTree.items(SHOP, workloads, Load.FRESH).get(row);
  }

  private ClusterNode.Replay replay(int row) {
    Object replays =
        ((Load.Loaded<Object>) session.cluster().state().view(SHOP, ViewKind.REPLAYS)).value();
    return (ClusterNode.Replay) ClusterTree.items(SHOP, replays, Load.FRESH).get(row);
  }

  static WorkloadDto withInjection(WorkloadDto w, boolean injected) {
    return new WorkloadDto(
        w.kind(),
        w.name(),
        w.namespace(),
        w.ready(),
        w.desired(),
        injected,
        w.tlsOut(),
        w.sidecarHealth(),
        w.healthReasons(),
        w.appRequests(),
        w.sidecarRequests(),
        w.problems());
  }
}
