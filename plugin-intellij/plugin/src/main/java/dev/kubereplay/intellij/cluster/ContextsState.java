package dev.kubereplay.intellij.cluster;

import dev.kubereplay.intellij.rpc.ServerExit;
import dev.kubereplay.intellij.rpc.ServerUnavailableException;
import dev.kubereplay.protocol.ErrorCode;
import dev.kubereplay.protocol.cluster.ListContextsResponse;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;

/** What the contexts view knows: one of four states, each shown its own way. */
public sealed interface ContextsState {

  /** Nothing yet: the server is starting or the first answer is on its way. */
  record Loading() implements ContextsState {}

  /** The server's answer. */
  record Loaded(ListContextsResponse response) implements ContextsState {}

  /** The server answered with an error; {@code message} is its own text, shown as it is. */
  record RequestFailed(ErrorCode code, String message) implements ContextsState {}

  /** The server could not be started or has stopped. */
  record ServerUnavailable(ServerExit exit) implements ContextsState {}

  /** The state a failed {@code cluster/listContexts} leaves. */
  static ContextsState failure(Throwable error) {
    Throwable cause = error;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof ResponseErrorException responseError) {
      ResponseError response = responseError.getResponseError();
      return new RequestFailed(ErrorCode.fromCode(response.getCode()), response.getMessage());
    }
    if (cause instanceof ServerUnavailableException unavailable) {
      return new ServerUnavailable(unavailable.exit());
    }
    if (cause instanceof TimeoutException) {
      return new RequestFailed(
          ErrorCode.INTERNAL_ERROR, "The kubereplay server did not answer in time.");
    }
    return new RequestFailed(
        ErrorCode.INTERNAL_ERROR,
        cause.getMessage() != null ? cause.getMessage() : cause.toString());
  }
}
