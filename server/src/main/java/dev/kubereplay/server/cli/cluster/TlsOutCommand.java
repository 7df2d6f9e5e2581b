package dev.kubereplay.server.cli.cluster;

import dev.kubereplay.server.cluster.Scope;
import dev.kubereplay.server.cluster.views.WorkloadRef;
import dev.kubereplay.server.cluster.views.WorkloadRow;
import picocli.CommandLine.Command;

@Command(
    name = "tls-out",
    description = "Turn outbound TLS unwrapping on or off (annotation kubereplay.dev/tls-out).")
final class TlsOutCommand extends ToggleCommand {

  @Override
  WorkloadRow apply(ClusterCli cli, Scope scope, WorkloadRef ref, boolean enabled) {
    return cli.service().setTlsOut(scope, ref, enabled);
  }

  @Override
  String what() {
    return "TLS out";
  }
}
