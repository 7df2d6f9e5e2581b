package dev.kubereplay.server.cluster.live;

import dev.kubereplay.server.cluster.ClusterException;
import dev.kubereplay.server.cluster.Scope;
import dev.kubereplay.server.cluster.kube.ClusterClients;
import dev.kubereplay.server.cluster.kube.KubeErrors;
import dev.kubereplay.server.cluster.kube.ResourceKind;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads the objects of one kind in one namespace: from a live informer when one runs for it, else
 * by listing (page by page). When the API server cannot be reached, the last answer is given again,
 * marked stale; only a first read with no earlier answer fails.
 */
public final class ClusterReader {

  private static final long PAGE_SIZE = 500;

  /** Objects and how current they are. */
  public record Result<T>(List<T> items, Freshness freshness) {}

  private record Key(Scope scope, ResourceKind<?> kind) {}

  private record Known(List<?> items) {}

  private final ClusterClients clients;
  private final LiveViews live;
  private final Clock clock;
  private final Map<Key, Known> lastKnown = new ConcurrentHashMap<>();
  private final Map<String, Instant> unreachableSince = new ConcurrentHashMap<>();

  public ClusterReader(ClusterClients clients, LiveViews live, Clock clock) {
    this.clients = clients;
    this.live = live;
    this.clock = clock;
  }

  public <T extends HasMetadata> Result<T> list(Scope scope, ResourceKind<T> kind) {
    Key key = new Key(scope, kind);
    Optional<Result<T>> cached = live.list(scope, kind);
    if (cached.isPresent()) {
      lastKnown.remove(key); // the informer holds the objects now; one copy is enough
      return cached.get();
    }
    try {
      List<T> items = listAll(scope, kind);
      lastKnown.put(key, new Known(items));
      unreachableSince.remove(scope.context());
      return new Result<>(items, Freshness.FRESH);
    } catch (ClusterException e) {
      if (e.reason() != ClusterException.Reason.UNREACHABLE) {
        throw e;
      }
      Instant since = unreachableSince.computeIfAbsent(scope.context(), c -> clock.instant());
      Known known = lastKnown.get(key);
      if (known == null) {
        throw e;
      }
      @SuppressWarnings("unchecked")
      List<T> items = (List<T>) known.items();
      return new Result<>(items, Freshness.staleSince(since, e.getMessage()));
    }
  }

  private <T extends HasMetadata> List<T> listAll(Scope scope, ResourceKind<T> kind) {
    var operation = kind.operation().apply(clients.client(scope.context()));
    List<T> items = new ArrayList<>();
    String next = null;
    do {
      String continueToken = next;
      KubernetesResourceList<T> page =
          KubeErrors.call(
              "list",
              kind.resource(),
              scope.namespace(),
              () ->
                  operation
                      .inNamespace(scope.namespace())
                      .list(
                          new ListOptionsBuilder()
                              .withLimit(PAGE_SIZE)
                              .withContinue(continueToken)
                              .build()));
      items.addAll(page.getItems());
      next = page.getMetadata() == null ? null : page.getMetadata().getContinue();
    } while (next != null && !next.isEmpty());
    return List.copyOf(items);
  }

  /** The freshness of several reads answered together: stale if any is. */
  public static Freshness combine(Result<?>... results) {
    for (Result<?> result : results) {
      if (result.freshness().stale()) {
        return result.freshness();
      }
    }
    return Freshness.FRESH;
  }
}
