package dev.kubereplay.server.cluster.live;

import dev.kubereplay.server.cluster.Scope;
import dev.kubereplay.server.cluster.kube.ClusterClients;
import dev.kubereplay.server.cluster.kube.ResourceKind;
import dev.kubereplay.server.timer.PeriodicJob;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.logging.Logger;

/**
 * Keeps what an IDE shows live: informers for the kinds its views need, started when it says it
 * shows them and stopped when it no longer does. Informer handlers only record what changed; a
 * periodic flush turns that into at most a few notifications per second, and watches the connection
 * so the IDE hears when its data turns stale and when it is fresh again. The flush runs on a thread
 * of its own: a client that reads slowly delays only its own notifications, and what changed
 * meanwhile is merged, not queued.
 */
public final class LiveViews implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(LiveViews.class.getName());
  private static final Duration FLUSH_EVERY = Duration.ofMillis(250);

  /** What the IDE is told. */
  public interface Listener {
    void viewsChanged(Scope scope, Set<LiveView> views);

    void connectionChanged(Scope scope, Freshness freshness);
  }

  private final ClusterClients clients;
  private final Listener listener;
  private final Clock clock;
  private final PeriodicJob flusher;
  private final Map<ResourceKind<?>, SharedIndexInformer<?>> informers = new HashMap<>();
  private final Set<LiveView> changed = EnumSet.noneOf(LiveView.class);

  /**
   * Kinds whose informer has been watching since it started. Only those can lose the connection: a
   * new informer is synced (listed) a moment before its watch starts, and that is no loss.
   */
  private final Set<ResourceKind<?>> watched = new HashSet<>();

  private Scope scope;
  private Set<LiveView> views = EnumSet.noneOf(LiveView.class);
  private Instant staleSince;

  public LiveViews(
      ClusterClients clients, ScheduledExecutorService scheduler, Clock clock, Listener listener) {
    this.clients = clients;
    this.listener = listener;
    this.clock = clock;
    this.flusher = PeriodicJob.start(scheduler, "kubereplay-live-views", FLUSH_EVERY, this::flush);
  }

  /** The kinds each view is made of. */
  static Set<ResourceKind<?>> kindsOf(LiveView view) {
    return switch (view) {
      case WORKLOADS ->
          Set.of(
              ResourceKind.DEPLOYMENTS,
              ResourceKind.STATEFUL_SETS,
              ResourceKind.DAEMON_SETS,
              ResourceKind.PODS,
              ResourceKind.EVENTS);
      case SERVICES ->
          Set.of(
              ResourceKind.SERVICES,
              ResourceKind.DEPLOYMENTS,
              ResourceKind.STATEFUL_SETS,
              ResourceKind.DAEMON_SETS);
      case EVENTS ->
          Set.of(
              ResourceKind.EVENTS,
              ResourceKind.PODS,
              ResourceKind.DEPLOYMENTS,
              ResourceKind.STATEFUL_SETS,
              ResourceKind.DAEMON_SETS);
      case SECRETS -> Set.of(ResourceKind.SECRETS);
      case REPLAYS -> Set.of(ResourceKind.REPLAYS);
    };
  }

  /**
   * Shows {@code views} of {@code scope} from now on, and nothing else. {@code replaysAvailable}
   * false keeps an informer off a TrafficReplay CRD that is not installed.
   */
  public synchronized void watch(Scope scope, Set<LiveView> views, boolean replaysAvailable) {
    Set<ResourceKind<?>> wanted = new LinkedHashSet<>();
    for (LiveView view : views) {
      wanted.addAll(kindsOf(view));
    }
    if (!replaysAvailable) {
      wanted.remove(ResourceKind.REPLAYS);
    }
    if (!scope.equals(this.scope)) {
      stopAll();
      this.scope = scope;
      this.staleSince = null;
    }
    informers
        .keySet()
        .removeIf(
            kind -> {
              if (!wanted.contains(kind)) {
                informers.get(kind).close();
                watched.remove(kind);
                return true;
              }
              return false;
            });
    for (ResourceKind<?> kind : wanted) {
      SharedIndexInformer<?> running = informers.get(kind);
      // one the API server refused gave up; asked again, it tries again (RBAC may have changed)
      if (running == null || running.stopped().toCompletableFuture().isDone()) {
        informers.put(kind, start(scope, kind));
        watched.remove(kind);
      }
    }
    this.views = views.isEmpty() ? EnumSet.noneOf(LiveView.class) : EnumSet.copyOf(views);
    LOG.info(
        "watching " + this.views + " of " + scope + " with " + informers.size() + " informers");
  }

  private <T extends HasMetadata> SharedIndexInformer<T> start(Scope scope, ResourceKind<T> kind) {
    SharedIndexInformer<T> informer =
        kind.operation()
            .apply(clients.client(scope.context()))
            .inNamespace(scope.namespace())
            .withLimit(500L)
            .runnableInformer(0);
    informer.addEventHandler(
        new ResourceEventHandler<T>() {
          @Override
          public void onAdd(T object) {
            slim(object);
            changed(kind);
          }

          @Override
          public void onUpdate(T before, T after) {
            slim(after);
            changed(kind);
          }

          @Override
          public void onDelete(T object, boolean finalStateUnknown) {
            changed(kind);
          }
        });
    // Retry for ever when the API server is away; give up when the user may not list the kind:
    // reads then fall back to a direct list, which says "forbidden" on that view alone.
    informer.exceptionHandler((started, failure) -> !refused(failure));
    informer.start();
    return informer;
  }

  /**
   * Drops what no view reads from a cached object: field-manager bookkeeping and kubectl's copy of
   * the last applied manifest are often half an object's size, and the cache holds every pod.
   */
  static void slim(HasMetadata object) {
    var meta = object.getMetadata();
    if (meta == null) {
      return;
    }
    meta.setManagedFields(null);
    if (meta.getAnnotations() != null) {
      meta.getAnnotations().remove("kubectl.kubernetes.io/last-applied-configuration");
    }
  }

  /**
   * Whether the API server refused the informer (401, 403, 404): retrying will not help. fabric8
   * hands the handler its failure wrapped (a CompletionException), so the cause chain is searched.
   */
  static boolean refused(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof KubernetesClientException e) {
        return e.getCode() == 401 || e.getCode() == 403 || e.getCode() == 404;
      }
    }
    return false;
  }

  private synchronized void changed(ResourceKind<?> kind) {
    for (LiveView view : views) {
      if (kindsOf(view).contains(kind)) {
        changed.add(view);
      }
    }
  }

  /** The objects of a kind from a synced informer of that scope, if one runs. */
  public synchronized <T extends HasMetadata> Optional<ClusterReader.Result<T>> list(
      Scope scope, ResourceKind<T> kind) {
    if (!scope.equals(this.scope)) {
      return Optional.empty();
    }
    SharedIndexInformer<?> informer = informers.get(kind);
    if (informer == null
        || !informer.hasSynced()
        || informer.stopped().toCompletableFuture().isDone()) {
      return Optional.empty();
    }
    @SuppressWarnings("unchecked")
    List<T> items = List.copyOf((List<T>) informer.getStore().list());
    return Optional.of(new ClusterReader.Result<>(items, freshness()));
  }

  private Freshness freshness() {
    if (staleSince == null) {
      return Freshness.FRESH;
    }
    return Freshness.staleSince(staleSince, "lost the watch on the API server; reconnecting");
  }

  private void flush() {
    Scope flushScope;
    Set<LiveView> flushViews;
    Freshness connection = null;
    synchronized (this) {
      if (scope == null) {
        return;
      }
      flushScope = scope;
      boolean watching = true;
      for (Map.Entry<ResourceKind<?>, SharedIndexInformer<?>> entry : informers.entrySet()) {
        SharedIndexInformer<?> informer = entry.getValue();
        if (informer.stopped().toCompletableFuture().isDone()) {
          continue;
        }
        if (informer.isWatching()) {
          watched.add(entry.getKey());
        } else if (watched.contains(entry.getKey())) {
          watching = false;
        }
      }
      if (!watching && staleSince == null) {
        staleSince = clock.instant();
        connection = freshness();
      } else if (watching && staleSince != null) {
        staleSince = null;
        connection = Freshness.FRESH;
      }
      flushViews = changed.isEmpty() ? Set.of() : EnumSet.copyOf(changed);
      changed.clear();
    }
    try {
      if (connection != null) {
        LOG.info(
            "connection to " + flushScope.context() + (connection.stale() ? " lost" : " back"));
        listener.connectionChanged(flushScope, connection);
      }
      if (!flushViews.isEmpty()) {
        listener.viewsChanged(flushScope, flushViews);
      }
    } catch (RuntimeException e) {
      LOG.warning("could not notify the client: " + e.getMessage());
    }
  }

  private void stopAll() {
    informers.values().forEach(SharedIndexInformer::close);
    informers.clear();
    watched.clear();
    changed.clear();
  }

  @Override
  public synchronized void close() {
    flusher.close();
    stopAll();
    scope = null;
  }
}
