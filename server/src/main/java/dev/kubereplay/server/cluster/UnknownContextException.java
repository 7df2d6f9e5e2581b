package dev.kubereplay.server.cluster;

/** A request named a kube context that the kubeconfig does not have. */
public final class UnknownContextException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String context;

  public UnknownContextException(String context) {
    super("no context named '" + context + "' in the kubeconfig");
    this.context = context;
  }

  public String context() {
    return context;
  }
}
