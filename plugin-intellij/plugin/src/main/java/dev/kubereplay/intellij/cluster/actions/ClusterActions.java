package dev.kubereplay.intellij.cluster.actions;

import dev.kubereplay.intellij.cluster.ClusterModel;
import dev.kubereplay.intellij.cluster.ClusterState;
import dev.kubereplay.intellij.cluster.Load;
import dev.kubereplay.intellij.cluster.Scope;
import dev.kubereplay.intellij.cluster.ViewKind;
import dev.kubereplay.intellij.cluster.tree.ClusterNode;
import dev.kubereplay.intellij.logs.LogConsole;
import dev.kubereplay.intellij.logs.LogFollows;
import dev.kubereplay.intellij.logs.LogTabs;
import dev.kubereplay.intellij.rpc.RpcFailure;
import dev.kubereplay.protocol.cluster.ClusterDto;
import dev.kubereplay.protocol.cluster.DeleteReplayParams;
import dev.kubereplay.protocol.cluster.KubeContextDto;
import dev.kubereplay.protocol.cluster.OperatorStatus;
import dev.kubereplay.protocol.cluster.ReplayDto;
import dev.kubereplay.protocol.cluster.SetWorkloadFlagParams;
import dev.kubereplay.protocol.cluster.WorkloadDto;
import dev.kubereplay.protocol.cluster.WorkloadRefDto;
import dev.kubereplay.protocol.cluster.WorkloadResponse;
import dev.kubereplay.protocol.logs.LogsParams;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * What the tool window's actions do, in plain Java: which apply to the selected node, what they are
 * called there, and what they send. The IntelliJ actions only ask this class. {@link #perform} is
 * called on the UI thread; its requests go out from the model's thread ({@link ClusterModel#send})
 * and its answers come back through {@code ui}.
 */
public final class ClusterActions {

  /** How many earlier lines a log tab starts with. */
  static final int TAIL_LINES = 200;

  /** The panel, as the actions see it. */
  public interface View {
    /** Expands the way to a node (once it exists) and selects it. */
    void reveal(String key);

    /** One line under the tree: what an action did, or why it failed. */
    void showStatus(String message, boolean error);
  }

  /** Asks the user to confirm something that cannot be undone. */
  @FunctionalInterface
  public interface Confirmer {
    boolean confirm(String title, String message, String confirmText);
  }

  /** Lets the user pick one of {@code options} or type another; empty when cancelled. */
  @FunctionalInterface
  public interface Chooser {
    Optional<String> choose(String title, String message, List<String> options, String initial);
  }

  private final ClusterModel model;
  private final LogFollows logs;
  private final LogTabs tabs;
  private final View view;
  private final Confirmer confirmer;
  private final Chooser chooser;
  private final Executor ui;

  public ClusterActions(
      ClusterModel model,
      LogFollows logs,
      LogTabs tabs,
      View view,
      Confirmer confirmer,
      Chooser chooser,
      Executor ui) {
    this.model = model;
    this.logs = logs;
    this.tabs = tabs;
    this.view = view;
    this.confirmer = confirmer;
    this.chooser = chooser;
    this.ui = ui;
  }

  public boolean enabled(ClusterAction action, ClusterNode node) {
    return switch (action) {
      case REFRESH -> true;
      case SWITCH -> !model.state().contextList().isEmpty();
      case TOGGLE_INJECTION, TOGGLE_TLS_OUT -> node instanceof ClusterNode.Workload;
      case CONTAINER_LOGS -> logTarget(node, false) != null;
      case SIDECAR_LOGS ->
          node instanceof ClusterNode.Workload w
              ? w.workload().injected()
              : logTarget(node, true) != null;
      case DELETE_REPLAY -> node instanceof ClusterNode.Replay;
    };
  }

  /** The action's name for this node, e.g. "Turn Sidecar Injection Off". */
  public String text(ClusterAction action, ClusterNode node) {
    if (node instanceof ClusterNode.Workload w) {
      WorkloadDto workload = w.workload();
      switch (action) {
        case TOGGLE_INJECTION:
          return workload.injected() ? "Turn Sidecar Injection Off" : "Turn Sidecar Injection On";
        case TOGGLE_TLS_OUT:
          return workload.tlsOut() ? "Turn TLS Out Off" : "Turn TLS Out On";
        case SIDECAR_LOGS:
          return workload.injected() ? action.label() : "Sidecar Logs (not injected)";
        default:
          break;
      }
    }
    return action.label();
  }

  /** Does it. Completes when the server answered (or at once, for what needs no answer). */
  public CompletableFuture<?> perform(ClusterAction action, ClusterNode node) {
    if (!enabled(action, node)) {
      return CompletableFuture.completedFuture(null);
    }
    return switch (action) {
      case REFRESH -> {
        model.refresh();
        yield CompletableFuture.completedFuture(null);
      }
      case SWITCH -> switchScope(node);
      case TOGGLE_INJECTION -> toggle((ClusterNode.Workload) node, true);
      case TOGGLE_TLS_OUT -> toggle((ClusterNode.Workload) node, false);
      case CONTAINER_LOGS -> CompletableFuture.completedFuture(openLogs(node, false));
      case SIDECAR_LOGS -> CompletableFuture.completedFuture(openLogs(node, true));
      case DELETE_REPLAY -> delete((ClusterNode.Replay) node);
    };
  }

  private CompletableFuture<WorkloadResponse> toggle(ClusterNode.Workload node, boolean injection) {
    WorkloadDto w = node.workload();
    boolean on = injection ? !w.injected() : !w.tlsOut();
    String what = injection ? "Sidecar injection" : "TLS out";
    String workload = w.kind() + " " + w.name();
    SetWorkloadFlagParams params =
        new SetWorkloadFlagParams(
            node.scope().context(),
            node.scope().namespace(),
            new WorkloadRefDto(w.kind(), w.name()),
            on);
    CompletableFuture<WorkloadResponse> answer =
        model.send(
            s ->
                injection
                    ? s.getClusterService().setInjection(params)
                    : s.getClusterService().setTlsOut(params));
    answer.whenComplete(
        (response, error) -> {
          if (error != null) {
            status(
                "Could not turn "
                    + (injection ? "sidecar injection" : what)
                    + (on ? " on" : " off")
                    + " for "
                    + workload
                    + ": "
                    + RpcFailure.of(error).message(),
                true);
            return;
          }
          WorkloadDto now = response.workload();
          model.replaceWorkload(node.scope(), now);
          boolean isOn = injection ? now.injected() : now.tlsOut();
          status(
              what + " is " + (isOn ? "on" : "off") + " for " + workload + operatorNote(node),
              false);
        });
    return answer;
  }

  /** Injection without an operator changes an annotation that nothing acts on: say so. */
  private String operatorNote(ClusterNode.Workload node) {
    Load<ClusterDto> cluster = model.state().clusters().get(node.scope().context());
    if (cluster instanceof Load.Loaded<ClusterDto> loaded
        && loaded.value().status() != OperatorStatus.INSTALLED) {
      return " (no kubereplay operator found in this cluster to act on it)";
    }
    return ".";
  }

  private LogConsole openLogs(ClusterNode node, boolean sidecar) {
    LogsParams params = logTarget(node, sidecar);
    LogConsole console =
        logs.follow(params.target() + (sidecar ? " · sidecar logs" : " · logs"), params);
    tabs.open(console);
    return console;
  }

  /** What a log action follows for a node: a workload's pods, or the pod an event is about. */
  static LogsParams logTarget(ClusterNode node, boolean sidecar) {
    if (node instanceof ClusterNode.Workload w) {
      Scope scope = w.scope();
      return new LogsParams(
          scope.context(),
          scope.namespace(),
          w.workload().name(),
          w.workload().kind(),
          null,
          sidecar,
          false,
          TAIL_LINES,
          null);
    }
    if (node instanceof ClusterNode.Event e && "Pod".equals(e.event().objectKind())) {
      Scope scope = e.scope();
      return new LogsParams(
          scope.context(),
          scope.namespace(),
          e.event().objectName(),
          "Pod",
          null,
          sidecar,
          false,
          TAIL_LINES,
          null);
    }
    return null;
  }

  private CompletableFuture<Boolean> delete(ClusterNode.Replay node) {
    ReplayDto replay = node.replay();
    Scope scope = node.scope();
    if (!confirmer.confirm("Delete Replay", deleteQuestion(scope, replay), "Delete")) {
      return CompletableFuture.completedFuture(false);
    }
    return model
        .send(
            s ->
                s.getClusterService()
                    .deleteReplay(
                        new DeleteReplayParams(scope.context(), scope.namespace(), replay.name())))
        .handle(
            (response, error) -> {
              if (error != null) {
                status(
                    "Could not delete replay "
                        + replay.name()
                        + ": "
                        + RpcFailure.of(error).message(),
                    true);
                return false;
              }
              status(
                  response.deleted()
                      ? "Deleted replay " + replay.name() + "."
                      : "Replay " + replay.name() + " was already gone.",
                  false);
              model.refreshView(scope, ViewKind.REPLAYS);
              return response.deleted();
            });
  }

  /** The question the confirmation asks. */
  static String deleteQuestion(Scope scope, ReplayDto replay) {
    boolean running = replay.finishedTime() == null && replay.startedTime() != null;
    return "Delete the TrafficReplay \""
        + replay.name()
        + "\" in namespace "
        + scope.namespace()
        + " of "
        + scope.context()
        + "?"
        + (running ? "\nIt has not finished yet." : "")
        + "\nThis cannot be undone.";
  }

  private CompletableFuture<String> switchScope(ClusterNode node) {
    ClusterState state = model.state();
    List<String> contexts = state.contextList().stream().map(KubeContextDto::name).toList();
    String initial = contextOf(node, state);
    Optional<String> chosen = chooser.choose("Switch Context", "Context:", contexts, initial);
    if (chosen.isEmpty()) {
      return CompletableFuture.completedFuture(null);
    }
    String context = chosen.get();
    Optional<KubeContextDto> dto = state.context(context);
    if (dto.isEmpty()) {
      view.showStatus("There is no context named " + context + " in the kubeconfig.", true);
      return CompletableFuture.completedFuture(null);
    }
    view.reveal(ClusterNode.Context.keyOf(context));
    return model
        .loadNamespaces(context)
        .handleAsync(
            (names, error) -> {
              List<String> options = names != null ? names : List.of();
              String note =
                  error != null
                      ? " (cannot list them: " + RpcFailure.of(error).message() + ")"
                      : "";
              Optional<String> namespace =
                  chooser.choose(
                      "Switch Namespace",
                      "Namespace in " + context + note + ":",
                      options,
                      dto.get().namespace());
              namespace.ifPresent(
                  name -> {
                    if (!options.contains(name)) {
                      model.addNamespace(context, name); // e.g. one the user may use, not list
                    }
                    view.reveal(ClusterNode.Namespace.keyOf(new Scope(context, name)));
                  });
              return namespace.orElse(null);
            },
            ui);
  }

  private static String contextOf(ClusterNode node, ClusterState state) {
    if (node instanceof ClusterNode.Context c) {
      return c.context().name();
    }
    if (node instanceof ClusterNode.Namespace n) {
      return n.scope().context();
    }
    if (node instanceof ClusterNode.Category c) {
      return c.scope().context();
    }
    if (node instanceof ClusterNode.Item i) {
      return i.scope().context();
    }
    return state.contextList().stream()
        .filter(KubeContextDto::current)
        .map(KubeContextDto::name)
        .findFirst()
        .orElse(state.contextList().isEmpty() ? null : state.contextList().get(0).name());
  }

  private void status(String message, boolean error) {
    ui.execute(() -> view.showStatus(message, error));
  }
}
