package dev.kubereplay.server.cli.cluster;

import dev.kubereplay.server.cli.Table;
import dev.kubereplay.server.cluster.Configuration;
import dev.kubereplay.server.cluster.views.ConfigEntry;
import dev.kubereplay.server.rpc.ClusterDtos;
import java.io.PrintWriter;
import picocli.CommandLine.Command;

@Command(
    name = "config",
    description = "The operator's ConfigMap, with the deprecated overrides beside it.")
final class ConfigCommand extends ViewCommand {

  @Override
  int run(ClusterCli cli, PrintWriter out, PrintWriter err) {
    Configuration config = cli.service().configuration(scope.context, scope.namespace);
    ClusterCli.warnIfStale(err, config.entries());
    if (scope.json()) {
      ClusterCli.printJson(out, ClusterDtos.configuration(config));
      return 0;
    }
    if (!config.found()) {
      err.println(
          "kubereplay: no kubereplay-operator ConfigMap in namespace " + config.namespace());
    }
    Table table = new Table("KEY", "VALUE", "OVERRIDE", "EFFECTIVE");
    for (ConfigEntry entry : config.entries().items()) {
      table.row(entry.key(), orDash(entry.value()), orDash(entry.override()), entry.effective());
    }
    table.print(out);
    return 0;
  }
}
