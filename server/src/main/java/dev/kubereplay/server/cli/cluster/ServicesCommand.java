package dev.kubereplay.server.cli.cluster;

import dev.kubereplay.server.cli.Table;
import dev.kubereplay.server.cluster.live.ClusterReader.Result;
import dev.kubereplay.server.cluster.views.ServiceRow;
import dev.kubereplay.server.rpc.WorkloadDtos;
import java.io.PrintWriter;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;

@Command(
    name = "services",
    description = "Services with their ports, selector and the workloads they select.")
final class ServicesCommand extends ViewCommand {

  @Override
  int run(ClusterCli cli, PrintWriter out, PrintWriter err) {
    Result<ServiceRow> response = cli.service().services(resolve(cli));
    ClusterCli.warnIfStale(err, response);
    if (scope.json()) {
      ClusterCli.printJson(out, WorkloadDtos.services(response));
      return 0;
    }
    Table table = new Table("NAME", "TYPE", "CLUSTER-IP", "PORTS", "SELECTOR", "WORKLOADS");
    for (ServiceRow s : response.items()) {
      table.row(
          s.name(),
          s.type(),
          orDash(s.clusterIP()),
          s.ports().stream()
              .map(p -> p.port() + "->" + p.targetPort() + "/" + p.protocol())
              .collect(Collectors.joining(",")),
          s.selector().entrySet().stream()
              .map(e -> e.getKey() + "=" + e.getValue())
              .collect(Collectors.joining(",")),
          orDash(
              s.workloads().stream()
                  .map(w -> w.kind() + "/" + w.name())
                  .collect(Collectors.joining(","))));
    }
    table.print(out);
    return 0;
  }
}
