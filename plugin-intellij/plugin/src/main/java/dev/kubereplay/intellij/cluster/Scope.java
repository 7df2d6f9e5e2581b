package dev.kubereplay.intellij.cluster;

/**
 * Where a view looks: a kube context and one of its namespaces, both by name. The plugin always
 * names both, so the server's {@code cluster/didChange} (which names the resolved scope) matches.
 *
 * @param context the kube context
 * @param namespace the namespace; null only for the context-level operator configuration
 */
public record Scope(String context, String namespace) {

  public static Scope ofContext(String context) {
    return new Scope(context, null);
  }

  @Override
  public String toString() {
    return namespace == null ? context : context + "/" + namespace;
  }
}
