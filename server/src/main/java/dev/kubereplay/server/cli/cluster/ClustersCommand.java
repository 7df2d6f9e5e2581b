package dev.kubereplay.server.cli.cluster;

import dev.kubereplay.server.cli.Table;
import dev.kubereplay.server.cluster.OperatorInfo;
import dev.kubereplay.server.rpc.ClusterDtos;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;

@Command(
    name = "clusters",
    description = "Per context: the kubereplay operator, its version, the cluster name.")
final class ClustersCommand extends ViewCommand {

  @Override
  int run(ClusterCli cli, PrintWriter out, PrintWriter err) {
    List<String> contexts = scope.context == null ? List.of() : List.of(scope.context);
    List<OperatorInfo> clusters = cli.service().operators().clusters(contexts, cli.executor());
    if (scope.json()) {
      ClusterCli.printJson(out, ClusterDtos.clusters(clusters));
      return 0;
    }
    Table table =
        new Table("CONTEXT", "CLUSTER", "OPERATOR", "NAMESPACE", "VERSION", "LATEST", "NOTE");
    for (OperatorInfo c : clusters) {
      table.row(
          c.context(),
          c.clusterName(),
          c.presence().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
          orDash(c.operatorNamespace()),
          orDash(c.operatorVersion()),
          c.latestVersion() + (c.upgradeAvailable() ? " (upgrade)" : ""),
          orDash(c.message()));
    }
    table.print(out);
    return 0;
  }
}
