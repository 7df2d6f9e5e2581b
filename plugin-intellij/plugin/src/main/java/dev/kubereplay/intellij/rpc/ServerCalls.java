package dev.kubereplay.intellij.rpc;

import dev.kubereplay.protocol.KubeReplayRpcServer;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Sends requests to the kubereplay server. {@link ServerManager} is the real one; tests may call a
 * fake server directly.
 */
public interface ServerCalls {

  /**
   * Sends one request. The answer fails with a {@link ServerUnavailableException} when the server
   * is not there, or with lsp4j's {@code ResponseErrorException} when it answers with an error.
   */
  <T> CompletableFuture<T> call(Function<KubeReplayRpcServer, CompletableFuture<T>> request);
}
