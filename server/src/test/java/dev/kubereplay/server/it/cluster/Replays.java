package dev.kubereplay.server.it.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubereplay.server.cluster.ClusterContract;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The TrafficReplay CRD kubereplay ships, installed on the real API server, and replays. */
final class Replays {

  static final ResourceDefinitionContext CONTEXT =
      new ResourceDefinitionContext.Builder()
          .withGroup("kubereplay.dev")
          .withVersion("v1alpha1")
          .withKind("TrafficReplay")
          .withPlural("trafficreplays")
          .withNamespaced(true)
          .build();

  private Replays() {}

  /** The CRD as shipped in the server's resources. */
  static CustomResourceDefinition shippedCrd(KubernetesClient client) {
    InputStream yaml = Replays.class.getResourceAsStream(ClusterContract.REPLAY_CRD_YAML);
    assertThat(yaml).as("%s on the class path", ClusterContract.REPLAY_CRD_YAML).isNotNull();
    return client.apiextensions().v1().customResourceDefinitions().load(yaml).item();
  }

  /** Installs the shipped CRD unless it is there, and waits until it is Established. */
  static synchronized CustomResourceDefinition install(KubernetesClient client) {
    var crds = client.apiextensions().v1().customResourceDefinitions();
    try {
      crds.resource(shippedCrd(client)).create();
    } catch (KubernetesClientException e) {
      if (e.getCode() != 409) {
        throw e;
      }
    }
    return crds.withName(ClusterContract.REPLAY_CRD)
        .waitUntilCondition(Replays::established, 30, TimeUnit.SECONDS);
  }

  static boolean established(CustomResourceDefinition crd) {
    return crd != null
        && crd.getStatus() != null
        && crd.getStatus().getConditions().stream()
            .anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  static MixedOperation<
          GenericKubernetesResource,
          GenericKubernetesResourceList,
          Resource<GenericKubernetesResource>>
      replays(KubernetesClient client) {
    return client.genericKubernetesResources(CONTEXT);
  }

  static GenericKubernetesResource replay(String namespace, String name, Map<String, Object> spec) {
    GenericKubernetesResource replay = new GenericKubernetesResource();
    replay.setApiVersion("kubereplay.dev/v1alpha1");
    replay.setKind("TrafficReplay");
    replay.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(namespace).build());
    replay.setAdditionalProperty("spec", spec);
    return replay;
  }

  /** Creates a replay and writes its status through the status subresource, as the operator. */
  static GenericKubernetesResource create(
      KubernetesClient client,
      String namespace,
      String name,
      Map<String, Object> spec,
      Map<String, Object> status) {
    GenericKubernetesResource created =
        replays(client).inNamespace(namespace).resource(replay(namespace, name, spec)).create();
    if (status == null) {
      return created;
    }
    created.setAdditionalProperty("status", status);
    return replays(client).inNamespace(namespace).resource(created).updateStatus();
  }
}
