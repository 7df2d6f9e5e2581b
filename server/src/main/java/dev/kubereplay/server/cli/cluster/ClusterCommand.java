package dev.kubereplay.server.cli.cluster;

import dev.kubereplay.server.ServerEnvironment;
import dev.kubereplay.server.cli.Main;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code kubereplay cluster VIEW}: the infrastructure view, one command per view. */
@Command(
    name = "cluster",
    description = "Inspect what runs in a cluster: the same data the IDE views show.",
    subcommands = {
      ClustersCommand.class,
      NamespacesCommand.class,
      ConfigCommand.class,
      WorkloadsCommand.class,
      InjectCommand.class,
      TlsOutCommand.class,
      SecretsCommand.class,
      ServicesCommand.class,
      EventsCommand.class,
      ReplaysCommand.class,
      DeleteReplayCommand.class,
      LogsCommand.class
    })
public final class ClusterCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @ParentCommand Main main;

  ServerEnvironment environment() {
    return main.environment();
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
