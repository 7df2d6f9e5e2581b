package dev.kubereplay.protocol.jsonrpc;

import dev.kubereplay.protocol.KubeReplayRpcClient;
import dev.kubereplay.protocol.KubeReplayRpcServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.MessageConsumer;

/**
 * The one place where JSON-RPC connections are built, for the server and for every JVM client (the
 * IntelliJ plugin, the tests), so both sides speak with the same Gson conventions.
 */
public final class RpcLaunchers {

  private RpcLaunchers() {}

  /** The server's end: serves {@code server} and calls the client through the returned proxy. */
  public static Launcher<KubeReplayRpcClient> server(
      KubeReplayRpcServer server,
      InputStream in,
      OutputStream out,
      ExecutorService executor,
      PrintWriter trace) {
    return builder(server, KubeReplayRpcClient.class, in, out, executor, trace).create();
  }

  /** A client's end: serves {@code client}'s notifications and calls the server's proxy. */
  public static Launcher<KubeReplayRpcServer> client(
      KubeReplayRpcClient client,
      InputStream in,
      OutputStream out,
      ExecutorService executor,
      PrintWriter trace) {
    return client(client, in, out, executor, trace, null);
  }

  /**
   * As {@link #client(KubeReplayRpcClient, InputStream, OutputStream, ExecutorService,
   * PrintWriter)}, with {@code wrapper} seeing every message in both directions (null: none).
   */
  public static Launcher<KubeReplayRpcServer> client(
      KubeReplayRpcClient client,
      InputStream in,
      OutputStream out,
      ExecutorService executor,
      PrintWriter trace,
      Function<MessageConsumer, MessageConsumer> wrapper) {
    Launcher.Builder<KubeReplayRpcServer> builder =
        builder(client, KubeReplayRpcServer.class, in, out, executor, trace);
    if (wrapper != null) {
      builder.wrapMessages(wrapper);
    }
    return builder.create();
  }

  private static <T> Launcher.Builder<T> builder(
      Object local,
      Class<T> remote,
      InputStream in,
      OutputStream out,
      ExecutorService executor,
      PrintWriter trace) {
    Launcher.Builder<T> builder =
        new Launcher.Builder<T>()
            .setLocalService(local)
            .setRemoteInterface(remote)
            .setInput(in)
            .setOutput(out)
            .setClassLoader(RpcLaunchers.class.getClassLoader())
            .configureGson(ProtocolGson::configure);
    if (executor != null) {
      builder.setExecutorService(executor);
    }
    if (trace != null) {
      builder.traceMessages(trace);
    }
    return builder;
  }
}
