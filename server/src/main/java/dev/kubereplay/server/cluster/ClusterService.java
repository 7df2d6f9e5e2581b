package dev.kubereplay.server.cluster;

import dev.kubereplay.protocol.cluster.ClusterView;
import dev.kubereplay.protocol.cluster.ConfigurationResponse;
import dev.kubereplay.protocol.cluster.DeleteReplayResponse;
import dev.kubereplay.protocol.cluster.FreshnessDto;
import dev.kubereplay.protocol.cluster.ListEventsResponse;
import dev.kubereplay.protocol.cluster.ListNamespacesResponse;
import dev.kubereplay.protocol.cluster.ListReplaysResponse;
import dev.kubereplay.protocol.cluster.ListSecretsResponse;
import dev.kubereplay.protocol.cluster.ListServicesResponse;
import dev.kubereplay.protocol.cluster.ListWorkloadsResponse;
import dev.kubereplay.protocol.cluster.WatchResponse;
import dev.kubereplay.protocol.cluster.WorkloadDto;
import dev.kubereplay.protocol.cluster.WorkloadRefDto;
import dev.kubereplay.server.cluster.kube.ClusterClients;
import dev.kubereplay.server.cluster.kube.KubeErrors;
import dev.kubereplay.server.cluster.kube.ResourceKind;
import dev.kubereplay.server.cluster.live.ClusterReader;
import dev.kubereplay.server.cluster.live.ClusterReader.Result;
import dev.kubereplay.server.cluster.live.Freshness;
import dev.kubereplay.server.cluster.live.LiveView;
import dev.kubereplay.server.cluster.live.LiveViews;
import dev.kubereplay.server.cluster.views.ConfigurationView;
import dev.kubereplay.server.cluster.views.EventsView;
import dev.kubereplay.server.cluster.views.ReplaysView;
import dev.kubereplay.server.cluster.views.SecretsView;
import dev.kubereplay.server.cluster.views.ServicesView;
import dev.kubereplay.server.cluster.views.Workload;
import dev.kubereplay.server.cluster.views.WorkloadsView;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Stream;

