package dev.kubereplay.server.cli.cluster;

import dev.kubereplay.protocol.cluster.WorkloadDto;
import dev.kubereplay.protocol.cluster.WorkloadRefDto;
import dev.kubereplay.server.cluster.Scope;
import picocli.CommandLine.Command;

@Command(
    name = "inject",
    description =
        "Turn sidecar injection on or off (pod template annotation kubereplay.dev/inject).")
final class InjectCommand extends ToggleCommand {

  @Override
  WorkloadDto apply(ClusterCli cli, Scope scope, WorkloadRefDto ref, boolean enabled) {
    return cli.service().setInjection(scope, ref, enabled);
  }

  @Override
  String what() {
    return "injection";
  }
}
