package dev.kubereplay.server.cli.cluster;

import dev.kubereplay.protocol.cluster.ConfigEntryDto;
import dev.kubereplay.protocol.cluster.ConfigurationResponse;
import dev.kubereplay.server.cli.Table;
import java.io.PrintWriter;
import picocli.CommandLine.Command;

@Command(
    name = "config",
    description = "The operator's ConfigMap, with the deprecated overrides beside it.")
final class ConfigCommand extends ViewCommand {

  @Override
  int run(ClusterCli cli, PrintWriter out, PrintWriter err) {
    ConfigurationResponse config = cli.service().configuration(scope.context, scope.namespace);
    ClusterCli.warnIfStale(err, config.freshness());
    if (scope.json()) {
      ClusterCli.printJson(out, config);
      return 0;
    }
    if (!config.found()) {
      err.println(
          "kubereplay: no kubereplay-operator ConfigMap in namespace " + config.namespace());
    }
    Table table = new Table("KEY", "VALUE", "OVERRIDE", "EFFECTIVE");
    for (ConfigEntryDto entry : config.entries()) {
      table.row(entry.key(), orDash(entry.value()), orDash(entry.override()), entry.effective());
    }
    table.print(out);
    return 0;
  }
}
