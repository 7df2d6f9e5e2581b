package dev.kubereplay.server.rpc;

import dev.kubereplay.protocol.cluster.AuthKind;
import dev.kubereplay.protocol.cluster.ClusterDto;
import dev.kubereplay.protocol.cluster.ConfigEntryDto;
import dev.kubereplay.protocol.cluster.ConfigurationResponse;
import dev.kubereplay.protocol.cluster.DeleteReplayResponse;
import dev.kubereplay.protocol.cluster.FreshnessDto;
import dev.kubereplay.protocol.cluster.KubeContextDto;
import dev.kubereplay.protocol.cluster.ListClustersResponse;
import dev.kubereplay.protocol.cluster.ListContextsResponse;
import dev.kubereplay.protocol.cluster.ListNamespacesResponse;
import dev.kubereplay.protocol.cluster.ListReplaysResponse;
import dev.kubereplay.protocol.cluster.ListSecretsResponse;
import dev.kubereplay.protocol.cluster.OperatorStatus;
import dev.kubereplay.protocol.cluster.ReplayDto;
import dev.kubereplay.protocol.cluster.SecretDto;
import dev.kubereplay.server.cluster.Configuration;
import dev.kubereplay.server.cluster.KubeContext;
import dev.kubereplay.server.cluster.KubeContexts;
import dev.kubereplay.server.cluster.Namespaces;
import dev.kubereplay.server.cluster.OperatorInfo;
import dev.kubereplay.server.cluster.Replays;
import dev.kubereplay.server.cluster.live.ClusterReader.Result;
import dev.kubereplay.server.cluster.views.ConfigEntry;
import dev.kubereplay.server.cluster.views.ReplayRow;
import dev.kubereplay.server.cluster.views.SecretRow;
import java.nio.file.Path;
import java.util.List;

/**
 * Cluster domain values as protocol DTOs, for the RPC answers and the CLI's JSON output. The
 * workload, service and event tables are in {@link WorkloadDtos}.
 */
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

  /** The answer of {@code cluster/listClusters}. */
  public static ListClustersResponse clusters(List<OperatorInfo> operators) {
    return new ListClustersResponse(operators.stream().map(ClusterDtos::cluster).toList());
  }

  private static ClusterDto cluster(OperatorInfo info) {
    return new ClusterDto(
        info.context(),
        info.clusterName(),
        OperatorStatus.valueOf(info.presence().name()),
        info.operatorNamespace(),
        info.operatorVersion(),
        info.latestVersion(),
        info.upgradeAvailable(),
        info.message());
  }

  /** The answer of {@code cluster/listNamespaces}. */
  public static ListNamespacesResponse namespaces(Namespaces namespaces) {
    return new ListNamespacesResponse(
        namespaces.names(), namespaces.fallback(), namespaces.message());
  }

  /** The answer of {@code cluster/getConfiguration}. */
  public static ConfigurationResponse configuration(Configuration configuration) {
    return new ConfigurationResponse(
        configuration.namespace(),
        configuration.found(),
        configuration.overridesFound(),
        configuration.entries().items().stream().map(ClusterDtos::entry).toList(),
        freshness(configuration.entries()));
  }

  private static ConfigEntryDto entry(ConfigEntry entry) {
    return new ConfigEntryDto(entry.key(), entry.value(), entry.override(), entry.effective());
  }

  /** The answer of {@code cluster/listSecrets}: names, types and key names only. */
  public static ListSecretsResponse secrets(Result<SecretRow> secrets) {
    return new ListSecretsResponse(
        secrets.items().stream().map(s -> new SecretDto(s.name(), s.type(), s.keys())).toList(),
        freshness(secrets));
  }

  /** The answer of {@code cluster/listReplays}. */
  public static ListReplaysResponse replays(Replays replays) {
    return new ListReplaysResponse(
        replays.replays().items().stream().map(ClusterDtos::replay).toList(),
        replays.crdInstalled(),
        freshness(replays.replays()));
  }

  private static ReplayDto replay(ReplayRow r) {
    return new ReplayDto(
        r.name(),
        r.snapshotID(),
        r.mode(),
        r.workload(),
        r.phase(),
        r.progress(),
        r.successRate(),
        r.ready(),
        r.startedTime(),
        r.finishedTime(),
        r.message());
  }

  /** The answer of {@code cluster/deleteReplay}. */
  public static DeleteReplayResponse deleted(boolean deleted) {
    return new DeleteReplayResponse(deleted);
  }

  /** How current a read is, as the protocol tells it. */
  public static FreshnessDto freshness(Result<?> read) {
    return LiveDtos.freshness(read.freshness());
  }
}
