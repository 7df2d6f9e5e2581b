package dev.kubereplay.server.cli;

import dev.kubereplay.protocol.cluster.KubeContextDto;
import dev.kubereplay.protocol.cluster.ListContextsResponse;
import dev.kubereplay.protocol.jsonrpc.ProtocolGson;
import dev.kubereplay.server.cluster.KubeconfigLoader;
import dev.kubereplay.server.rpc.ClusterDtos;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "contexts",
    description = "List the kube contexts of your kubeconfig (KUBECONFIG, else ~/.kube/config).")
final class ContextsCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.ParentCommand Main main;

  @Option(
      names = {"-o", "--output"},
      description = "table (default) or json (the same data as cluster/listContexts)",
      defaultValue = "table")
  OutputFormat output;

  @Override
  public void run() {
    ListContextsResponse contexts =
        ClusterDtos.contexts(new KubeconfigLoader(main.environment()).load());
    PrintWriter out = spec.commandLine().getOut();
    if (output == OutputFormat.json) {
      out.println(ProtocolGson.create().newBuilder().setPrettyPrinting().create().toJson(contexts));
      out.flush();
      return;
    }
    Table table = new Table("CURRENT", "NAME", "CLUSTER", "SERVER", "NAMESPACE", "USER", "AUTH");
    for (KubeContextDto context : contexts.contexts()) {
      table.row(
          context.current() ? "*" : "",
          context.name(),
          context.cluster(),
          context.server(),
          context.namespace(),
          context.user(),
          context.authKind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
    }
    table.print(out);
  }
}
