package dev.kubereplay.server.cli;

import dev.kubereplay.server.ServerEnvironment;
import dev.kubereplay.server.logging.ServerLogging;
import dev.kubereplay.server.rpc.RpcServer;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
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
      "--port N listens on 127.0.0.1 only, for attaching to a server started by hand."
    })
final class ServeCommand implements Callable<Integer> {

  private static final Logger LOG = Logger.getLogger(ServeCommand.class.getName());

  static final class Transport {
    @Option(names = "--stdio", description = "talk over stdin/stdout (default)")
    boolean stdio;

    @Option(names = "--port", paramLabel = "N", description = "listen on 127.0.0.1:N (0: any)")
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
        return listen(environment, transport.port, traceWriter);
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

  private int listen(ServerEnvironment environment, int port, PrintWriter trace)
      throws IOException {
    try (ServerSocket socket = new ServerSocket(port, 50, InetAddress.getLoopbackAddress())) {
      LOG.info("kubereplay server listening on 127.0.0.1:" + socket.getLocalPort());
      while (!Thread.currentThread().isInterrupted()) {
        Socket client = socket.accept();
        Thread thread =
            new Thread(() -> serveSocket(environment, client, trace), "kubereplay-connection");
        thread.setDaemon(true);
        thread.start();
      }
    }
    return 0;
  }

  private static void serveSocket(ServerEnvironment environment, Socket client, PrintWriter trace) {
    LOG.info("client connected from " + client.getRemoteSocketAddress());
    try (client;
        RpcServer server =
            RpcServer.start(
                environment, client.getInputStream(), client.getOutputStream(), trace)) {
      server.listening().get();
    } catch (IOException | ExecutionException e) {
      LOG.log(Level.WARNING, "connection ended with an error", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    LOG.info("client disconnected");
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
