package dev.kubereplay.server.cli.cluster;

import dev.kubereplay.server.cluster.Scope;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** A {@code kubereplay cluster ...} command: resolves the scope, runs, prints. */
abstract class ViewCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @ParentCommand ClusterCommand parent;

  @Mixin ScopeOptions scope;

  @Override
  public final Integer call() {
    try (ClusterCli cli = new ClusterCli(parent.environment())) {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      int exit = run(cli, out, err);
      out.flush();
      err.flush();
      return exit;
    }
  }

  Scope resolve(ClusterCli cli) {
    return cli.service().scope(scope.context, scope.namespace);
  }

  abstract int run(ClusterCli cli, PrintWriter out, PrintWriter err);

  static String orDash(Object value) {
    return value == null || value.toString().isEmpty() ? "-" : value.toString();
  }
}
