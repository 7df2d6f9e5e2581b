package dev.kubereplay.server.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubereplay.fixtures.kubeconfig.Kubeconfigs;
import dev.kubereplay.fixtures.rpc.TestSession;
import dev.kubereplay.protocol.ErrorCode;
import dev.kubereplay.protocol.cluster.AuthKind;
import dev.kubereplay.protocol.cluster.ClusterChangeKind;
import dev.kubereplay.protocol.cluster.DidChangeClusterParams;
import dev.kubereplay.protocol.cluster.KubeContextDto;
import dev.kubereplay.protocol.cluster.ListContextsParams;
import dev.kubereplay.protocol.cluster.ListContextsResponse;
import dev.kubereplay.protocol.initialize.InitializeResponse;
import dev.kubereplay.server.ServerEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real server in this JVM, driven through the protocol over pipes. */
class ServerSessionMediumTest {

  @TempDir Path dir;
  private TestSession session;

  private TestSession start(List<Path> kubeconfig) throws Exception {
    ServerEnvironment environment =
        new ServerEnvironment(
            Map.of(
                "KUBECONFIG",
                Kubeconfigs.variable(kubeconfig),
                "KUBEREPLAY_HOME",
                dir.resolve("data").toString()),
            dir.resolve("home"));
    session = TestSession.inProcess((in, out) -> RpcServer.start(environment, in, out, null));
    return session;
  }

  @AfterEach
  void close() throws Exception {
    if (session != null) {
      session.close();
    }
  }

  private ListContextsResponse listContexts() throws Exception {
    return session
        .server()
        .getClusterService()
        .listContexts(new ListContextsParams())
        .get(10, TimeUnit.SECONDS);
  }

  @Test
  void initialize_answers_the_server_version_and_the_requests_it_serves() throws Exception {
    InitializeResponse response = start(Kubeconfigs.copy(dir, "a.yaml")).initialize();

    assertThat(response.serverInfo().name()).isEqualTo("kubereplay");
    assertThat(response.serverInfo().version()).isNotBlank();
    assertThat(response.serverInfo().protocolVersion()).isPositive();
    assertThat(response.capabilities().requests())
        .contains("initialize", "shutdown", "cluster/listContexts");
  }

  @Test
  void lists_the_merged_contexts_with_the_current_one_marked() throws Exception {
    start(Kubeconfigs.copy(dir, "a.yaml", "b.yaml")).initialize();

    ListContextsResponse response = listContexts();

    assertThat(response.contexts())
        .extracting(KubeContextDto::name)
        .containsExactly("dev", "staging", "prod");
    assertThat(response.currentContext()).isEqualTo("dev");
    KubeContextDto prod = response.contexts().get(2);
    assertThat(prod.authKind()).isEqualTo(AuthKind.EXEC);
    assertThat(prod.server()).isEqualTo("https://prod.example.test:443");
    assertThat(response.kubeconfigFiles())
        .containsExactly(dir.resolve("a.yaml").toString(), dir.resolve("b.yaml").toString());
  }

  @Test
  void a_malformed_kubeconfig_fails_that_request_only_with_a_message_naming_the_file()
      throws Exception {
    List<Path> files = Kubeconfigs.copy(dir, "malformed.yaml");
    start(files).initialize();

    assertThatThrownBy(this::listContexts)
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOfSatisfying(
            ResponseErrorException.class,
            e -> {
              assertThat(e.getResponseError().getCode())
                  .isEqualTo(ErrorCode.KUBECONFIG_MALFORMED.code());
              assertThat(e.getResponseError().getMessage())
                  .startsWith("malformed kubeconfig " + files.get(0) + ": line 7");
            });

    // the session is still usable: fix the file and ask again
    Kubeconfigs.copy(dir, "a.yaml");
    Files.move(
        dir.resolve("a.yaml"), files.get(0), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    assertThat(listContexts().contexts())
        .extracting(KubeContextDto::name)
        .containsExactly("dev", "staging");
  }

  @Test
  void editing_the_kubeconfig_sends_a_contexts_change_notification() throws Exception {
    List<Path> files = Kubeconfigs.copy(dir, "a.yaml");
    start(files).initialize();

    Files.writeString(
        files.get(0), Files.readString(files.get(0)).replace("name: staging", "name: qa"));

    DidChangeClusterParams change = session.client().awaitClusterChange(Duration.ofSeconds(5));
    assertThat(change).as("cluster/didChange within 5 s").isNotNull();
    assertThat(change.changes()).containsExactly(ClusterChangeKind.CONTEXTS);
    assertThat(listContexts().contexts())
        .extracting(KubeContextDto::name)
        .containsExactly("dev", "qa");
  }

  @Test
  void initialize_without_client_info_is_invalid_params() throws Exception {
    start(Kubeconfigs.copy(dir, "a.yaml"));
    assertThatThrownBy(
            () ->
                session
                    .server()
                    .initialize(new dev.kubereplay.protocol.initialize.InitializeParams(null, null))
                    .get(10, TimeUnit.SECONDS))
        .cause()
        .isInstanceOfSatisfying(
            ResponseErrorException.class,
            e ->
                assertThat(e.getResponseError().getCode())
                    .isEqualTo(ErrorCode.INVALID_PARAMS.code()));
  }
}
