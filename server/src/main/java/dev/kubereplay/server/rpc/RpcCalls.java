package dev.kubereplay.server.rpc;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.lsp4j.jsonrpc.CancelChecker;
import org.eclipse.lsp4j.jsonrpc.CompletableFutures;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;

/**
 * Runs each request's work off lsp4j's reader thread, with cancellation, and translates what it
 * throws, so a failing request fails only itself.
 */
final class RpcCalls {

  private static final Logger LOG = Logger.getLogger(RpcCalls.class.getName());

  private final ExecutorService executor;

  RpcCalls(ExecutorService executor) {
    this.executor = executor;
  }

  <T> CompletableFuture<T> async(String method, Function<CancelChecker, T> work) {
    return CompletableFutures.computeAsync(
        executor,
        cancel -> {
          try {
            return work.apply(cancel);
          } catch (RuntimeException failure) {
            ResponseErrorException error = RpcErrors.translate(failure);
            if (error.getResponseError().getCode() == ResponseErrorCode.InternalError.getValue()) {
              LOG.log(Level.WARNING, method + " failed", failure);
            } else {
              LOG.info(method + ": " + error.getMessage());
            }
            throw error;
          }
        });
  }
}
