package dev.kubereplay.server.cli.archfixtures;

import dev.kubereplay.server.cluster.kube.ClusterClients;
import io.fabric8.kubernetes.client.KubernetesClient;

/** Breaks the service rule on purpose: a command that lists namespaces with the client itself. */
public final class CliUsingKubeClients {

  private CliUsingKubeClients() {}

  public static int namespaces(ClusterClients clients, String context) {
    KubernetesClient client = clients.client(context);
    return client.namespaces().list().getItems().size();
  }
}
