package dev.kubereplay.server.cli.cluster;

import dev.kubereplay.protocol.cluster.WorkloadDto;
import dev.kubereplay.protocol.cluster.WorkloadRefDto;
import dev.kubereplay.server.cluster.Scope;
import picocli.CommandLine.Command;

@Command(
    name = "tls-out",
    description = "Turn outbound TLS unwrapping on or off (annotation kubereplay.dev/tls-out).")
final class TlsOutCommand extends ToggleCommand {

  @Override
  WorkloadDto apply(ClusterCli cli, Scope scope, WorkloadRefDto ref, boolean enabled) {
    return cli.service().setTlsOut(scope, ref, enabled);
  }

  @Override
  String what() {
    return "TLS out";
  }
}
