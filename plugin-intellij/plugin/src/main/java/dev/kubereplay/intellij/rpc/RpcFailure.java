package dev.kubereplay.intellij.rpc;

import dev.kubereplay.protocol.ErrorCode;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;

/**
 * Why a request failed, as the user is told: the server's error code and its message as it is (e.g.
 * "forbidden: cannot list secrets in namespace shop").
 *
 * @param code the server's error code; {@code INTERNAL_ERROR} when the failure was not the server's
 *     answer (no server, no answer in time)
 * @param message one line for the user
 * @param serverGone true when there was no server to answer
 */
public record RpcFailure(ErrorCode code, String message, boolean serverGone) {

  /** The failure a request's future completed with. */
  public static RpcFailure of(Throwable error) {
    Throwable cause = unwrap(error);
    if (cause instanceof ResponseErrorException responseError) {
      ResponseError response = responseError.getResponseError();
      return new RpcFailure(ErrorCode.fromCode(response.getCode()), response.getMessage(), false);
    }
    if (cause instanceof ServerUnavailableException unavailable) {
      return new RpcFailure(ErrorCode.INTERNAL_ERROR, unavailable.exit().reason(), true);
    }
    if (cause instanceof TimeoutException) {
      return new RpcFailure(
          ErrorCode.INTERNAL_ERROR, "The kubereplay server did not answer in time.", false);
    }
    return new RpcFailure(
        ErrorCode.INTERNAL_ERROR,
        cause.getMessage() != null ? cause.getMessage() : cause.toString(),
        false);
  }

  /** The cause inside the wrappers that futures add. */
  public static Throwable unwrap(Throwable error) {
    Throwable cause = error;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }
}
