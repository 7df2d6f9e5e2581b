package dev.kubereplay.server.cluster.kube;

import dev.kubereplay.server.cluster.KubeconfigLoader;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.okhttp.OkHttpClientFactory;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One Kubernetes client per kube context, made from the merged kubeconfig and made again when the
 * context's entries change. The only place that builds fabric8 clients.
 */
public final class ClusterClients implements AutoCloseable {

  /** Timeouts for interactive use: an IDE view should fail fast, not hang. */
  public record Timeouts(int connectMillis, int requestMillis) {
    public static final Timeouts INTERACTIVE = new Timeouts(5_000, 30_000);
  }

  private static final long PING_MILLIS = 5_000;

  private record Cached(String kubeconfig, KubernetesClient client) {}

  /**
   * fabric8 warns on every run that reads TrafficReplays that v1alpha1 is "unstable": nothing a
   * user can act on, and a stray line on the command line's stderr. Held here so the level stays.
   */
  private static final Logger VERSION_WARNINGS =
      Logger.getLogger("io.fabric8.kubernetes.client.dsl.internal.VersionUsageUtils");

  static {
    VERSION_WARNINGS.setLevel(Level.SEVERE);
  }

  private final KubeconfigLoader kubeconfig;
  private final Timeouts timeouts;
  private final Map<String, Cached> clients = new HashMap<>();

  public ClusterClients(KubeconfigLoader kubeconfig, Timeouts timeouts) {
    this.kubeconfig = kubeconfig;
    this.timeouts = timeouts;
  }

  /**
   * The client of a context.
   *
   * @throws dev.kubereplay.server.cluster.UnknownContextException for an unknown context
   * @throws dev.kubereplay.server.cluster.KubeconfigException for a broken kubeconfig
   */
  public synchronized KubernetesClient client(String context) {
    String standalone = kubeconfig.standaloneKubeconfig(context);
    Cached cached = clients.get(context);
    if (cached != null && cached.kubeconfig().equals(standalone)) {
      return cached.client();
    }
    if (cached != null) {
      cached.client().close();
    }
    Config config = Config.fromKubeconfig(context, standalone, null);
    config.setConnectionTimeout(timeouts.connectMillis());
    config.setRequestTimeout(timeouts.requestMillis());
    // fabric8 retries a failed request 10 times by default, for ~19 s when the API server is
    // down: an IDE view must get its last known state at once. One quick retry covers a dropped
    // pooled connection; informers reconnect on their own schedule.
    config.setRequestRetryBackoffLimit(1);
    // informers retry for ever, starting fast: a lost API server is expected to come back
    config.setWatchReconnectInterval(500);
    config.setWatchReconnectLimit(-1);
    // An API server that stops answering (not refusing) is noticed by a missed ping: the watches
    // fail, and the IDE's views turn stale within seconds rather than half a minute.
    config.setWebsocketPingInterval(PING_MILLIS);
    KubernetesClient client =
        new KubernetesClientBuilder()
            .withConfig(config)
            .withHttpClientFactory(new OkHttpClientFactory())
            .build();
    clients.put(context, new Cached(standalone, client));
    return client;
  }

  @Override
  public synchronized void close() {
    clients.values().forEach(cached -> cached.client().close());
    clients.clear();
  }
}
