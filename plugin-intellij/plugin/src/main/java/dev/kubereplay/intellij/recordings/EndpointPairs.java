package dev.kubereplay.intellij.recordings;

import dev.kubereplay.intellij.recordings.tree.EndpointRef;
import dev.kubereplay.intellij.recordings.tree.PairPage;
import dev.kubereplay.intellij.rpc.RpcFailure;
import dev.kubereplay.intellij.rpc.ServerCalls;
import dev.kubereplay.protocol.Nullable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * The pairs of the opened endpoints, a page at a time ({@code traffic/listPairs}): the first page
 * when an endpoint opens, the next ones when "Load more" is activated. Called on the model's
 * thread; tells the model after each change.
 */
final class EndpointPairs {

  private final ServerCalls server;
  private final Executor modelThread;
  private final RecordingsModel model;
  // A PairPage, an error text, or TRUE while the first page is asked for.
  private final Map<EndpointRef, Object> shown = new ConcurrentHashMap<>();

  EndpointPairs(ServerCalls server, Executor modelThread, RecordingsModel model) {
    this.server = server;
    this.modelThread = modelThread;
    this.model = model;
  }

  /** What each endpoint shows, for the tree. */
  Map<EndpointRef, Object> shown() {
    return shown;
  }

  void clear() {
    shown.clear();
  }

  /** The first page, unless asked for already. */
  void open(EndpointRef ref) {
    if (shown.putIfAbsent(ref, Boolean.TRUE) == null) {
      firstPage(ref, PairPage.SIZE);
    }
  }

  private CompletableFuture<Void> firstPage(EndpointRef ref, int limit) {
    return server
        .call(s -> s.getTrafficService().listPairs(ref.page(0, limit)))
        .handleAsync(
            (answer, failure) -> {
              if (shown.containsKey(ref)) { // else: refreshed meanwhile
                shown.put(
                    ref,
                    failure != null
                        ? RpcFailure.of(failure).message()
                        : (Object) PairPage.of(answer));
                model.changed();
              }
              return null;
            },
            modelThread);
  }

  boolean canLoadMore(EndpointRef ref) {
    return shown.get(ref) instanceof PairPage page && page.hasMore() && !page.loadingMore();
  }

  /** The next page from where the shown pairs end, appended; once at a time. */
  void loadMore(EndpointRef ref) {
    if (!(shown.get(ref) instanceof PairPage page) || page.loadingMore() || !page.hasMore()) {
      return;
    }
    PairPage loading = page.loading();
    shown.put(ref, loading);
    model.changed();
    server
        .call(s -> s.getTrafficService().listPairs(ref.page(page.pairs().size(), PairPage.SIZE)))
        .whenCompleteAsync(
            (answer, failure) -> {
              if (shown.get(ref) != loading) {
                return; // refreshed or reloaded meanwhile: the first page is asked for again
              }
              shown.put(
                  ref,
                  failure != null
                      ? loading.failed(RpcFailure.of(failure).message())
                      : loading.appended(answer));
              model.changed();
            },
            modelThread);
  }

  /**
   * The shown pairs of a host's endpoints again, or of one of them (its {@code pathTemplate}, and
   * {@code method} unless null), from the start: as many as were shown, so that what the user paged
   * through stays.
   */
  void reload(
      String snapshotId,
      String host,
      @Nullable String method,
      @Nullable String pathTemplate,
      List<CompletableFuture<?>> loads) {
    shown.forEach(
        (ref, what) -> {
          if (ref.snapshotId().equals(snapshotId)
              && ref.host().equals(host)
              && (pathTemplate == null || ref.pathTemplate().equals(pathTemplate))
              && (method == null || ref.method().equalsIgnoreCase(method))
              && what instanceof PairPage page) {
            int limit = (int) Math.min(PairPage.MAX, Math.max(PairPage.SIZE, page.pairs().size()));
            loads.add(firstPage(ref, limit));
          }
        });
  }
}
