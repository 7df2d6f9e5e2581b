package dev.kubereplay.server.cli.cluster;

import dev.kubereplay.server.cli.CliException;
import dev.kubereplay.server.cluster.Scope;
import dev.kubereplay.server.cluster.views.WorkloadRef;
import dev.kubereplay.server.cluster.views.WorkloadRow;
import dev.kubereplay.server.rpc.WorkloadDtos;
import java.io.PrintWriter;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Turns a pod-template annotation of a workload on or off. */
abstract class ToggleCommand extends ViewCommand {

  @Parameters(
      index = "0",
      paramLabel = "WORKLOAD",
      description = "the workload's name, or KIND/NAME (e.g. statefulset/db)")
  String workload;

  static final class State {
    @Option(names = "--on", required = true)
    boolean on;

    @Option(names = "--off", required = true)
    boolean off;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  State state;

  abstract WorkloadRow apply(ClusterCli cli, Scope scope, WorkloadRef ref, boolean enabled);

  abstract String what();

  @Override
  int run(ClusterCli cli, PrintWriter out, PrintWriter err) {
    WorkloadRow result = apply(cli, resolve(cli), ref(workload), state.on);
    if (scope.json()) {
      ClusterCli.printJson(out, WorkloadDtos.toggled(result));
    } else {
      boolean now = what().equals("injection") ? result.injected() : result.tlsOut();
      out.println(
          result.kind()
              + "/"
              + result.name()
              + ": "
              + what()
              + " "
              + (now ? "on" : "off")
              + (what().equals("injection") ? " (takes effect on the next rollout)" : ""));
    }
    return 0;
  }

  static WorkloadRef ref(String text) {
    int slash = text.indexOf('/');
    if (slash < 0) {
      return new WorkloadRef("Deployment", text);
    }
    String kind =
        switch (text.substring(0, slash).toLowerCase(java.util.Locale.ROOT)) {
          case "deployment", "deployments", "deploy" -> "Deployment";
          case "statefulset", "statefulsets", "sts" -> "StatefulSet";
          case "daemonset", "daemonsets", "ds" -> "DaemonSet";
          default ->
              throw new CliException(
                  "unknown workload kind '"
                      + text.substring(0, slash)
                      + "': use deployment, statefulset or daemonset");
        };
    return new WorkloadRef(kind, text.substring(slash + 1));
  }
}
