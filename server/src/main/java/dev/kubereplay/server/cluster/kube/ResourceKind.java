package dev.kubereplay.server.cluster.kube;

import static dev.kubereplay.server.cluster.ClusterContract.REPLAY_API_VERSION;
import static dev.kubereplay.server.cluster.ClusterContract.REPLAY_KIND;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.function.Function;

/**
 * A kind of namespaced object kubereplay reads, with how to reach it through fabric8.
 *
 * @param resource the plural resource name, as RBAC and error messages say it
 */
public record ResourceKind<T extends HasMetadata>(
    String resource,
    Class<T> type,
    Function<KubernetesClient, MixedOperation<T, ? extends KubernetesResourceList<T>, ?>>
        operation) {

  public static final ResourceKind<Deployment> DEPLOYMENTS =
      new ResourceKind<>("deployments", Deployment.class, c -> c.apps().deployments());
  public static final ResourceKind<StatefulSet> STATEFUL_SETS =
      new ResourceKind<>("statefulsets", StatefulSet.class, c -> c.apps().statefulSets());
  public static final ResourceKind<DaemonSet> DAEMON_SETS =
      new ResourceKind<>("daemonsets", DaemonSet.class, c -> c.apps().daemonSets());
  public static final ResourceKind<Pod> PODS = new ResourceKind<>("pods", Pod.class, c -> c.pods());
  public static final ResourceKind<Secret> SECRETS =
      new ResourceKind<>("secrets", Secret.class, c -> c.secrets());
  public static final ResourceKind<Service> SERVICES =
      new ResourceKind<>("services", Service.class, c -> c.services());
  public static final ResourceKind<Event> EVENTS =
      new ResourceKind<>("events", Event.class, c -> c.v1().events());
  public static final ResourceKind<ConfigMap> CONFIG_MAPS =
      new ResourceKind<>("configmaps", ConfigMap.class, c -> c.configMaps());

  /** Given in full: fabric8 would otherwise ask discovery, which fails when the CRD is absent. */
  private static final ResourceDefinitionContext REPLAY_CONTEXT =
      new ResourceDefinitionContext.Builder()
          .withGroup(REPLAY_API_VERSION.substring(0, REPLAY_API_VERSION.indexOf('/')))
          .withVersion(REPLAY_API_VERSION.substring(REPLAY_API_VERSION.indexOf('/') + 1))
          .withKind(REPLAY_KIND)
          .withPlural("trafficreplays")
          .withNamespaced(true)
          .build();

  public static final ResourceKind<GenericKubernetesResource> REPLAYS =
      new ResourceKind<>(
          "trafficreplays",
          GenericKubernetesResource.class,
          c -> c.genericKubernetesResources(REPLAY_CONTEXT));

  @Override
  public String toString() {
    return resource;
  }
}
