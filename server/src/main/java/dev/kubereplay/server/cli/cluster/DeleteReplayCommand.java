package dev.kubereplay.server.cli.cluster;

import dev.kubereplay.server.rpc.ClusterDtos;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "delete-replay", description = "Delete a TrafficReplay resource.")
final class DeleteReplayCommand extends ViewCommand {

  @Parameters(index = "0", paramLabel = "NAME", description = "the TrafficReplay's name")
  String name;

  @Override
  int run(ClusterCli cli, PrintWriter out, PrintWriter err) {
    boolean deleted = cli.service().deleteReplay(resolve(cli), name);
    if (scope.json()) {
      ClusterCli.printJson(out, ClusterDtos.deleted(deleted));
    } else {
      out.println(
          deleted
              ? "deleted trafficreplay " + name
              : "trafficreplay " + name + " was already gone");
    }
    return 0;
  }
}
