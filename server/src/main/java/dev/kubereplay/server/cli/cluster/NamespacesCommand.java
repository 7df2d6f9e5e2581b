package dev.kubereplay.server.cli.cluster;

import dev.kubereplay.server.cluster.Namespaces;
import dev.kubereplay.server.rpc.ClusterDtos;
import java.io.PrintWriter;
import picocli.CommandLine.Command;

@Command(name = "namespaces", description = "The namespaces of a context.")
final class NamespacesCommand extends ViewCommand {

  @Override
  int run(ClusterCli cli, PrintWriter out, PrintWriter err) {
    Namespaces response = cli.service().namespaces(resolve(cli));
    if (scope.json()) {
      ClusterCli.printJson(out, ClusterDtos.namespaces(response));
      return 0;
    }
    if (response.fallback()) {
      err.println("kubereplay: " + response.message());
    }
    response.names().forEach(out::println);
    return 0;
  }
}
