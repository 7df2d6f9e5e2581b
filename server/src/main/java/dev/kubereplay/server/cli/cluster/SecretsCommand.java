package dev.kubereplay.server.cli.cluster;

import dev.kubereplay.protocol.cluster.ListSecretsResponse;
import dev.kubereplay.protocol.cluster.SecretDto;
import dev.kubereplay.server.cli.Table;
import java.io.PrintWriter;
import picocli.CommandLine.Command;

@Command(name = "secrets", description = "Secrets by name, type and keys. Values are never shown.")
final class SecretsCommand extends ViewCommand {

  @Override
  int run(ClusterCli cli, PrintWriter out, PrintWriter err) {
    ListSecretsResponse response = cli.service().secrets(resolve(cli));
    ClusterCli.warnIfStale(err, response.freshness());
    if (scope.json()) {
      ClusterCli.printJson(out, response);
      return 0;
    }
    Table table = new Table("NAME", "TYPE", "KEYS");
    for (SecretDto secret : response.secrets()) {
      table.row(secret.name(), secret.type(), String.join(",", secret.keys()));
    }
    table.print(out);
    return 0;
  }
}
