package dev.kubereplay.server.cluster;

import static dev.kubereplay.server.cluster.ClusterContract.CLUSTER_NAME_KEY;
import static dev.kubereplay.server.cluster.ClusterContract.DEFAULT_OPERATOR_NAMESPACE;
import static dev.kubereplay.server.cluster.ClusterContract.LATEST_OPERATOR_VERSION;
import static dev.kubereplay.server.cluster.ClusterContract.OPERATOR_CONFIGMAP;
import static dev.kubereplay.server.cluster.ClusterContract.OPERATOR_LABEL_KEY;
import static dev.kubereplay.server.cluster.ClusterContract.OPERATOR_LABEL_VALUE;

import dev.kubereplay.server.cluster.kube.ClusterClients;
import dev.kubereplay.server.cluster.kube.KubeErrors;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/** Finds the kubereplay operator of each context: where it runs, its version, the cluster name. */
public final class OperatorLookup {

  private final KubeconfigLoader kubeconfig;
  private final ClusterClients clients;

  OperatorLookup(KubeconfigLoader kubeconfig, ClusterClients clients) {
    this.kubeconfig = kubeconfig;
    this.clients = clients;
  }

  /** One entry per context, looked at in parallel so one dead API server delays no other. */
  public List<OperatorInfo> clusters(List<String> contexts, ExecutorService executor) {
    KubeContexts all = kubeconfig.load();
    List<KubeContext> chosen = new ArrayList<>();
    for (KubeContext context : all.contexts()) {
      if (contexts == null || contexts.isEmpty() || contexts.contains(context.name())) {
        chosen.add(context);
      }
    }
    for (String name : contexts == null ? List.<String>of() : contexts) {
      if (all.find(name).isEmpty()) {
        throw new UnknownContextException(name);
      }
    }
    List<CompletableFuture<OperatorInfo>> lookups =
        chosen.stream()
            .map(c -> CompletableFuture.supplyAsync(() -> cluster(c), executor))
            .toList();
    return lookups.stream().map(CompletableFuture::join).toList();
  }

  OperatorInfo cluster(KubeContext context) {
    try {
      KubernetesClient client = clients.client(context.name());
      Deployment operator = find(client, context.namespace());
      if (operator == null) {
        return new OperatorInfo(
            context.name(),
            context.cluster(),
            OperatorPresence.NOT_INSTALLED,
            null,
            null,
            LATEST_OPERATOR_VERSION,
            false,
            "no kubereplay operator found (a Deployment labelled "
                + OPERATOR_LABEL_KEY
                + "="
                + OPERATOR_LABEL_VALUE
                + ")");
      }
      String namespace = operator.getMetadata().getNamespace();
      String version = versionOf(operator);
      String clusterName = clusterName(client, namespace, context.cluster());
      return new OperatorInfo(
          context.name(),
          clusterName,
          OperatorPresence.INSTALLED,
          namespace,
          version,
          LATEST_OPERATOR_VERSION,
          version != null && Versions.older(version, LATEST_OPERATOR_VERSION),
          null);
    } catch (ClusterException e) {
      OperatorPresence presence =
          e.reason() == ClusterException.Reason.FORBIDDEN
              ? OperatorPresence.FORBIDDEN
              : OperatorPresence.UNREACHABLE;
      return new OperatorInfo(
          context.name(),
          context.cluster(),
          presence,
          null,
          null,
          LATEST_OPERATOR_VERSION,
          false,
          e.getMessage());
    } catch (RuntimeException e) {
      return new OperatorInfo(
          context.name(),
          context.cluster(),
          OperatorPresence.UNREACHABLE,
          null,
          null,
          LATEST_OPERATOR_VERSION,
          false,
          e.getMessage());
    }
  }

  /** The namespace the operator runs in, for the configuration view; the default when unknown. */
  Scope operatorScope(Scope scope) {
    try {
      Deployment operator = find(clients.client(scope.context()), scope.namespace());
      return new Scope(
          scope.context(),
          operator == null ? DEFAULT_OPERATOR_NAMESPACE : operator.getMetadata().getNamespace());
    } catch (ClusterException e) {
      if (e.reason() == ClusterException.Reason.UNREACHABLE) {
        throw e;
      }
      return new Scope(scope.context(), DEFAULT_OPERATOR_NAMESPACE);
    }
  }

  /**
   * Looks in the default namespace first, then in every namespace, then (when that is forbidden) in
   * the context's own namespace.
   */
  private static Deployment find(KubernetesClient client, String contextNamespace) {
    ClusterException forbidden = null;
    try {
      Deployment found =
          first(
              KubeErrors.call(
                  "list",
                  "deployments",
                  DEFAULT_OPERATOR_NAMESPACE,
                  () ->
                      client
                          .apps()
                          .deployments()
                          .inNamespace(DEFAULT_OPERATOR_NAMESPACE)
                          .withLabel(OPERATOR_LABEL_KEY, OPERATOR_LABEL_VALUE)
                          .list()
                          .getItems()));
      if (found != null) {
        return found;
      }
    } catch (ClusterException e) {
      if (e.reason() != ClusterException.Reason.FORBIDDEN) {
        throw e;
      }
      forbidden = e;
    }
    try {
      return first(
          KubeErrors.call(
              "list",
              "deployments",
              null,
              () ->
                  client
                      .apps()
                      .deployments()
                      .inAnyNamespace()
                      .withLabel(OPERATOR_LABEL_KEY, OPERATOR_LABEL_VALUE)
                      .list()
                      .getItems()));
    } catch (ClusterException e) {
      if (e.reason() != ClusterException.Reason.FORBIDDEN) {
        throw e;
      }
    }
    try {
      return first(
          KubeErrors.call(
              "list",
              "deployments",
              contextNamespace,
              () ->
                  client
                      .apps()
                      .deployments()
                      .inNamespace(contextNamespace)
                      .withLabel(OPERATOR_LABEL_KEY, OPERATOR_LABEL_VALUE)
                      .list()
                      .getItems()));
    } catch (ClusterException e) {
      throw forbidden != null ? forbidden : e;
    }
  }

  private static Deployment first(List<Deployment> deployments) {
    return deployments.isEmpty() ? null : deployments.get(0);
  }

  private static String versionOf(Deployment operator) {
    Map<String, String> labels = operator.getMetadata().getLabels();
    if (labels != null && labels.get("app.kubernetes.io/version") != null) {
      return labels.get("app.kubernetes.io/version");
    }
    var containers = operator.getSpec().getTemplate().getSpec().getContainers();
    if (!containers.isEmpty() && containers.get(0).getImage() != null) {
      String image = containers.get(0).getImage();
      int colon = image.lastIndexOf(':');
      if (colon > image.lastIndexOf('/')) {
        return image.substring(colon + 1);
      }
    }
    return null;
  }

  private static String clusterName(KubernetesClient client, String namespace, String fallback) {
    try {
      ConfigMap config =
          client.configMaps().inNamespace(namespace).withName(OPERATOR_CONFIGMAP).get();
      if (config != null
          && config.getData() != null
          && config.getData().get(CLUSTER_NAME_KEY) != null) {
        return config.getData().get(CLUSTER_NAME_KEY);
      }
    } catch (RuntimeException e) {
      // the name is a nicety; the context's cluster name stands in
    }
    return fallback;
  }
}
