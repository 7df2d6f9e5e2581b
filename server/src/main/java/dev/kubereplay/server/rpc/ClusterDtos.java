package dev.kubereplay.server.rpc;

import dev.kubereplay.protocol.cluster.AuthKind;
import dev.kubereplay.protocol.cluster.KubeContextDto;
import dev.kubereplay.protocol.cluster.ListContextsResponse;
import dev.kubereplay.server.cluster.KubeContext;
import dev.kubereplay.server.cluster.KubeContexts;
import java.nio.file.Path;

/** Cluster domain values as protocol DTOs, for the RPC answers and the CLI's JSON output. */
public final class ClusterDtos {

  private ClusterDtos() {}

  /** The answer of {@code cluster/listContexts}; the CLI prints the same. */
  public static ListContextsResponse contexts(KubeContexts contexts) {
    return new ListContextsResponse(
        contexts.contexts().stream().map(ClusterDtos::context).toList(),
        contexts.currentContext(),
        contexts.files().stream().map(Path::toString).toList());
  }

  private static KubeContextDto context(KubeContext context) {
    return new KubeContextDto(
        context.name(),
        context.cluster(),
        context.server(),
        context.user(),
        AuthKind.valueOf(context.auth().name()),
        context.namespace(),
        context.current(),
        context.sourceFile().toString());
  }
}
