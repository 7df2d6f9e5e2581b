package dev.kubereplay.server.cli.cluster;

import dev.kubereplay.server.cli.OutputFormat;
import picocli.CommandLine.Option;

/** The options every cluster view takes. */
final class ScopeOptions {

  @Option(
      names = "--context",
      paramLabel = "CONTEXT",
      description = "the kube context (default: the current one)")
  String context;

  @Option(
      names = {"-n", "--namespace"},
      paramLabel = "NS",
      description = "the namespace (default: the context's)")
  String namespace;

  @Option(
      names = {"-o", "--output"},
      defaultValue = "table",
      description = "table (default) or json (the protocol's answer)")
  OutputFormat output;

  boolean json() {
    return output == OutputFormat.json;
  }
}
