package dev.kubereplay.server.cli.cluster;

import dev.kubereplay.protocol.cluster.ListWorkloadsResponse;
import dev.kubereplay.protocol.cluster.PodProblemDto;
import dev.kubereplay.protocol.cluster.ResourcesDto;
import dev.kubereplay.protocol.cluster.WorkloadDto;
import dev.kubereplay.server.cli.Table;
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
    ListWorkloadsResponse response = cli.service().workloads(resolve(cli));
    ClusterCli.warnIfStale(err, response.freshness());
    if (scope.json()) {
      ClusterCli.printJson(out, response);
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
    for (WorkloadDto w : response.workloads()) {
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
                  .map(PodProblemDto::reason)
                  .distinct()
                  .collect(Collectors.joining(",")));
    }
    table.print(out);
    return 0;
  }

  static String cpu(ResourcesDto r) {
    return r.cpuMillis() == 0 ? "-" : r.cpuMillis() + "m";
  }

  static String memory(ResourcesDto r) {
    long mi = r.memoryBytes() / (1024 * 1024);
    return r.memoryBytes() == 0 ? "-" : mi + "Mi";
  }
}
