package dev.kubereplay.intellij.cluster;

import dev.kubereplay.intellij.rpc.RpcFailure;
import dev.kubereplay.intellij.rpc.ServerExit;
import dev.kubereplay.intellij.rpc.ServerUnavailableException;
import dev.kubereplay.protocol.ErrorCode;
import dev.kubereplay.protocol.cluster.ListContextsResponse;

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
    Throwable cause = RpcFailure.unwrap(error);
    if (cause instanceof ServerUnavailableException unavailable) {
      return new ServerUnavailable(unavailable.exit());
    }
    RpcFailure failure = RpcFailure.of(cause);
    return new RequestFailed(failure.code(), failure.message());
  }
}
