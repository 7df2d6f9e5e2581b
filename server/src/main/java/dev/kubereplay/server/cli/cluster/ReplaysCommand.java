package dev.kubereplay.server.cli.cluster;

import dev.kubereplay.server.cli.Table;
import dev.kubereplay.server.cluster.Replays;
import dev.kubereplay.server.cluster.views.ReplayRow;
import dev.kubereplay.server.rpc.ClusterDtos;
import java.io.PrintWriter;
import picocli.CommandLine.Command;

@Command(name = "replays", description = "TrafficReplay resources, active ones first.")
final class ReplaysCommand extends ViewCommand {

  @Override
  int run(ClusterCli cli, PrintWriter out, PrintWriter err) {
    Replays response = cli.service().replays(resolve(cli));
    ClusterCli.warnIfStale(err, response.replays());
    if (scope.json()) {
      ClusterCli.printJson(out, ClusterDtos.replays(response));
      return 0;
    }
    if (!response.crdInstalled()) {
      err.println(
          "kubereplay: the TrafficReplay CRD (trafficreplays.kubereplay.dev) is not installed in this cluster");
    }
    Table table =
        new Table(
            "NAME", "PHASE", "PROGRESS", "SUCCESS", "SNAPSHOT", "WORKLOAD", "STARTED", "FINISHED");
    for (ReplayRow r : response.replays().items()) {
      table.row(
          r.name(),
          orDash(r.phase()),
          r.progress() == null ? "-" : String.format("%.0f%%", r.progress()),
          r.successRate() == null ? "-" : String.format("%.1f%%", r.successRate()),
          orDash(r.snapshotID()),
          orDash(r.workload()),
          orDash(r.startedTime()),
          orDash(r.finishedTime()));
    }
    table.print(out);
    return 0;
  }
}
