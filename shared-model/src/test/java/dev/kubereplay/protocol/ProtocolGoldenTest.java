package dev.kubereplay.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import com.google.gson.JsonParser;
import dev.kubereplay.protocol.cluster.*;
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
import dev.kubereplay.protocol.logs.*;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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

  private static final FreshnessDto FRESH = new FreshnessDto(false, null, null);
  private static final FreshnessDto STALE =
      new FreshnessDto(
          true,
          Instant.parse("2026-11-25T17:00:00Z"),
          "API server https://127.0.0.1:6443 unreachable: connection refused");
  private static final WorkloadDto WORKLOAD =
      new WorkloadDto(
          "Deployment",
          "api",
          "shop",
          1,
          2,
          true,
          false,
          HealthLevel.ALERT,
          List.of("pod api-7d4f-x2 is in CrashLoopBackOff"),
          new ResourcesDto(500, 536870912L),
          new ResourcesDto(100, 134217728L),
          List.of(new PodProblemDto("api-7d4f-x2", "api", "CrashLoopBackOff", null)));
  private static final ServiceDto SERVICE =
      new ServiceDto(
          "api",
          "ClusterIP",
          "10.0.0.12",
          List.of(new ServicePortDto("http", 80, "http", "TCP", null)),
          Map.of("app", "api"),
          List.of(new WorkloadRefDto("Deployment", "api")));
  private static final EventDto EVENT =
      new EventDto(
          "Warning",
          "BackOff",
          "Pod",
          "api-7d4f-x2",
          "Back-off restarting failed container",
          12,
          Instant.parse("2026-11-25T16:00:00Z"),
          Instant.parse("2026-11-25T16:59:30Z"),
          new WorkloadRefDto("Deployment", "api"));
  private static final ReplayDto REPLAY =
      new ReplayDto(
          "nightly-1",
          "snap-42",
          "full-replay",
          "Deployment/api",
          "Running",
          42.5,
          99.1,
          false,
          Instant.parse("2026-11-25T16:50:00Z"),
          null,
          null);

  static Map<Class<?>, Object> samples() {
    Map<Class<?>, Object> samples = new LinkedHashMap<>();
    samples.put(
        InitializeParams.class,
        new InitializeParams(
            new ClientInfoDto("kubereplay-vscode", "0.1.0"),
            new ClientCapabilitiesDto(List.of("cluster/didChange")),
            "1.3"));
    samples.put(ClientInfoDto.class, new ClientInfoDto("kubereplay-intellij", "0.1.0"));
    samples.put(ClientCapabilitiesDto.class, new ClientCapabilitiesDto(List.of()));
    samples.put(
        InitializeResponse.class,
        new InitializeResponse(
            new ServerInfoDto("kubereplay", "0.1.0", 3),
            new ServerCapabilitiesDto(List.of("cluster/listContexts", "initialize", "shutdown")),
            "1.3"));
    samples.put(ServerInfoDto.class, new ServerInfoDto("kubereplay", "0.1.0", 3));
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
        new DidChangeClusterParams(
            List.of(ClusterChangeKind.VIEWS, ClusterChangeKind.CONNECTION),
            "dev",
            "shop",
            List.of(ClusterView.WORKLOADS, ClusterView.EVENTS),
            FRESH));
    samples.put(ScopeParams.class, new ScopeParams("dev", null));
    samples.put(FreshnessDto.class, STALE);
    samples.put(ListClustersParams.class, new ListClustersParams(List.of("dev")));
    samples.put(
        ListClustersResponse.class,
        new ListClustersResponse(
            List.of(
                new ClusterDto(
                    "dev",
                    "shop-eu",
                    OperatorStatus.INSTALLED,
                    "kubereplay",
                    "0.9.0",
                    "1.0.0",
                    true,
                    null),
                new ClusterDto(
                    "prod",
                    "prod-cluster",
                    OperatorStatus.UNREACHABLE,
                    null,
                    null,
                    "1.0.0",
                    false,
                    "API server https://prod.example.test:443 unreachable: connection refused"))));
    samples.put(
        ClusterDto.class,
        new ClusterDto(
            "dev",
            "dev-cluster",
            OperatorStatus.NOT_INSTALLED,
            null,
            null,
            "1.0.0",
            false,
            "no kubereplay operator found"));
    samples.put(
        ListNamespacesResponse.class,
        new ListNamespacesResponse(List.of("shop"), true, "forbidden: cannot list namespaces"));
    samples.put(ConfigEntryDto.class, new ConfigEntryDto("LOG_LEVEL", "info", "debug", "debug"));
    samples.put(
        ConfigurationResponse.class,
        new ConfigurationResponse(
            "kubereplay",
            true,
            false,
            List.of(new ConfigEntryDto("CLUSTER_NAME", "shop-eu", null, "shop-eu")),
            FRESH));
    samples.put(WorkloadRefDto.class, new WorkloadRefDto("Deployment", "api"));
    samples.put(
        PodProblemDto.class,
        new PodProblemDto(
            "api-7d4f-x2", "api", "CrashLoopBackOff", "back-off 5m0s restarting failed container"));
    samples.put(ResourcesDto.class, new ResourcesDto(250, 268435456L));
    samples.put(WorkloadDto.class, WORKLOAD);
    samples.put(ListWorkloadsResponse.class, new ListWorkloadsResponse(List.of(WORKLOAD), STALE));
    samples.put(
        SetWorkloadFlagParams.class,
        new SetWorkloadFlagParams(null, "shop", new WorkloadRefDto("StatefulSet", "db"), true));
    samples.put(WorkloadResponse.class, new WorkloadResponse(WORKLOAD));
    samples.put(
        SecretDto.class,
        new SecretDto("db-credentials", "Opaque", List.of("password", "username")));
    samples.put(
        ListSecretsResponse.class,
        new ListSecretsResponse(
            List.of(new SecretDto("tls", "kubernetes.io/tls", List.of("tls.crt", "tls.key"))),
            FRESH));
    samples.put(ServicePortDto.class, new ServicePortDto("http", 80, "8080", "TCP", null));
    samples.put(ServiceDto.class, SERVICE);
    samples.put(ListServicesResponse.class, new ListServicesResponse(List.of(SERVICE), FRESH));
    samples.put(EventDto.class, EVENT);
    samples.put(ListEventsResponse.class, new ListEventsResponse(List.of(EVENT), FRESH));
    samples.put(ReplayDto.class, REPLAY);
    samples.put(ListReplaysResponse.class, new ListReplaysResponse(List.of(REPLAY), true, FRESH));
    samples.put(DeleteReplayParams.class, new DeleteReplayParams("dev", "shop", "nightly-1"));
    samples.put(DeleteReplayResponse.class, new DeleteReplayResponse(true));
    samples.put(
        WatchParams.class,
        new WatchParams(null, null, List.of(ClusterView.WORKLOADS, ClusterView.SECRETS)));
    samples.put(
        WatchResponse.class, new WatchResponse("dev", "shop", List.of(ClusterView.WORKLOADS)));
    samples.put(
        LogsParams.class,
        new LogsParams(
            "dev", "shop", "api", "Deployment", null, true, false, 100, Duration.ofMinutes(5)));
    samples.put(LogLineDto.class, new LogLineDto("api-7d4f-x2", "api", "GET /health 200"));
    samples.put(
        GetLogsResponse.class,
        new GetLogsResponse(
            List.of(new LogLineDto("api-7d4f-x2", "kubereplay-sidecar", "recorded 12 rr pairs"))));
    samples.put(
        FollowLogsResponse.class,
        new FollowLogsResponse("follow-1", List.of("api-7d4f-x2", "api-7d4f-y9")));
    samples.put(StopLogsParams.class, new StopLogsParams("follow-1"));
    samples.put(StopLogsResponse.class, new StopLogsResponse(true));
    samples.put(
        DidAppendLogsParams.class,
        new DidAppendLogsParams(
            "follow-1", List.of(new LogLineDto("api-7d4f-x2", "api", "started"))));
    samples.put(
        DidEndLogsParams.class,
        new DidEndLogsParams("follow-1", "pod shop/api-7d4f-x2 was deleted"));
    TrafficGoldenSamples.add(samples);
    ReplayGoldenSamples.add(samples);
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
