package dev.kubereplay.intellij.cluster;

import dev.kubereplay.protocol.cluster.AuthKind;
import dev.kubereplay.protocol.cluster.KubeContextDto;
import dev.kubereplay.protocol.cluster.ListContextsResponse;
import java.util.List;

/** Kube contexts as a server would list them. */
public final class Samples {

  public static final String KUBECONFIG = "/home/dev/.kube/config";

  private Samples() {}

  public static KubeContextDto context(String name, String namespace, boolean current) {
    return new KubeContextDto(
        name,
        name + "-cluster",
        "https://" + name + ".example.test:6443",
        name + "-admin",
        AuthKind.CLIENT_CERTIFICATE,
        namespace,
        current,
        KUBECONFIG);
  }

  /** Three contexts; "staging" is current. */
  public static ListContextsResponse threeContexts() {
    return new ListContextsResponse(
        List.of(
            context("kind-dev", "default", false),
            context("staging", "payments", true),
            context("prod-eu", "checkout", false)),
        "staging",
        List.of(KUBECONFIG));
  }
}
