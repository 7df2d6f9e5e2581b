package dev.kubereplay.server.cluster;

import dev.kubereplay.server.cluster.kube.ClusterClients;
import dev.kubereplay.server.cluster.kube.KubeErrors;
import dev.kubereplay.server.cluster.kube.ResourceKind;
import dev.kubereplay.server.cluster.live.ClusterReader;
import dev.kubereplay.server.cluster.live.ClusterReader.Result;
import dev.kubereplay.server.cluster.live.LiveViews;
import dev.kubereplay.server.cluster.logs.LogService;
import dev.kubereplay.server.cluster.views.ConfigurationView;
import dev.kubereplay.server.cluster.views.EventRow;
import dev.kubereplay.server.cluster.views.EventsView;
import dev.kubereplay.server.cluster.views.ReplayRow;
import dev.kubereplay.server.cluster.views.ReplaysView;
import dev.kubereplay.server.cluster.views.SecretRow;
import dev.kubereplay.server.cluster.views.SecretsView;
import dev.kubereplay.server.cluster.views.ServiceRow;
import dev.kubereplay.server.cluster.views.ServicesView;
import dev.kubereplay.server.cluster.views.Workload;
import dev.kubereplay.server.cluster.views.WorkloadRef;
import dev.kubereplay.server.cluster.views.WorkloadRow;
import dev.kubereplay.server.cluster.views.WorkloadsView;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Stream;

/**
 * The infrastructure view of one kube context and namespace at a time: what the IDE trees, the
 * tables and the {@code kubereplay cluster} commands show. Knows nothing of JSON-RPC: it answers in
 * its own types, which {@code rpc} maps to the protocol's.
 */
public final class ClusterService implements AutoCloseable {

  private final Executor executor;
  private final KubeconfigLoader kubeconfig;
  private final ClusterClients clients;
  private final ClusterReader reader;
  private final LiveViews live;
  private final WorkloadToggles toggles;
  private final OperatorLookup operators;

  public ClusterService(
      KubeconfigLoader kubeconfig,
      ClusterClients clients,
      ClusterReader reader,
      LiveViews live,
      Executor executor) {
    this.executor = executor;
    this.kubeconfig = kubeconfig;
    this.clients = clients;
    this.reader = reader;
    this.live = live;
    this.toggles = new WorkloadToggles(clients);
    this.operators = new OperatorLookup(kubeconfig, clients);
  }

  /**
   * The cluster area as the RPC server and the CLI both use it: clients per context, live views
   * reporting to {@code listener}, reads through them. Closing it closes those.
   */
  public static ClusterService create(
      KubeconfigLoader kubeconfig,
      ScheduledExecutorService scheduler,
      ExecutorService executor,
      LiveViews.Listener listener) {
    ClusterClients clients = new ClusterClients(kubeconfig, ClusterClients.Timeouts.INTERACTIVE);
    LiveViews live = new LiveViews(clients, scheduler, Clock.systemUTC(), listener);
    return new ClusterService(
        kubeconfig, clients, new ClusterReader(clients, live, Clock.systemUTC()), live, executor);
  }

  /** A log service reading through this service's clients. */
  public LogService logService(ScheduledExecutorService scheduler) {
    return new LogService(clients, scheduler);
  }

  /**
   * The live views this service reads through; {@link LiveViews#watch} chooses what they follow.
   */
  public LiveViews live() {
    return live;
  }

  @Override
  public void close() {
    live.close();
    clients.close();
  }

  public Scope scope(String context, String namespace) {
    return Scope.resolve(kubeconfig.load(), context, namespace);
  }

  public OperatorLookup operators() {
    return operators;
  }

  public Namespaces namespaces(Scope scope) {
    KubernetesClient client = clients.client(scope.context());
    try {
      List<String> names =
          KubeErrors.call("list", "namespaces", null, () -> client.namespaces().list().getItems())
              .stream()
              .map(Namespace::getMetadata)
              .map(meta -> meta.getName())
              .sorted()
              .toList();
      return new Namespaces(names, false, null);
    } catch (ClusterException e) {
      if (e.reason() != ClusterException.Reason.FORBIDDEN) {
        throw e;
      }
      return new Namespaces(
          List.of(scope.namespace()), true, e.getMessage() + "; showing the context's namespace");
    }
  }

  public Configuration configuration(String context, String namespace) {
    Scope scope =
        namespace != null
            ? scope(context, namespace)
            : operators.operatorScope(scope(context, null));
    Result<ConfigMap> maps = reader.list(scope, ResourceKind.CONFIG_MAPS);
    ConfigMap config = byName(maps.items(), ClusterContract.OPERATOR_CONFIGMAP);
    ConfigMap overrides = byName(maps.items(), ClusterContract.OVERRIDES_CONFIGMAP);
    return new Configuration(
        scope.namespace(),
        config != null,
        overrides != null,
        new Result<>(ConfigurationView.build(config, overrides), maps.freshness()));
  }

  public Result<WorkloadRow> workloads(Scope scope) {
    var deploymentsAsync = read(scope, ResourceKind.DEPLOYMENTS);
    var statefulSetsAsync = read(scope, ResourceKind.STATEFUL_SETS);
    var daemonSetsAsync = read(scope, ResourceKind.DAEMON_SETS);
    var podsAsync = read(scope, ResourceKind.PODS);
    var eventsAsync = CompletableFuture.supplyAsync(() -> optionalEvents(scope), executor);
    var deployments = join(deploymentsAsync);
    var statefulSets = join(statefulSetsAsync);
    var daemonSets = join(daemonSetsAsync);
    var pods = join(podsAsync);
    var events = join(eventsAsync);
    List<WorkloadRow> rows =
        WorkloadsView.build(
            new WorkloadsView.Input(
                deployments.items(),
                statefulSets.items(),
                daemonSets.items(),
                pods.items(),
                events.items()));
    return new Result<>(
        rows, ClusterReader.combine(deployments, statefulSets, daemonSets, pods, events));
  }

