package dev.kubereplay.server.rpc;

import dev.kubereplay.server.traffic.TrafficFormat;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.lsp4j.jsonrpc.CancelChecker;
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

  /**
   * What a request's work is told of {@code $/cancelRequest}. Work that makes its result final
   * (moves a file into place) first {@link #commit commits}: from then on a cancel is refused and
   * the client gets the real answer, so what it is told is what happened.
   */
  interface Cancel extends CancelChecker, TrafficFormat.Cancellation {
    /** True when the work may finish; false when it was cancelled (it must then stop). */
    @Override
    boolean commit();

    @Override
    default boolean isCancelled() {
      return isCanceled();
    }
  }

  <T> CompletableFuture<T> async(String method, Function<Cancel, T> work) {
    Request<T> request = new Request<>();
    Runnable run =
        () -> {
          if (request.isDone()) {
            return; // cancelled before it started
          }
          try {
            request.complete(work.apply(request));
          } catch (RuntimeException failure) {
            if (request.isCancelled()) {
              return; // the client was answered when it cancelled
            }
            ResponseErrorException error = RpcErrors.translate(failure);
            if (error.getResponseError().getCode() == ResponseErrorCode.InternalError.getValue()) {
              LOG.log(Level.WARNING, method + " failed", failure);
            } else {
              LOG.info(method + ": " + error.getMessage());
            }
            request.completeExceptionally(error);
          } catch (Error error) {
            request.completeExceptionally(error);
            throw error;
          }
        };
    try {
      executor.execute(run);
    } catch (RejectedExecutionException stopping) {
      request.completeExceptionally(stopping);
    }
    return request;
  }

  /**
   * The answer lsp4j sends, and the work's view of its cancellation: lsp4j cancels this future on
   * {@code $/cancelRequest}, which answers the client at once unless the work has committed.
   */
  private static final class Request<T> extends CompletableFuture<T> implements Cancel {
    private static final int RUNNING = 0;
    private static final int CANCELLED = 1;
    private static final int COMMITTED = 2;

    private final AtomicInteger state = new AtomicInteger(RUNNING);

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      if (state.compareAndSet(RUNNING, CANCELLED)) {
        return super.cancel(mayInterruptIfRunning);
      }
      return isCancelled();
    }

    @Override
    public boolean commit() {
      return state.compareAndSet(RUNNING, COMMITTED);
    }

    @Override
    public void checkCanceled() {
      if (state.get() == CANCELLED) {
        throw new CancellationException();
      }
    }

    @Override
    public boolean isCanceled() {
      return state.get() == CANCELLED;
    }
  }
}
