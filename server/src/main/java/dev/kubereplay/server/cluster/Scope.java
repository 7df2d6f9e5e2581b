package dev.kubereplay.server.cluster;

/**
 * A context and a namespace, resolved: never null.
 *
 * @param context the kube context
 * @param namespace the namespace
 */
public record Scope(String context, String namespace) {

  /**
   * Resolves absent parts as kubectl does: the current context, the context's namespace.
   *
   * @throws UnknownContextException when the context is not in the kubeconfig, or none is given and
   *     the kubeconfig has no current context
   */
  public static Scope resolve(KubeContexts contexts, String context, String namespace) {
    String name = context != null && !context.isEmpty() ? context : contexts.currentContext();
    if (name == null) {
      throw new UnknownContextException("(current)");
    }
    KubeContext found = contexts.find(name).orElseThrow(() -> new UnknownContextException(name));
    String ns = namespace != null && !namespace.isEmpty() ? namespace : found.namespace();
    return new Scope(found.name(), ns);
  }

  @Override
  public String toString() {
    return context + "/" + namespace;
  }
}
