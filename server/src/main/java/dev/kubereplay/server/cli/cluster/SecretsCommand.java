package dev.kubereplay.server.cli.cluster;

import dev.kubereplay.server.cli.Table;
import dev.kubereplay.server.cluster.live.ClusterReader.Result;
import dev.kubereplay.server.cluster.views.SecretRow;
import dev.kubereplay.server.rpc.ClusterDtos;
import java.io.PrintWriter;
import picocli.CommandLine.Command;

@Command(name = "secrets", description = "Secrets by name, type and keys. Values are never shown.")
final class SecretsCommand extends ViewCommand {

  @Override
  int run(ClusterCli cli, PrintWriter out, PrintWriter err) {
    Result<SecretRow> response = cli.service().secrets(resolve(cli));
    ClusterCli.warnIfStale(err, response);
    if (scope.json()) {
      ClusterCli.printJson(out, ClusterDtos.secrets(response));
      return 0;
    }
    Table table = new Table("NAME", "TYPE", "KEYS");
    for (SecretRow secret : response.items()) {
      table.row(secret.name(), secret.type(), String.join(",", secret.keys()));
    }
    table.print(out);
    return 0;
  }
}
