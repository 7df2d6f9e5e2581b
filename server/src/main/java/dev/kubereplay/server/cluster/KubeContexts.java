package dev.kubereplay.server.cluster;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The contexts of the user's merged kubeconfig.
 *
 * @param currentContext the current context's name, or {@code null} when no file sets one
 * @param files the kubeconfig files that were read, in order
 */
public record KubeContexts(List<KubeContext> contexts, String currentContext, List<Path> files) {

  public KubeContexts {
    contexts = List.copyOf(contexts);
    files = List.copyOf(files);
  }

  public Optional<KubeContext> find(String name) {
    return contexts.stream().filter(context -> context.name().equals(name)).findFirst();
  }
}
