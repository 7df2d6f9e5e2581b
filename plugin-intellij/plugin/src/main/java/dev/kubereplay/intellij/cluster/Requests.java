package dev.kubereplay.intellij.cluster;

import dev.kubereplay.intellij.rpc.RpcFailure;
import dev.kubereplay.protocol.cluster.FreshnessDto;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Sends the model's requests and stores their answers as {@link Load}s. Until an answer comes, the
 * last one stays (or "loading" shows); an answer that a newer request for the same thing overtook
 * is dropped. Used on the model's executor only.
 */
final class Requests {

  private final Executor executor;
  private final Runnable changed;
  private final Map<List<Object>, Long> newest = new HashMap<>();
  private long sent;

  /**
   * @param executor the model's thread, where answers are stored
   * @param changed told when a load changed, on that thread
   */
  Requests(Executor executor, Runnable changed) {
    this.executor = executor;
    this.changed = changed;
  }

  /** Whether a request for {@code key} of kind {@code what} is on its way. */
  boolean asking(String what, Object key) {
    return newest.containsKey(List.of(what, key));
  }

  <K, T> CompletableFuture<Void> fetch(
      String what,
      Map<K, Load<T>> into,
      K key,
      Supplier<CompletableFuture<T>> request,
      Function<T, FreshnessDto> freshness) {
    List<Object> id = List.of(what, key);
    long token = ++sent;
    newest.put(id, token);
    if (!(into.get(key) instanceof Load.Loaded)) {
      into.put(key, new Load.Loading<>());
      changed.run();
    }
    CompletableFuture<T> answer;
    try {
      answer = request.get();
    } catch (RuntimeException e) {
      answer = CompletableFuture.failedFuture(e);
    }
    return answer.handleAsync(
        (value, error) -> {
          if (!Objects.equals(newest.get(id), token)) {
            return null;
          }
          newest.remove(id);
          into.put(
              key,
              error == null
                  ? new Load.Loaded<>(value, freshness.apply(value))
                  : new Load.Failed<>(RpcFailure.of(error)));
          changed.run();
          return null;
        },
        executor);
  }
}