/**
 * The infrastructure view of one kube context and namespace at a time: what the IDE trees, the
 * tables and the {@code kubereplay cluster} commands show. Knows nothing of JSON-RPC.
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

  /** The Kubernetes clients, for the log service. */
  public ClusterClients clients() {
    return clients;
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

  public ListNamespacesResponse namespaces(Scope scope) {
    KubernetesClient client = clients.client(scope.context());
    try {
      List<String> names =
          KubeErrors.call("list", "namespaces", null, () -> client.namespaces().list().getItems())
              .stream()
              .map(Namespace::getMetadata)
              .map(meta -> meta.getName())
              .sorted()
              .toList();
      return new ListNamespacesResponse(names, false, null);
    } catch (ClusterException e) {
      if (e.reason() != ClusterException.Reason.FORBIDDEN) {
        throw e;
      }
      return new ListNamespacesResponse(
          List.of(scope.namespace()), true, e.getMessage() + "; showing the context's namespace");
    }
  }

  public ConfigurationResponse configuration(String context, String namespace) {
    Scope scope =
        namespace != null
            ? scope(context, namespace)
            : operators.operatorScope(scope(context, null));
    Result<ConfigMap> maps = reader.list(scope, ResourceKind.CONFIG_MAPS);
    ConfigMap config = byName(maps.items(), ClusterContract.OPERATOR_CONFIGMAP);
    ConfigMap overrides = byName(maps.items(), ClusterContract.OVERRIDES_CONFIGMAP);
    return new ConfigurationResponse(
        scope.namespace(),
        config != null,
        overrides != null,
        ConfigurationView.build(config, overrides),
        dto(maps.freshness()));
  }

  public ListWorkloadsResponse workloads(Scope scope) {
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
    List<WorkloadDto> rows =
        WorkloadsView.build(
            new WorkloadsView.Input(
                deployments.items(),
                statefulSets.items(),
                daemonSets.items(),
                pods.items(),
                events.items()));
    return new ListWorkloadsResponse(
        rows, dto(ClusterReader.combine(deployments, statefulSets, daemonSets, pods, events)));
  }

  /** Events add detail to workloads; a user who may not read them still sees the workloads. */
  private Result<io.fabric8.kubernetes.api.model.Event> optionalEvents(Scope scope) {
    try {
      return reader.list(scope, ResourceKind.EVENTS);
    } catch (ClusterException e) {
      if (e.reason() == ClusterException.Reason.FORBIDDEN) {
        return new Result<>(List.of(), Freshness.FRESH);
      }
      throw e;
    }
  }

  public WorkloadDto setInjection(Scope scope, WorkloadRefDto workload, boolean enabled) {
    return toggles.set(scope, workload, ClusterContract.INJECT_ANNOTATION, enabled, reader);
  }

  public WorkloadDto setTlsOut(Scope scope, WorkloadRefDto workload, boolean enabled) {
    return toggles.set(scope, workload, ClusterContract.TLS_OUT_ANNOTATION, enabled, reader);
  }

  public ListSecretsResponse secrets(Scope scope) {
    var secrets = reader.list(scope, ResourceKind.SECRETS);
    return new ListSecretsResponse(SecretsView.build(secrets.items()), dto(secrets.freshness()));
  }

  public ListServicesResponse services(Scope scope) {
    var servicesAsync = read(scope, ResourceKind.SERVICES);
    var deploymentsAsync = read(scope, ResourceKind.DEPLOYMENTS);
    var statefulSetsAsync = read(scope, ResourceKind.STATEFUL_SETS);
    var daemonSetsAsync = read(scope, ResourceKind.DAEMON_SETS);
    var services = join(servicesAsync);
    var deployments = join(deploymentsAsync);
    var statefulSets = join(statefulSetsAsync);
    var daemonSets = join(daemonSetsAsync);
    List<Workload> workloads = workloads(deployments, statefulSets, daemonSets);
    return new ListServicesResponse(
        ServicesView.build(services.items(), workloads),
        dto(ClusterReader.combine(services, deployments, statefulSets, daemonSets)));
  }

  public ListEventsResponse events(Scope scope) {
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
    return new ListEventsResponse(
        EventsView.build(
            events.items(), workloads(deployments, statefulSets, daemonSets), pods.items()),
        dto(ClusterReader.combine(events, pods, deployments, statefulSets, daemonSets)));
  }

  public ListReplaysResponse replays(Scope scope) {
    try {
      Result<GenericKubernetesResource> replays = reader.list(scope, ResourceKind.REPLAYS);
      return new ListReplaysResponse(
          ReplaysView.build(replays.items()), true, dto(replays.freshness()));
    } catch (ClusterException e) {
      if (e.reason() == ClusterException.Reason.NOT_FOUND) {
        return new ListReplaysResponse(
            List.of(), false, new dev.kubereplay.protocol.cluster.FreshnessDto(false, null, null));
      }
      throw e;
    }
  }

  public DeleteReplayResponse deleteReplay(Scope scope, String name) {
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
    return new DeleteReplayResponse(deleted != null && !deleted.isEmpty());
  }

  public WatchResponse watch(Scope scope, Set<ClusterView> views) {
    boolean replaysAvailable =
        !views.contains(ClusterView.REPLAYS) || replays(scope).crdInstalled();
    live.watch(scope, liveViews(views), replaysAvailable);
    return new WatchResponse(scope.context(), scope.namespace(), List.copyOf(views));
  }

  // Until the answers below are domain values mapped in rpc/, the freshness and views are
  // translated here.
  private static FreshnessDto dto(Freshness freshness) {
    return new FreshnessDto(freshness.stale(), freshness.since(), freshness.reason());
  }

  private static Set<LiveView> liveViews(Set<ClusterView> views) {
    return views.stream()
        .map(view -> LiveView.valueOf(view.name()))
        .collect(
            java.util.stream.Collectors.toCollection(
                () -> java.util.EnumSet.noneOf(LiveView.class)));
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
