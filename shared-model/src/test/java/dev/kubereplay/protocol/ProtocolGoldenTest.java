package dev.kubereplay.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import com.google.gson.JsonParser;
import dev.kubereplay.protocol.cluster.AuthKind;
import dev.kubereplay.protocol.cluster.ClusterChangeKind;
import dev.kubereplay.protocol.cluster.DidChangeClusterParams;
import dev.kubereplay.protocol.cluster.KubeContextDto;
import dev.kubereplay.protocol.cluster.ListContextsParams;
import dev.kubereplay.protocol.cluster.ListContextsResponse;
import dev.kubereplay.protocol.initialize.ClientCapabilitiesDto;
import dev.kubereplay.protocol.initialize.ClientInfoDto;
import dev.kubereplay.protocol.initialize.InitializeParams;
import dev.kubereplay.protocol.initialize.InitializeResponse;
import dev.kubereplay.protocol.initialize.ServerCapabilitiesDto;
import dev.kubereplay.protocol.initialize.ServerInfoDto;
import dev.kubereplay.protocol.jsonrpc.ProtocolGson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.services.ServiceEndpoints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every DTO written by the protocol's Gson (lsp4j's, configured as the launchers configure it)
 * matches its golden JSON file, and reads back equal. A changed wire shape fails here first.
 */
class ProtocolGoldenTest {

  private static final Path GOLDEN = Path.of("src/test/resources/golden");

  private static final KubeContextDto DEV =
      new KubeContextDto(
          "dev",
          "dev-cluster",
          "https://127.0.0.1:6443",
          "dev-admin",
          AuthKind.CLIENT_CERTIFICATE,
          "shop",
          true,
          "/home/me/.kube/config");
  private static final KubeContextDto PROD =
      new KubeContextDto(
          "prod",
          "prod-cluster",
          null,
          "sso",
          AuthKind.EXEC,
          "default",
          false,
          "/home/me/.kube/prod.yaml");

  static Map<Class<?>, Object> samples() {
    Map<Class<?>, Object> samples = new LinkedHashMap<>();
    samples.put(
        InitializeParams.class,
        new InitializeParams(
            new ClientInfoDto("kubereplay-vscode", "0.1.0"),
            new ClientCapabilitiesDto(List.of("cluster/didChange"))));
    samples.put(ClientInfoDto.class, new ClientInfoDto("kubereplay-intellij", "0.1.0"));
    samples.put(ClientCapabilitiesDto.class, new ClientCapabilitiesDto(List.of()));
    samples.put(
        InitializeResponse.class,
        new InitializeResponse(
            new ServerInfoDto("kubereplay", "0.1.0", 1),
            new ServerCapabilitiesDto(List.of("cluster/listContexts", "initialize", "shutdown"))));
    samples.put(ServerInfoDto.class, new ServerInfoDto("kubereplay", "0.1.0", 1));
    samples.put(ServerCapabilitiesDto.class, new ServerCapabilitiesDto(List.of("initialize")));
    samples.put(ListContextsParams.class, new ListContextsParams());
    samples.put(
        ListContextsResponse.class,
        new ListContextsResponse(
            List.of(DEV, PROD),
            "dev",
            List.of("/home/me/.kube/config", "/home/me/.kube/prod.yaml")));
    samples.put(KubeContextDto.class, PROD);
    samples.put(
        DidChangeClusterParams.class,
        new DidChangeClusterParams(List.of(ClusterChangeKind.CONTEXTS)));
    samples.put(
        ErrorDataDto.class,
        new ErrorDataDto(ErrorCode.KUBECONFIG_MALFORMED, "/home/me/.kube/config"));
    return samples;
  }

  static Stream<Class<?>> dtoTypes() {
    return samples().keySet().stream();
  }

  private static Gson wireGson() {
    return new MessageJsonHandler(
            ServiceEndpoints.getSupportedMethods(KubeReplayRpcServer.class),
            ProtocolGson::configure)
        .getGson();
  }

  @ParameterizedTest
  @MethodSource("dtoTypes")
  void dto_round_trips_against_its_golden_json(Class<?> type) throws IOException {
    Object sample = samples().get(type);
    Gson gson = wireGson();
    String json = gson.toJson(sample);
    Path golden = GOLDEN.resolve(type.getSimpleName() + ".json");
    if (Boolean.getBoolean("kubereplay.regenerate")) {
      Files.createDirectories(GOLDEN);
      Files.writeString(
          golden,
          gson.newBuilder().setPrettyPrinting().create().toJson(sample) + "\n",
          StandardCharsets.UTF_8);
    }
    String expected = Files.readString(golden, StandardCharsets.UTF_8);
    assertThat(JsonParser.parseString(json)).isEqualTo(JsonParser.parseString(expected));
    assertThat(gson.fromJson(expected, type)).isEqualTo(sample);
  }

  @Test
  void every_record_the_protocol_carries_has_a_golden_sample() {
    List<Class<?>> records =
        new TypeScriptMirror().types().stream().filter(Class::isRecord).toList();
    assertThat(samples().keySet()).containsAll(records);
  }

  @Test
  void enums_travel_as_names_and_absent_fields_are_left_out() {
    String json = wireGson().toJson(PROD);
    assertThat(json).contains("\"authKind\":\"EXEC\"").doesNotContain("server");
  }
}
