package dev.kubereplay.server.cli;

import dev.kubereplay.protocol.ServerLaunch;
import dev.kubereplay.server.ServerEnvironment;
import dev.kubereplay.server.logging.ServerLogging;
import dev.kubereplay.server.rpc.ConnectionToken;
import dev.kubereplay.server.rpc.PortServer;
import dev.kubereplay.server.rpc.RpcServer;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "serve",
    description = {
      "Serve the kubereplay JSON-RPC protocol (LSP framing) to an IDE.",
      "--stdio (default) is what the IDE plugins spawn; the process exits when stdin closes.",
      "--port N listens on 127.0.0.1 only, for attaching an IDE to a server started by hand;"
          + " clients must present the token it prints at start (or the one in KUBEREPLAY_TOKEN,"
          + " 16 characters or more)."
    })
final class ServeCommand implements Callable<Integer> {

  private static final Logger LOG = Logger.getLogger(ServeCommand.class.getName());

  static final class Transport {
    @Option(names = "--stdio", description = "talk over stdin/stdout (default)")
    boolean stdio;

    @Option(
        names = "--port",
        paramLabel = "N",
        description = "listen on 127.0.0.1:N (0: any), for clients that present the token")
    Integer port;
  }

  @picocli.CommandLine.ParentCommand Main main;

  @ArgGroup(exclusive = true)
  Transport transport = new Transport();

  @Option(
      names = "--trace",
      paramLabel = "FILE",
      description = "append every protocol message to FILE (also -Dkubereplay.rpc.trace=FILE)")
  Path trace;

  @Option(names = "--verbose", description = "log debugging detail on stderr")
  boolean verbose;

  @Override
  public Integer call() throws Exception {
    // stdout belongs to the protocol: keep it for the launcher, send stray prints to stderr.
    PrintStream protocolOut = System.out;
    PrintStream stderr = System.err;
    System.setOut(stderr);
    ServerEnvironment environment = main.environment();
    ServerLogging.configure(stderr, environment.dataDirectory(), verbose ? Level.FINE : Level.INFO);
    PrintWriter traceWriter = openTrace();
    try {
      if (transport.port != null) {
        return listen(environment, transport.port, traceWriter, stderr);
      }
      return serve(environment, System.in, protocolOut, traceWriter);
    } finally {
      if (traceWriter != null) {
        traceWriter.close();
      }
    }
  }

  private int serve(
      ServerEnvironment environment, InputStream in, OutputStream out, PrintWriter trace)
      throws InterruptedException {
    LOG.info("kubereplay server ready on stdio");
    try (RpcServer server = RpcServer.start(environment, in, out, trace)) {
      server.listening().get();
    } catch (ExecutionException e) {
      LOG.log(Level.WARNING, "connection ended with an error", e.getCause());
    }
    LOG.info("stdin closed; exiting");
    return 0;
  }

  private int listen(ServerEnvironment environment, int port, PrintWriter trace, PrintStream stderr)
      throws IOException {
    String chosen = environment.variable(ServerLaunch.TOKEN_VARIABLE);
    ConnectionToken token;
    try {
      token = chosen == null ? ConnectionToken.generate() : ConnectionToken.of(chosen);
    } catch (IllegalArgumentException e) {
      throw new CliException(ServerLaunch.TOKEN_VARIABLE + " is not usable: " + e.getMessage());
    }
    try (PortServer server = PortServer.open(environment, port, token, trace)) {
      int bound = server.port();
      LOG.info("kubereplay server listening on 127.0.0.1:" + bound);
      // Straight to stderr, never through the log (which is also a file): the token is a secret.
      stderr.println(
          chosen != null
              ? "Clients must present the token in "
                  + ServerLaunch.TOKEN_VARIABLE
                  + " to 127.0.0.1:"
                  + bound
                  + "."
              : "Clients must present this server's token; attach an IDE with:\n  "
                  + ServerLaunch.ATTACH_PORT_VARIABLE
                  + "="
                  + bound
                  + " "
                  + ServerLaunch.TOKEN_VARIABLE
                  + "="
                  + token.reveal());
      stderr.flush();
      server.serve();
    }
    return 0;
  }

  private PrintWriter openTrace() throws IOException {
    Path file = trace;
    if (file == null && System.getProperty("kubereplay.rpc.trace") != null) {
      file = Path.of(System.getProperty("kubereplay.rpc.trace"));
    }
    if (file == null) {
      return null;
    }
    LOG.info("tracing protocol messages to " + file);
    return new PrintWriter(
        new OutputStreamWriter(new FileOutputStream(file.toFile(), true), StandardCharsets.UTF_8),
        true);
  }
}