  /** Events add detail to workloads; a user who may not read them still sees the workloads. */
  private Result<io.fabric8.kubernetes.api.model.Event> optionalEvents(Scope scope) {
    try {
      return reader.list(scope, ResourceKind.EVENTS);
    } catch (ClusterException e) {
      if (e.reason() == ClusterException.Reason.FORBIDDEN) {
        return new Result<>(List.of(), ClusterReader.combine()); // nothing read: nothing stale
      }
      throw e;
    }
  }

  public WorkloadRow setInjection(Scope scope, WorkloadRef workload, boolean enabled) {
    return toggles.set(scope, workload, ClusterContract.INJECT_ANNOTATION, enabled, reader);
  }

  public WorkloadRow setTlsOut(Scope scope, WorkloadRef workload, boolean enabled) {
    return toggles.set(scope, workload, ClusterContract.TLS_OUT_ANNOTATION, enabled, reader);
  }

  public Result<SecretRow> secrets(Scope scope) {
    var secrets = reader.list(scope, ResourceKind.SECRETS);
    return new Result<>(SecretsView.build(secrets.items()), secrets.freshness());
  }

  public Result<ServiceRow> services(Scope scope) {
    var servicesAsync = read(scope, ResourceKind.SERVICES);
    var deploymentsAsync = read(scope, ResourceKind.DEPLOYMENTS);
    var statefulSetsAsync = read(scope, ResourceKind.STATEFUL_SETS);
    var daemonSetsAsync = read(scope, ResourceKind.DAEMON_SETS);
    var services = join(servicesAsync);
    var deployments = join(deploymentsAsync);
    var statefulSets = join(statefulSetsAsync);
    var daemonSets = join(daemonSetsAsync);
    List<Workload> workloads = workloads(deployments, statefulSets, daemonSets);
    return new Result<>(
        ServicesView.build(services.items(), workloads),
        ClusterReader.combine(services, deployments, statefulSets, daemonSets));
  }

  public Result<EventRow> events(Scope scope) {
    var eventsAsync = read(scope, ResourceKind.EVENTS);
    var podsAsync = read(scope, ResourceKind.PODS);
    var deploymentsAsync = read(scope, ResourceKind.DEPLOYMENTS);
    var statefulSetsAsync = read(scope, ResourceKind.STATEFUL_SETS);
    var daemonSetsAsync = read(scope, ResourceKind.DAEMON_SETS);
    var events = join(eventsAsync);
    var pods = join(podsAsync);
    var deployments = join(deploymentsAsync);
    var statefulSets = join(statefulSetsAsync);
    var daemonSets = join(daemonSetsAsync);
    return new Result<>(
        EventsView.build(
            events.items(), workloads(deployments, statefulSets, daemonSets), pods.items()),
        ClusterReader.combine(events, pods, deployments, statefulSets, daemonSets));
  }

  public Replays replays(Scope scope) {
    try {
      Result<GenericKubernetesResource> replays = reader.list(scope, ResourceKind.REPLAYS);
      return new Replays(
          new Result<>(ReplaysView.build(replays.items()), replays.freshness()), true);
    } catch (ClusterException e) {
      if (e.reason() == ClusterException.Reason.NOT_FOUND) {
        // no CRD: nothing read, so nothing stale
        return new Replays(new Result<>(List.<ReplayRow>of(), ClusterReader.combine()), false);
      }
      throw e;
    }
  }

  /** Deletes one TrafficReplay; false when there was none of that name. */
  public boolean deleteReplay(Scope scope, String name) {
    KubernetesClient client = clients.client(scope.context());
    var deleted =
        KubeErrors.call(
            "delete",
            "trafficreplays",
            scope.namespace(),
            () ->
                ResourceKind.REPLAYS
                    .operation()
                    .apply(client)
                    .inNamespace(scope.namespace())
                    .withName(name)
                    .delete());
    return deleted != null && !deleted.isEmpty();
  }

  /** Whether the replays view can be followed: the cluster knows the TrafficReplay resource. */
  public boolean replaysInstalled(Scope scope) {
    return replays(scope).crdInstalled();
  }

  private static List<Workload> workloads(
      Result<io.fabric8.kubernetes.api.model.apps.Deployment> deployments,
      Result<io.fabric8.kubernetes.api.model.apps.StatefulSet> statefulSets,
      Result<io.fabric8.kubernetes.api.model.apps.DaemonSet> daemonSets) {
    return Stream.of(
            deployments.items().stream().map(Workload::of),
            statefulSets.items().stream().map(Workload::of),
            daemonSets.items().stream().map(Workload::of))
        .flatMap(s -> s)
        .toList();
  }

  /** Reads one kind while the caller starts the others: a view's lists go out together. */
  private <T extends io.fabric8.kubernetes.api.model.HasMetadata> CompletableFuture<Result<T>> read(
      Scope scope, ResourceKind<T> kind) {
    return CompletableFuture.supplyAsync(() -> reader.list(scope, kind), executor);
  }

  private static <T> T join(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }

  private static ConfigMap byName(List<ConfigMap> maps, String name) {
    return maps.stream()
        .filter(m -> name.equals(m.getMetadata().getName()))
        .findFirst()
        .orElse(null);
  }
}
