package dev.kubereplay.intellij.cluster;

import dev.kubereplay.intellij.rpc.ServerExit;
import dev.kubereplay.protocol.cluster.ListContextsResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The kube contexts as the server last told them, and who wants to know when that changes. Knows
 * nothing of Swing. Requests go out and listeners are told on {@code executor} (one thread, never
 * the UI thread), in order; an answer that a newer request has overtaken is dropped.
 */
public final class ContextsModel {

  /** Told of every new state, on the model's executor. */
  @FunctionalInterface
  public interface Listener {
    void contextsChanged(ContextsState state);
  }

  private final Supplier<CompletableFuture<ListContextsResponse>> listContexts;
  private final Executor executor;
  private final List<Listener> listeners = new CopyOnWriteArrayList<>();
  private final AtomicLong generation = new AtomicLong();
  private volatile ContextsState state = new ContextsState.Loading();

  /**
   * @param listContexts sends {@code cluster/listContexts}
   * @param executor a single thread that is not the UI thread
   */
  public ContextsModel(
      Supplier<CompletableFuture<ListContextsResponse>> listContexts, Executor executor) {
    this.listContexts = listContexts;
    this.executor = executor;
  }

  public ContextsState state() {
    return state;
  }

  /** Adds a listener and tells it the current state. */
  public void addListener(Listener listener) {
    listeners.add(listener);
    executor.execute(() -> listener.contextsChanged(state));
  }

  public void removeListener(Listener listener) {
    listeners.remove(listener);
  }

  /**
   * Asks the server again. What is shown stays until the answer comes, unless there is nothing to
   * show (no answer yet, or no server), which shows as loading.
   *
   * @return the state the answer leads to (also when a newer request overtook it)
   */
  public CompletableFuture<ContextsState> refresh() {
    long request = generation.incrementAndGet();
    return CompletableFuture.supplyAsync(
            () -> {
              if (state instanceof ContextsState.ServerUnavailable) {
                publish(request, new ContextsState.Loading());
              }
              return listContexts.get();
            },
            executor)
        .thenCompose(answer -> answer)
        .handle(
            (response, error) ->
                error == null ? new ContextsState.Loaded(response) : ContextsState.failure(error))
        .thenApplyAsync(
            next -> {
              publish(request, next);
              return next;
            },
            executor);
  }

  /** The server stopped without being asked to. */
  public void serverStopped(ServerExit exit) {
    long event = generation.incrementAndGet();
    executor.execute(() -> publish(event, new ContextsState.ServerUnavailable(exit)));
  }

  private void publish(long event, ContextsState next) {
    if (generation.get() != event) {
      return; // overtaken
    }
    state = next;
    for (Listener listener : listeners) {
      listener.contextsChanged(next);
    }
  }
}
