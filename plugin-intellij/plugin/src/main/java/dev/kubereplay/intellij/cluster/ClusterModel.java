package dev.kubereplay.intellij.cluster;

import dev.kubereplay.intellij.rpc.ServerCalls;
import dev.kubereplay.protocol.KubeReplayRpcServer;
import dev.kubereplay.protocol.cluster.ClusterChangeKind;
import dev.kubereplay.protocol.cluster.ClusterDto;
import dev.kubereplay.protocol.cluster.ClusterView;
import dev.kubereplay.protocol.cluster.DidChangeClusterParams;
import dev.kubereplay.protocol.cluster.FreshnessDto;
import dev.kubereplay.protocol.cluster.ListClustersParams;
import dev.kubereplay.protocol.cluster.ListNamespacesResponse;
import dev.kubereplay.protocol.cluster.ListWorkloadsResponse;
import dev.kubereplay.protocol.cluster.ScopeParams;
import dev.kubereplay.protocol.cluster.WatchParams;
import dev.kubereplay.protocol.cluster.WorkloadDto;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The infrastructure view's state and the requests that fill it; knows nothing of Swing. Loads
 * lazily what the tool window {@link #show shows}, watches the scope in focus, and asks again for
 * exactly the views a {@code cluster/didChange} names. All state lives on {@code executor} (one
 * thread, never the UI thread, the same as the contexts model's); listeners are told there.
 */
public final class ClusterModel {

  /** Told of every new state, on the model's executor. */
  @FunctionalInterface
  public interface Listener {
    void clusterChanged(ClusterState state);
  }

  private static final Logger LOG = Logger.getLogger(ClusterModel.class.getName());

  private final ServerCalls server;
  private final Executor executor;
  private final ContextsModel contexts;
  private final List<Listener> listeners = new CopyOnWriteArrayList<>();

  // Confined to the executor.
  private ContextsState contextsState = new ContextsState.Loading();
  private final Map<String, Load<ClusterDto>> clusters = new HashMap<>();
  private final Map<String, Load<ListNamespacesResponse>> namespaces = new HashMap<>();
  private final Map<String, List<String>> added = new HashMap<>();
  private final Map<String, FreshnessDto> connections = new HashMap<>();
  private final Map<ViewKey, Load<Object>> views = new HashMap<>();
  private final Requests requests;
  private Shown shown = Shown.NOTHING;
  private WatchParams watching;

  private volatile ClusterState state = ClusterState.initial();

  /**
   * @param contexts the contexts model, running on the same {@code executor}
   * @param executor a single thread that is not the UI thread
   */
  public ClusterModel(ServerCalls server, Executor executor, ContextsModel contexts) {
    this.server = server;
    this.executor = executor;
    this.contexts = contexts;
    this.requests = new Requests(executor, this::publish);
    contexts.addListener(
        next -> {
          contextsState = next;
          publish();
        });
  }

  public ClusterState state() {
    return state;
  }

  /** Adds a listener and tells it the current state. */
  public void addListener(Listener listener) {
    listeners.add(listener);
    executor.execute(() -> listener.clusterChanged(state));
  }

  public void removeListener(Listener listener) {
    listeners.remove(listener);
  }

  /** Asks again for the contexts and everything shown; forgets what is not shown. */
  public void refresh() {
    contexts.refresh();
    executor.execute(
        () -> {
          clusters.keySet().retainAll(shown.describedContexts());
          namespaces.keySet().retainAll(shown.contexts());
          views.keySet().removeIf(key -> !shown.shows(key));
          List.copyOf(clusters.keySet()).forEach(this::fetchCluster);
          List.copyOf(namespaces.keySet()).forEach(this::fetchNamespaces);
          List.copyOf(views.keySet()).forEach(this::fetchView);
          loadMissing();
          if (WatchPlan.wanted(shown).isPresent()) {
            watching = null; // a restarted server watches nothing: say it again
          }
          applyWatch();
          publish();
        });
  }

  /** The tool window now shows this: loads what is missing and watches the scope in focus. */
  public void show(Shown next) {
    executor.execute(
        () -> {
          shown = next;
          loadMissing();
          applyWatch();
        });
  }

  /** A {@code cluster/didChange} from the server; called on lsp4j's thread, so only hands over. */
  public void didChange(DidChangeClusterParams change) {
    if (concernsContexts(change)) {
      contexts.refresh();
    }
    executor.execute(() -> applyChange(change));
  }

  /** Asks again for one view, e.g. after an action changed it. */
  public void refreshView(Scope scope, ViewKind kind) {
    executor.execute(() -> fetchView(ViewKey.of(scope, kind)));
  }

  /** Shows the workload as the server returned it after a change, until the view is asked again. */
  public void replaceWorkload(Scope scope, WorkloadDto workload) {
    executor.execute(
        () -> {
          ViewKey key = ViewKey.of(scope, ViewKind.WORKLOADS);
          if (views.get(key) instanceof Load.Loaded<Object> loaded
              && loaded.value() instanceof ListWorkloadsResponse response) {
            List<WorkloadDto> list = new ArrayList<>();
            for (WorkloadDto w : response.workloads()) {
              boolean same = w.kind().equals(workload.kind()) && w.name().equals(workload.name());
              list.add(same ? workload : w);
            }
            ListWorkloadsResponse changed = new ListWorkloadsResponse(list, response.freshness());
            views.put(key, new Load.Loaded<>(changed, loaded.freshness()));
            publish();
          }
        });
  }

  /** Shows a namespace the user named, e.g. one a user may use but not list. */
  public void addNamespace(String context, String namespace) {
    executor.execute(
        () -> {
          List<String> names = new ArrayList<>(added.getOrDefault(context, List.of()));
          if (!names.contains(namespace)) {
            names.add(namespace);
            added.put(context, List.copyOf(names));
            publish();
          }
        });
  }

  /** Lists a context's namespaces again; completes with what the tree then shows for it. */
  public CompletableFuture<List<String>> loadNamespaces(String context) {
    return CompletableFuture.supplyAsync(() -> fetchNamespaces(context), executor)
        .thenCompose(done -> done)
        .thenApply(ignored -> state.namespacesOf(context));
  }

  /**
   * Sends a request from the model's thread, for callers on the UI thread (the actions), which must
   * neither start the server nor wait on it. The answer completes on lsp4j's thread.
   */
  public <T> CompletableFuture<T> send(
      Function<KubeReplayRpcServer, CompletableFuture<T>> request) {
    return CompletableFuture.supplyAsync(() -> server.call(request), executor)
        .thenCompose(answer -> answer);
  }

  /** The server stopped: it watches nothing any more. */
  public void serverStopped() {
    executor.execute(
        () -> {
          watching = null;
          publish();
        });
  }

  /** Changes of other kinds than views and the connection concern the contexts. */
  public static boolean concernsContexts(DidChangeClusterParams change) {
    return change.changes() == null
        || change.changes().isEmpty()
        || change.changes().contains(ClusterChangeKind.CONTEXTS);
  }

  private void applyChange(DidChangeClusterParams change) {
    List<ClusterChangeKind> kinds = change.changes() == null ? List.of() : change.changes();
    if (change.context() == null) {
      return;
    }
    if (kinds.contains(ClusterChangeKind.VIEWS) && change.views() != null) {
      Scope scope = new Scope(change.context(), change.namespace());
      for (ClusterView view : change.views()) {
        ViewKey key = ViewKey.of(scope, ViewKind.of(view));
        if (views.containsKey(key)) {
          fetchView(key);
        }
      }
    }
    if (kinds.contains(ClusterChangeKind.CONNECTION) && change.freshness() != null) {
      connectionChanged(change.context(), change.freshness());
    }
  }

  private void connectionChanged(String context, FreshnessDto freshness) {
    connections.put(context, freshness);
    for (Map.Entry<ViewKey, Load<Object>> entry : List.copyOf(views.entrySet())) {
      if (entry.getKey().scope().context().equals(context)
          && entry.getValue() instanceof Load.Loaded<Object> loaded) {
        entry.setValue(new Load.Loaded<>(loaded.value(), freshness));
      }
    }
    publish();
    if (!freshness.stale()) {
      // Back: what was missed while away comes with a fresh answer.
      for (ViewKey key : List.copyOf(views.keySet())) {
        if (key.scope().context().equals(context) && shown.shows(key)) {
          fetchView(key);
        }
      }
    }
  }

  private void loadMissing() {
    for (String context : shown.describedContexts()) {
      if (!clusters.containsKey(context)) {
        fetchCluster(context);
      }
    }
    for (String context : shown.contexts()) {
      if (!namespaces.containsKey(context)) {
        fetchNamespaces(context);
      }
    }
    for (Map.Entry<Scope, Set<ViewKind>> entry : shown.views().entrySet()) {
      for (ViewKind kind : entry.getValue()) {
        loadView(entry.getKey(), kind);
      }
    }
    if (shown.selectedScope() != null && shown.selectedView() != null) {
      loadView(shown.selectedScope(), shown.selectedView());
    }
  }

  private void loadView(Scope scope, ViewKind kind) {
    ViewKey key = ViewKey.of(scope, kind);
    if (!views.containsKey(key) && shown.shows(key)) {
      fetchView(key);
    }
  }

  private void applyWatch() {
    WatchParams wanted = WatchPlan.wanted(shown).orElse(null);
    if (Objects.equals(wanted, watching)) {
      return;
    }
    if (wanted == null) {
      send(new WatchParams(watching.context(), watching.namespace(), List.of()));
      watching = null;
      publish();
      return;
    }
    Collection<ClusterView> before =
        watching != null
                && watching.context().equals(wanted.context())
                && watching.namespace().equals(wanted.namespace())
            ? watching.views()
            : List.of();
    send(wanted);
    watching = wanted;
    // Views that were not live may have changed meanwhile: ask for those already shown again.
    Scope scope = new Scope(wanted.context(), wanted.namespace());
    for (ClusterView view : wanted.views()) {
      ViewKey key = ViewKey.of(scope, ViewKind.of(view));
      if (!before.contains(view)
          && views.get(key) instanceof Load.Loaded
          && !requests.asking("view", key)) {
        fetchView(key);
      }
    }
    publish();
  }

  private void send(WatchParams params) {
    server
        .call(s -> s.getClusterService().watch(params))
        .whenCompleteAsync(
            (response, error) -> {
              if (error != null) {
                LOG.log(Level.INFO, "cluster/watch " + params + " failed", error);
                if (params.equals(watching)) {
                  watching = null; // said again on the next change of what is shown
                  publish();
                }
              }
            },
            executor);
  }

  private CompletableFuture<Void> fetchCluster(String context) {
    return requests.fetch(
        "cluster",
        clusters,
        context,
        () ->
            server
                .call(
                    s ->
                        s.getClusterService()
                            .listClusters(new ListClustersParams(List.of(context))))
                .thenApply(
                    response ->
                        response.clusters().stream()
                            .filter(c -> c.context().equals(context))
                            .findFirst()
                            .orElseThrow(
                                () ->
                                    new IllegalStateException(
                                        "the server listed no cluster for " + context))),
        answer -> Load.FRESH);
  }

  private CompletableFuture<Void> fetchNamespaces(String context) {
    return requests.fetch(
        "namespaces",
        namespaces,
        context,
        () ->
            server.call(s -> s.getClusterService().listNamespaces(new ScopeParams(context, null))),
        answer -> Load.FRESH);
  }

  private CompletableFuture<Void> fetchView(ViewKey key) {
    return requests.fetch(
        "view", views, key, () -> ViewRequests.fetch(server, key), ViewRequests::freshnessOf);
  }

  private void publish() {
    ClusterState next =
        new ClusterState(
            contextsState,
            Map.copyOf(clusters),
            Map.copyOf(namespaces),
            Map.copyOf(added),
            Map.copyOf(connections),
            Map.copyOf(views),
            watching);
    state = next;
    for (Listener listener : listeners) {
      listener.clusterChanged(next);
    }
  }
}
