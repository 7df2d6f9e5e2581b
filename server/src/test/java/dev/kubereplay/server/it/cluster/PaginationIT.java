package dev.kubereplay.server.it.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubereplay.fixtures.cluster.RealApiServer;
import dev.kubereplay.fixtures.rpc.TestSession;
import dev.kubereplay.protocol.cluster.ClusterRpcService;
import dev.kubereplay.protocol.cluster.ClusterView;
import dev.kubereplay.protocol.cluster.ListSecretsResponse;
import dev.kubereplay.protocol.cluster.ScopeParams;
import dev.kubereplay.protocol.cluster.SecretDto;
import dev.kubereplay.protocol.cluster.WatchParams;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kubereplay lists 500 objects a page: a namespace with more comes back whole. */
class PaginationIT {

  private static final int SECRETS = 520;

  @TempDir static Path home;
  private static String namespace;
  private static KubereplayJar jar;
  private static List<String> names;

  @BeforeAll
  static void createMoreSecretsThanOnePage() throws Exception {
    RealApiServer server = RealApiServer.get();
    namespace = server.createNamespace("paging");
    ClusterObjects objects = new ClusterObjects(server.client(), namespace);
    names = IntStream.range(0, SECRETS).mapToObj(i -> "secret-%03d".formatted(i)).toList();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> created = new ArrayList<>();
      for (String name : names) {
        created.add(pool.submit(() -> objects.secret(name, "Opaque", Map.of("key", name))));
      }
      for (Future<?> future : created) {
        future.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    jar = new KubereplayJar(server, home);
  }

  @Test
  void the_command_line_lists_every_secret_of_a_namespace_larger_than_a_page() throws Exception {
    List<SecretDto> secrets =
        jar.view("secrets", namespace).json(ListSecretsResponse.class).secrets();

    assertThat(secrets).extracting(SecretDto::name).containsExactlyElementsOf(names);
  }

  @Test
  void the_protocol_answers_every_secret_before_and_while_watching() throws Exception {
    try (TestSession session = jar.session()) {
      ClusterRpcService cluster = session.server().getClusterService();
      ScopeParams scope = new ScopeParams(null, namespace);

      assertThat(cluster.listSecrets(scope).get(60, TimeUnit.SECONDS).secrets())
          .extracting(SecretDto::name)
          .containsExactlyElementsOf(names);

      cluster
          .watch(new WatchParams(null, namespace, List.of(ClusterView.SECRETS)))
          .get(30, TimeUnit.SECONDS);
      Notifications.settle(session, Duration.ofMillis(1000), Duration.ofSeconds(30));
      ListSecretsResponse watched = cluster.listSecrets(scope).get(60, TimeUnit.SECONDS);

      assertThat(watched.freshness().stale()).isFalse();
      assertThat(watched.secrets()).extracting(SecretDto::name).containsExactlyElementsOf(names);
    }
  }
}
