package dev.kubereplay.server.cli;

import dev.kubereplay.server.KubeReplayException;
import dev.kubereplay.server.ServerEnvironment;
import dev.kubereplay.server.Version;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code kubereplay} command line. */
@Command(
    name = "kubereplay",
    mixinStandardHelpOptions = true,
    scope = CommandLine.ScopeType.INHERIT,
    versionProvider = Main.VersionProvider.class,
    description = "See, record and replay the HTTP traffic of Kubernetes workloads.",
    subcommands = {
      ServeCommand.class,
      ContextsCommand.class,
      dev.kubereplay.server.cli.cluster.ClusterCommand.class,
      dev.kubereplay.server.cli.traffic.ImportCommand.class,
      dev.kubereplay.server.cli.traffic.RecordCommand.class,
      dev.kubereplay.server.cli.traffic.ExportCommand.class,
      dev.kubereplay.server.cli.traffic.SnapshotsCommand.class,
      dev.kubereplay.server.cli.traffic.SnapshotCommand.class,
      dev.kubereplay.server.cli.replay.MockCommand.class,
      dev.kubereplay.server.cli.replay.ReplayCommand.class,
      VersionCommand.class
    })
public final class Main implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private final ServerEnvironment environment;

  Main(ServerEnvironment environment) {
    this.environment = environment;
  }

  public static void main(String[] args) {
    ServerEnvironment environment = ServerEnvironment.ofProcess();
    // Commands log to the data directory's log file; stderr gets warnings only (serve
    // reconfigures).
    dev.kubereplay.server.logging.ServerLogging.configure(
        System.err, environment.dataDirectory(), java.util.logging.Level.WARNING);
    System.exit(
        run(
            environment,
            new PrintWriter(System.out, true),
            new PrintWriter(System.err, true),
            args));
  }

  /**
   * Runs the command line in the given environment and answers its exit code; {@link #main} and the
   * tests both come through here.
   */
  public static int run(
      ServerEnvironment environment, PrintWriter out, PrintWriter err, String... args) {
    CommandLine commandLine = new CommandLine(new Main(environment));
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setExecutionExceptionHandler(Main::handle);
    String unknown = unknownCommand(commandLine, args);
    if (unknown != null) {
      // before picocli reads the rest: `kubereplay mokc --help` would print the top-level help
      // and succeed, as if the command existed
      err.println("kubereplay: unknown command '" + unknown + "'");
      CommandLine.UnmatchedArgumentException.printSuggestions(
          new CommandLine.UnmatchedArgumentException(commandLine, List.of(unknown)), err);
      err.println("Run 'kubereplay --help' for the commands.");
      err.flush();
      return commandLine.getCommandSpec().exitCodeOnInvalidInput();
    }
    return commandLine.execute(args);
  }

  /** The first word when it names no command; the top level takes no other words. */
  private static String unknownCommand(CommandLine commandLine, String... args) {
    if (args.length == 0 || args[0].startsWith("-")) {
      return null;
    }
    return commandLine.getSubcommands().containsKey(args[0]) ? null : args[0];
  }

  /** What the commands read from their surroundings. */
  public ServerEnvironment environment() {
    return environment;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Known failures are one line on stderr and exit code 1; never a stack trace. */
  private static int handle(
      Exception failure, CommandLine commandLine, CommandLine.ParseResult parseResult) {
    PrintWriter err = commandLine.getErr();
    if (failure instanceof KubeReplayException) {
      err.println("kubereplay: " + failure.getMessage());
    } else {
      String message = failure.getMessage() == null ? failure.toString() : failure.getMessage();
      err.println("kubereplay: internal error: " + message);
      if (System.getenv("KUBEREPLAY_DEBUG") != null) {
        failure.printStackTrace(err);
      }
    }
    err.flush();
    return 1;
  }

  static final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"kubereplay " + Version.current()};
    }
  }
}
