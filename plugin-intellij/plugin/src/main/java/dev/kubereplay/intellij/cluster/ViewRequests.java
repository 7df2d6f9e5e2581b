package dev.kubereplay.intellij.cluster;

import dev.kubereplay.intellij.rpc.ServerCalls;
import dev.kubereplay.protocol.cluster.ConfigurationResponse;
import dev.kubereplay.protocol.cluster.FreshnessDto;
import dev.kubereplay.protocol.cluster.ListEventsResponse;
import dev.kubereplay.protocol.cluster.ListReplaysResponse;
import dev.kubereplay.protocol.cluster.ListSecretsResponse;
import dev.kubereplay.protocol.cluster.ListServicesResponse;
import dev.kubereplay.protocol.cluster.ListWorkloadsResponse;
import dev.kubereplay.protocol.cluster.ScopeParams;
import java.util.concurrent.CompletableFuture;

/** The {@code cluster/} request behind each view, and the freshness its answer carries. */
final class ViewRequests {

  private ViewRequests() {}

  static CompletableFuture<Object> fetch(ServerCalls server, ViewKey key) {
    ScopeParams scope = new ScopeParams(key.scope().context(), key.scope().namespace());
    CompletableFuture<?> answer =
        switch (key.kind()) {
          case CONFIGURATION -> server.call(s -> s.getClusterService().getConfiguration(scope));
          case WORKLOADS -> server.call(s -> s.getClusterService().listWorkloads(scope));
          case SECRETS -> server.call(s -> s.getClusterService().listSecrets(scope));
          case SERVICES -> server.call(s -> s.getClusterService().listServices(scope));
          case EVENTS -> server.call(s -> s.getClusterService().listEvents(scope));
          case REPLAYS -> server.call(s -> s.getClusterService().listReplays(scope));
        };
    return answer.thenApply(value -> value);
  }

  /** The freshness an answer carries; fresh when it carries none. */
  static FreshnessDto freshnessOf(Object answer) {
    FreshnessDto freshness = null;
    if (answer instanceof ConfigurationResponse r) {
      freshness = r.freshness();
    } else if (answer instanceof ListWorkloadsResponse r) {
      freshness = r.freshness();
    } else if (answer instanceof ListSecretsResponse r) {
      freshness = r.freshness();
    } else if (answer instanceof ListServicesResponse r) {
      freshness = r.freshness();
    } else if (answer instanceof ListEventsResponse r) {
      freshness = r.freshness();
    } else if (answer instanceof ListReplaysResponse r) {
      freshness = r.freshness();
    }
    return freshness != null ? freshness : Load.FRESH;
  }
}
