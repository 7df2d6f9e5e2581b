package dev.kubereplay.intellij.rpc;

import dev.kubereplay.protocol.KubeReplayRpcServer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
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

  /**
   * As {@link #call}, without its time limit: for long work the user watches and can cancel (an
   * export of a large snapshot). The answer still fails when the server goes away.
   */
  default <T> CompletableFuture<T> callUntimed(
      Function<KubeReplayRpcServer, CompletableFuture<T>> request) {
    return call(request);
  }

  /**
   * Sends one request the server may be asked to stop. As {@link #call}, and cancelling the answer
   * cancels the request's own future (the proxy's), which lsp4j turns into {@code $/cancelRequest};
   * the answer then fails with a {@link java.util.concurrent.CancellationException}. A request
   * cancelled before it was sent is cancelled as soon as it is. There is no time limit ({@link
   * #callUntimed}): the user decides how long to wait. When the answer fails otherwise (the server
   * gone) the request is cancelled too, so the server does not go on with work nobody waits for.
   * This default serves fakes called in-process; {@link ServerManager} lets the server's response
   * decide instead, as a server that finished before the cancel arrived answers with its result.
   */
  default <T> CompletableFuture<T> cancellableCall(
      Function<KubeReplayRpcServer, CompletableFuture<T>> request) {
    AtomicReference<CompletableFuture<T>> sent = new AtomicReference<>();
    CompletableFuture<T> answer =
        new CompletableFuture<>() {
          @Override
          public boolean cancel(boolean mayInterruptIfRunning) {
            boolean cancelled = super.cancel(mayInterruptIfRunning);
            CompletableFuture<T> inner = sent.get();
            if (inner != null) {
              inner.cancel(mayInterruptIfRunning);
            }
            return cancelled;
          }
        };
    callUntimed(
            server -> {
              CompletableFuture<T> inner = request.apply(server);
              sent.set(inner);
              if (answer.isCancelled()) {
                inner.cancel(true);
              }
              return inner;
            })
        .whenComplete(
            (value, failure) -> {
              if (failure == null) {
                answer.complete(value);
                return;
              }
              answer.completeExceptionally(failure);
              CompletableFuture<T> inner = sent.get();
              if (inner != null && !inner.isDone()) {
                inner.cancel(true);
              }
            });
    return answer;
  }
}
