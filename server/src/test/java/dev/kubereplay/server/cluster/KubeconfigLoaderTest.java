package dev.kubereplay.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubereplay.fixtures.kubeconfig.Kubeconfigs;
import dev.kubereplay.server.ServerEnvironment;
import dev.kubereplay.server.cluster.KubeconfigException.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KubeconfigLoaderTest {

  @TempDir Path dir;

  private KubeContexts load(Map<String, String> variables) {
    return new KubeconfigLoader(new ServerEnvironment(variables, dir.resolve("home"))).load();
  }

  private KubeContexts loadFiles(List<Path> files) {
    return load(Map.of("KUBECONFIG", Kubeconfigs.variable(files)));
  }

  @Test
  void merges_the_files_of_KUBECONFIG_and_the_first_file_wins_for_a_duplicate_name() {
    KubeContexts contexts = loadFiles(Kubeconfigs.copy(dir, "a.yaml", "b.yaml"));

    assertThat(contexts.contexts())
        .extracting(KubeContext::name)
        .containsExactly("dev", "staging", "prod");
    KubeContext dev = contexts.find("dev").orElseThrow();
    assertThat(dev.namespace()).isEqualTo("shop");
    assertThat(dev.server()).isEqualTo("https://127.0.0.1:6443");
    assertThat(dev.sourceFile()).isEqualTo(dir.resolve("a.yaml"));
    assertThat(contexts.find("prod").orElseThrow().sourceFile()).isEqualTo(dir.resolve("b.yaml"));
  }

  @Test
  void the_first_current_context_wins_and_only_that_context_is_marked_current() {
    KubeContexts contexts = loadFiles(Kubeconfigs.copy(dir, "a.yaml", "b.yaml"));

    assertThat(contexts.currentContext()).isEqualTo("dev");
    assertThat(contexts.contexts())
        .filteredOn(KubeContext::current)
        .extracting(KubeContext::name)
        .containsExactly("dev");
    assertThat(loadFiles(Kubeconfigs.copy(dir, "b.yaml", "a.yaml")).currentContext())
        .isEqualTo("prod");
  }

  @Test
  void tells_how_each_user_authenticates_without_keeping_credentials() {
    KubeContexts contexts = loadFiles(Kubeconfigs.copy(dir, "a.yaml", "b.yaml"));

    assertThat(contexts.contexts())
        .extracting(KubeContext::auth)
        .containsExactly(UserAuth.CLIENT_CERTIFICATE, UserAuth.TOKEN, UserAuth.EXEC);
    assertThat(contexts.toString()).doesNotContain("canary-token-value-never-shown");
  }

  @Test
  void lists_an_exec_plugin_user_without_running_the_plugin() throws IOException {
    Path marker = dir.resolve("plugin-ran");
    Path plugin = dir.resolve("plugin.sh");
    Files.writeString(plugin, "#!/bin/sh\ntouch " + marker + "\n");
    plugin.toFile().setExecutable(true);
    Path kubeconfig = Kubeconfigs.copy(dir, "exec.yaml").get(0);
    Files.writeString(
        kubeconfig,
        Files.readString(kubeconfig)
            .replace("/nonexistent/aws-iam-authenticator", plugin.toString()));

    KubeContexts contexts = loadFiles(List.of(kubeconfig));

    assertThat(contexts.find("eks").orElseThrow().auth()).isEqualTo(UserAuth.EXEC);
    assertThat(marker).doesNotExist();
  }

  @Test
  void skips_files_of_KUBECONFIG_that_do_not_exist_as_kubectl_does() {
    List<Path> files = Kubeconfigs.copy(dir, "a.yaml");
    KubeContexts contexts = loadFiles(List.of(dir.resolve("missing.yaml"), files.get(0)));

    assertThat(contexts.contexts()).extracting(KubeContext::name).containsExactly("dev", "staging");
    assertThat(contexts.files()).containsExactly(files.get(0));
  }

  @Test
  void without_KUBECONFIG_a_missing_kube_config_in_the_home_directory_is_not_found() {
    Kubeconfigs.copy(dir.resolve("home/.kube"), "a.yaml");
    assertThatThrownBy(() -> load(Map.of()))
        .isInstanceOf(KubeconfigException.class)
        .hasMessage("no kubeconfig: " + dir.resolve("home/.kube/config") + " does not exist");
  }

  @Test
  void reads_the_kube_config_in_the_home_directory_when_KUBECONFIG_is_unset() throws IOException {
    Path config = dir.resolve("home/.kube/config");
    Files.createDirectories(config.getParent());
    Files.move(Kubeconfigs.copy(dir, "a.yaml").get(0), config);

    assertThat(load(Map.of()).contexts())
        .extracting(KubeContext::name)
        .containsExactly("dev", "staging");
  }

  @Test
  void no_existing_file_is_a_not_found_error_naming_the_files() {
    assertThatThrownBy(() -> loadFiles(List.of(dir.resolve("x.yaml"), dir.resolve("y.yaml"))))
        .isInstanceOfSatisfying(
            KubeconfigException.class, e -> assertThat(e.problem()).isEqualTo(Problem.NOT_FOUND))
        .hasMessageContaining("x.yaml")
        .hasMessageContaining("y.yaml");
  }

  @Test
  void malformed_yaml_names_the_file_line_and_column_in_one_line() {
    Path malformed = Kubeconfigs.copy(dir, "malformed.yaml").get(0);

    assertThatThrownBy(() -> loadFiles(Kubeconfigs.copy(dir, "a.yaml", "malformed.yaml")))
        .isInstanceOfSatisfying(
            KubeconfigException.class,
            e -> {
              assertThat(e.problem()).isEqualTo(Problem.MALFORMED);
              assertThat(e.file()).isEqualTo(malformed);
            })
        .hasMessageStartingWith("malformed kubeconfig " + malformed + ": line 7, column 6: ")
        .hasMessageNotContaining("\n");
  }

  @Test
  void a_kubeconfig_that_is_not_a_mapping_or_has_no_list_of_contexts_is_malformed()
      throws IOException {
    Path scalar = Files.writeString(dir.resolve("scalar.yaml"), "just text\n");
    Path notList = Files.writeString(dir.resolve("notlist.yaml"), "contexts: {a: b}\n");
    Path noName =
        Files.writeString(dir.resolve("noname.yaml"), "contexts:\n  - context: {cluster: c}\n");

    assertThatThrownBy(() -> loadFiles(List.of(scalar))).hasMessageContaining("expected a mapping");
    assertThatThrownBy(() -> loadFiles(List.of(notList)))
        .hasMessageContaining("'contexts' must be a list");
    assertThatThrownBy(() -> loadFiles(List.of(noName)))
        .hasMessageContaining("contexts[0] has no name");
  }

  @Test
  void a_directory_in_KUBECONFIG_is_unreadable() throws IOException {
    Path directory = Files.createDirectories(dir.resolve("adir"));
    assertThatThrownBy(() -> loadFiles(List.of(directory)))
        .isInstanceOfSatisfying(
            KubeconfigException.class, e -> assertThat(e.problem()).isEqualTo(Problem.UNREADABLE))
        .hasMessage("cannot read kubeconfig " + directory + ": not a regular file");
  }

  @Test
  void an_empty_file_is_an_empty_kubeconfig() throws IOException {
    Path empty = Files.writeString(dir.resolve("empty.yaml"), "");
    assertThat(loadFiles(List.of(empty)).contexts()).isEmpty();
  }

  @Test
  void a_context_whose_cluster_entry_is_missing_has_no_server() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("c.yaml"),
            "contexts:\n  - name: lonely\n    context: {cluster: gone, user: nobody}\n");
    KubeContext lonely = loadFiles(List.of(file)).find("lonely").orElseThrow();
    assertThat(lonely.server()).isNull();
    assertThat(lonely.auth()).isEqualTo(UserAuth.NONE);
    assertThat(lonely.namespace()).isEqualTo("default");
  }

  @Test
  void an_unreadable_file_is_reported_as_such() throws IOException {
    Path file = Kubeconfigs.copy(dir, "a.yaml").get(0);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
    org.junit.jupiter.api.Assumptions.assumeFalse(
        Files.isReadable(file), "running as root: every file is readable");
    assertThatThrownBy(() -> loadFiles(List.of(file)))
        .hasMessage("cannot read kubeconfig " + file + ": permission denied");
  }
}
