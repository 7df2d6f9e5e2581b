package dev.kubereplay.server.cli.cluster;

import dev.kubereplay.protocol.cluster.ListNamespacesResponse;
import java.io.PrintWriter;
import picocli.CommandLine.Command;

@Command(name = "namespaces", description = "The namespaces of a context.")
final class NamespacesCommand extends ViewCommand {

  @Override
  int run(ClusterCli cli, PrintWriter out, PrintWriter err) {
    ListNamespacesResponse response = cli.service().namespaces(resolve(cli));
    if (scope.json()) {
      ClusterCli.printJson(out, response);
      return 0;
    }
    if (response.fallback()) {
      err.println("kubereplay: " + response.message());
    }
    response.namespaces().forEach(out::println);
    return 0;
  }
}
