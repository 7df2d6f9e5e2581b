package dev.kubereplay.intellij.rpc;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseMessage;

/**
 * The answer to a request the user may cancel, settled by what the server says. {@link #cancel}
 * asks the server to stop ({@code $/cancelRequest}) and does not decide: the answer is cancelled
 * when the server answers "cancelled", and is the server's result when it had finished first. A
 * request not sent yet is not sent at all.
 */
final class CancellableAnswer<T> extends CompletableFuture<T> {

  private final Responses responses;
  private volatile boolean cancelAsked;
  private volatile CompletableFuture<?> sent;
  private final AtomicBoolean cancelSent = new AtomicBoolean();

  CancellableAnswer(Responses responses) {
    this.responses = responses;
  }

  /** Sends the request now, unless a cancel came first; on the thread that may send. */
  void send(Supplier<CompletableFuture<T>> request) {
    if (cancelAsked) {
      super.cancel(false);
      return;
    }
    Responses.Sent<T> out = responses.send(request);
    sent = out.request();
    out.response().thenAccept(this::settle);
    out.request()
        .whenComplete(
            (value, failure) -> {
              // A request that could not be sent fails here, and no response will come.
              if (failure != null && !(failure instanceof CancellationException)) {
                responses.forget(out);
                completeExceptionally(failure);
              }
            });
    if (cancelAsked) {
      sendCancel();
    }
  }

  @Override
  public boolean cancel(boolean mayInterruptIfRunning) {
    if (isDone()) {
      return false;
    }
    cancelAsked = true;
    if (sent != null) {
      sendCancel();
    }
    return true;
  }

  private void sendCancel() {
    CompletableFuture<?> request = sent;
    if (request != null && cancelSent.compareAndSet(false, true)) {
      request.cancel(true); // lsp4j sends $/cancelRequest
    }
  }

  @SuppressWarnings("unchecked")
  private void settle(ResponseMessage response) {
    if (response.getError() == null) {
      complete((T) response.getResult());
    } else if (response.getError().getCode() == ResponseErrorCode.RequestCancelled.getValue()) {
      super.cancel(false);
    } else {
      completeExceptionally(new ResponseErrorException(response.getError()));
    }
  }
}
