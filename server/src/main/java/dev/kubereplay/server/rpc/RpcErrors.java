package dev.kubereplay.server.rpc;

import dev.kubereplay.protocol.ErrorCode;
import dev.kubereplay.protocol.ErrorDataDto;
import dev.kubereplay.server.cluster.ClusterException;
import dev.kubereplay.server.cluster.KubeconfigException;
import dev.kubereplay.server.cluster.UnknownContextException;
import dev.kubereplay.server.listen.ListenRefusedException;
import dev.kubereplay.server.replay.ReplayException;
import dev.kubereplay.server.traffic.ImportException;
import dev.kubereplay.server.traffic.StoreException;
import dev.kubereplay.server.traffic.TrafficException;
import java.util.concurrent.CancellationException;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;

/** Turns domain failures into JSON-RPC errors with an {@link ErrorCode} and a one-line message. */
final class RpcErrors {

  private RpcErrors() {}

  static ResponseErrorException of(ErrorCode code, String message, String subject) {
    return new ResponseErrorException(
        new ResponseError(code.code(), message, new ErrorDataDto(code, subject)));
  }

  /** Fails a request whose required parameter is missing, naming it. */
  static <T> T required(T value, String method, String what) {
    if (value == null) {
      throw of(ErrorCode.INVALID_PARAMS, method + " needs " + what, null);
    }
    return value;
  }

  /** The error a domain exception becomes on the wire; unknown failures are internal errors. */
  static ResponseErrorException translate(RuntimeException failure) {
    if (failure instanceof ResponseErrorException error) {
      return error;
    }
    if (failure instanceof KubeconfigException kubeconfig) {
      ErrorCode code =
          switch (kubeconfig.problem()) {
            case NOT_FOUND -> ErrorCode.KUBECONFIG_NOT_FOUND;
            case UNREADABLE -> ErrorCode.KUBECONFIG_UNREADABLE;
            case MALFORMED -> ErrorCode.KUBECONFIG_MALFORMED;
          };
      return of(code, kubeconfig.getMessage(), String.valueOf(kubeconfig.file()));
    }
    if (failure instanceof ListenRefusedException refused) {
      return of(ErrorCode.LISTEN_NOT_LOOPBACK, refused.getMessage(), refused.subject());
    }
    if (failure instanceof UnknownContextException unknown) {
      return of(ErrorCode.CONTEXT_NOT_FOUND, unknown.getMessage(), unknown.context());
    }
    if (failure instanceof ClusterException cluster) {
      ErrorCode code =
          switch (cluster.reason()) {
            case FORBIDDEN -> ErrorCode.FORBIDDEN;
            case NOT_FOUND -> ErrorCode.NOT_FOUND;
            case CONFLICT -> ErrorCode.CONFLICT;
            case UNREACHABLE -> ErrorCode.CLUSTER_UNREACHABLE;
            case INVALID -> ErrorCode.INVALID_PARAMS;
          };
      return of(code, cluster.getMessage(), cluster.subject());
    }
    ResponseErrorException traffic = translateTraffic(failure);
    if (traffic != null) {
      return traffic;
    }
    if (failure instanceof CancellationException) {
      return of(ErrorCode.REQUEST_CANCELLED, "request cancelled", null);
    }
    String message = failure.getMessage() == null ? failure.toString() : failure.getMessage();
    return of(ErrorCode.INTERNAL_ERROR, "internal error: " + message, null);
  }

  private static ResponseErrorException translateTraffic(RuntimeException failure) {
    if (failure instanceof ImportException imported) {
      return of(
          ErrorCode.IMPORT_FAILED,
          imported.getMessage(),
          imported.file() == null ? null : imported.file().toString());
    }
    if (failure instanceof ReplayException replay) {
      ErrorCode code =
          switch (replay.reason()) {
            case NOTHING_TO_REPLAY, INVALID -> ErrorCode.INVALID_PARAMS;
            case NOT_FOUND -> ErrorCode.NOT_FOUND;
            case ADDRESS_IN_USE -> ErrorCode.CONFLICT;
          };
      return of(code, replay.getMessage(), replay.subject());
    }
    if (failure instanceof TrafficException traffic) {
      ErrorCode code =
          switch (traffic.reason()) {
            case SNAPSHOT_NOT_FOUND -> ErrorCode.SNAPSHOT_NOT_FOUND;
            case PAIR_NOT_FOUND -> ErrorCode.PAIR_NOT_FOUND;
            case INVALID -> ErrorCode.INVALID_PARAMS;
            case EXPORT_FAILED -> ErrorCode.EXPORT_FAILED;
            case RECORDING_NOT_FOUND -> ErrorCode.NOT_FOUND;
            case ADDRESS_IN_USE, SNAPSHOT_RECORDING -> ErrorCode.CONFLICT;
          };
      return of(code, traffic.getMessage(), traffic.subject());
    }
    if (failure instanceof StoreException store) {
      return of(ErrorCode.STORE_FAILED, store.getMessage(), null);
    }
    return null;
  }
}
