package dev.kubereplay.server.cli.cluster;

import dev.kubereplay.server.cli.Table;
import dev.kubereplay.server.cluster.live.ClusterReader.Result;
import dev.kubereplay.server.cluster.views.EventRow;
import dev.kubereplay.server.rpc.WorkloadDtos;
import java.io.PrintWriter;
import picocli.CommandLine.Command;

@Command(name = "events", description = "Events, warnings first, with the workload each concerns.")
final class EventsCommand extends ViewCommand {

  @Override
  int run(ClusterCli cli, PrintWriter out, PrintWriter err) {
    Result<EventRow> response = cli.service().events(resolve(cli));
    ClusterCli.warnIfStale(err, response);
    if (scope.json()) {
      ClusterCli.printJson(out, WorkloadDtos.events(response));
      return 0;
    }
    Table table =
        new Table("TYPE", "REASON", "OBJECT", "WORKLOAD", "COUNT", "LAST SEEN", "MESSAGE");
    for (EventRow e : response.items()) {
      table.row(
          e.type(),
          e.reason(),
          e.objectKind() + "/" + e.objectName(),
          e.workload() == null ? "-" : e.workload().kind() + "/" + e.workload().name(),
          String.valueOf(e.count()),
          orDash(e.lastSeen()),
          e.message());
    }
    table.print(out);
    return 0;
  }
}
