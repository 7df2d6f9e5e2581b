package dev.kubereplay.server.cli;

import dev.kubereplay.protocol.initialize.ProtocolVersion;
import dev.kubereplay.server.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "version", description = "Print the kubereplay and protocol versions.")
final class VersionCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine()
        .getOut()
        .printf("kubereplay %s (protocol %s)%n", Version.current(), ProtocolVersion.CURRENT);
  }
}
