package dev.kubereplay.server.cli.cluster;

import dev.kubereplay.server.cluster.Scope;
import dev.kubereplay.server.cluster.views.WorkloadRef;
import dev.kubereplay.server.cluster.views.WorkloadRow;
import picocli.CommandLine.Command;

@Command(
    name = "inject",
    description =
        "Turn sidecar injection on or off (pod template annotation kubereplay.dev/inject).")
final class InjectCommand extends ToggleCommand {

  @Override
  WorkloadRow apply(ClusterCli cli, Scope scope, WorkloadRef ref, boolean enabled) {
    return cli.service().setInjection(scope, ref, enabled);
  }

  @Override
  String what() {
    return "injection";
  }
}
