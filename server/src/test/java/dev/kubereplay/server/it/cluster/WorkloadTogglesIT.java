package dev.kubereplay.server.it.cluster;

import static dev.kubereplay.server.it.cluster.ClusterObjects.container;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kubereplay.fixtures.cluster.RealApiServer;
import dev.kubereplay.protocol.cluster.WorkloadDto;
import dev.kubereplay.protocol.cluster.WorkloadResponse;
import dev.kubereplay.server.it.cluster.KubereplayJar.Run;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code inject} and {@code tls-out} from the command line, read back as kubectl would. */
class WorkloadTogglesIT {

  @TempDir static Path home;
  private static String namespace;
  private static KubereplayJar jar;
  private static KubernetesClient client;

  @BeforeAll
  static void createWorkloads() {
    RealApiServer cluster = RealApiServer.get();
    client = cluster.client();
    namespace = cluster.createNamespace("toggles");
    ClusterObjects objects = new ClusterObjects(client, namespace);
    objects.deployment("api", 1, Map.of("team", "orders"), container("app", "100m", "64Mi"));
    objects.statefulSet("db", container("postgres", "100m", "64Mi"));
    jar = new KubereplayJar(cluster, home);
  }

  private static Map<String, String> annotations(PodTemplateSpec template) {
    return template.getMetadata().getAnnotations() == null
        ? Map.of()
        : template.getMetadata().getAnnotations();
  }

  private static Deployment api() {
    return client.apps().deployments().inNamespace(namespace).withName("api").get();
  }

  @Test
  void inject_on_and_off_patches_the_pod_template_and_answers_the_state_the_api_server_returned()
      throws Exception {
    long generation = api().getMetadata().getGeneration();

    WorkloadDto on =
        jar.view("inject", namespace, "api", "--on").json(WorkloadResponse.class).workload();

    assertThat(on.injected()).isTrue();
    assertThat(on.tlsOut()).isFalse();
    Deployment read = api();
    assertThat(annotations(read.getSpec().getTemplate()))
        .containsEntry("kubereplay.dev/inject", "true")
        .containsEntry("team", "orders");
    assertThat(read.getMetadata().getGeneration())
        .as("a pod-template change is a new rollout")
        .isGreaterThan(generation);

    Run off = jar.run("cluster", "inject", "api", "--off", "-n", namespace);

    assertThat(off.exitCode()).as(off.stderr()).isZero();
    assertThat(off.stdout()).contains("Deployment/api: injection off");
    assertThat(annotations(api().getSpec().getTemplate()))
        .containsEntry("kubereplay.dev/inject", "false")
        .containsEntry("team", "orders");
  }

  @Test
  void tls_out_on_a_statefulset_named_by_kind_is_visible_through_the_api() throws Exception {
    WorkloadDto on =
        jar.view("tls-out", namespace, "statefulset/db", "--on")
            .json(WorkloadResponse.class)
            .workload();

    assertThat(on.kind()).isEqualTo("StatefulSet");
    assertThat(on.tlsOut()).isTrue();
    StatefulSet db = client.apps().statefulSets().inNamespace(namespace).withName("db").get();
    assertThat(annotations(db.getSpec().getTemplate()))
        .containsEntry("kubereplay.dev/tls-out", "true");
    assertThat(annotations(api().getSpec().getTemplate()))
        .doesNotContainKey("kubereplay.dev/tls-out");
  }

  @Test
  void toggling_a_workload_that_does_not_exist_is_one_line_and_exit_code_1() throws Exception {
    Run run = jar.run("cluster", "inject", "nope", "--on", "-n", namespace);

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.stdout()).isEmpty();
    assertThat(run.stderr().strip())
        .isEqualTo("kubereplay: not found: Deployment nope in namespace " + namespace);
    assertThat(client.apps().deployments().inNamespace(namespace).list().getItems())
        .extracting(HasMetadata::getMetadata)
        .extracting(m -> m.getName())
        .containsExactly("api");
  }
}
