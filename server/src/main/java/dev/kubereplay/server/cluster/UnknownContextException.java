package dev.kubereplay.server.cluster;

import dev.kubereplay.server.KubeReplayException;

/** A request named a kube context that the kubeconfig does not have. */
public final class UnknownContextException extends KubeReplayException {

  private static final long serialVersionUID = 1L;

  private final String context;

  public UnknownContextException(String context) {
    super(context, "no context named '" + context + "' in the kubeconfig");
    this.context = context;
  }

  public String context() {
    return context;
  }
}
