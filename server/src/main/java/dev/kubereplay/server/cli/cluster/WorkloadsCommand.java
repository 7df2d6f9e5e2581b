package dev.kubereplay.server.cli.cluster;

import dev.kubereplay.server.cli.Table;
import dev.kubereplay.server.cluster.live.ClusterReader.Result;
import dev.kubereplay.server.cluster.views.PodProblem;
import dev.kubereplay.server.cluster.views.Requests;
import dev.kubereplay.server.cluster.views.WorkloadRow;
import dev.kubereplay.server.rpc.WorkloadDtos;
import java.io.PrintWriter;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;

@Command(
    name = "workloads",
    description =
        "Deployments, StatefulSets and DaemonSets with injection, sidecar health and requests.")
final class WorkloadsCommand extends ViewCommand {

  @Override
  int run(ClusterCli cli, PrintWriter out, PrintWriter err) {
    Result<WorkloadRow> response = cli.service().workloads(resolve(cli));
    ClusterCli.warnIfStale(err, response);
    if (scope.json()) {
      ClusterCli.printJson(out, WorkloadDtos.workloads(response));
      return 0;
    }
    Table table =
        new Table(
            "KIND",
            "NAME",
            "READY",
            "INJECTED",
            "TLS-OUT",
            "SIDECAR",
            "CPU",
            "MEMORY",
            "SIDECAR-REQ",
            "PROBLEMS");
    for (WorkloadRow w : response.items()) {
      table.row(
          w.kind(),
          w.name(),
          w.ready() + "/" + w.desired(),
          w.injected() ? "yes" : "no",
          w.tlsOut() ? "yes" : "no",
          w.sidecarHealth().name().toLowerCase(java.util.Locale.ROOT),
          cpu(w.appRequests()),
          memory(w.appRequests()),
          w.injected() ? cpu(w.sidecarRequests()) + "/" + memory(w.sidecarRequests()) : "-",
          w.problems().isEmpty()
              ? "-"
              : w.problems().stream()
                  .map(PodProblem::reason)
                  .distinct()
                  .collect(Collectors.joining(",")));
    }
    table.print(out);
    return 0;
  }

  static String cpu(Requests r) {
    return r.cpuMillis() == 0 ? "-" : r.cpuMillis() + "m";
  }

  static String memory(Requests r) {
    long mi = r.memoryBytes() / (1024 * 1024);
    return r.memoryBytes() == 0 ? "-" : mi + "Mi";
  }
}
