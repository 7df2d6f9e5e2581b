package dev.kubereplay.server.replay.match;

import dev.kubereplay.server.traffic.model.RRPair;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Recorded pairs read again by id, and the {@link RequestView}s compared part by part, the most
 * recent few thousand kept: a recording of 100,000 calls need not sit in memory whole, while the
 * calls an app keeps asking for are answered without a read.
 */
final class PairCache {

  /** Reads a recorded pair by its id. */
  interface Source {
    RRPair pair(long id);
  }

  private record Cached(RRPair pair, RequestView[] view) {}

  private final Source source;
  private final int capacity;
  private final Map<Long, Cached> cached = new ConcurrentHashMap<>();

  PairCache(Source source, int capacity) {
    this.source = source;
    this.capacity = capacity;
  }

  RRPair pair(long id) {
    return entry(id).pair();
  }

  RequestView view(long id) {
    Cached entry = entry(id);
    RequestView view = entry.view()[0];
    if (view == null) {
      view = RequestView.of(entry.pair());
      entry.view()[0] = view; // a race makes the same view twice, no harm
    }
    return view;
  }

  private Cached entry(long id) {
    Cached entry = cached.get(id);
    if (entry != null) {
      return entry;
    }
    entry = new Cached(source.pair(id), new RequestView[1]);
    if (cached.size() >= capacity) {
      evictSome();
    }
    cached.put(id, entry);
    return entry;
  }

  /** Drops about an eighth, in the map's own order: cheaper than keeping a strict LRU order. */
  private void evictSome() {
    int drop = Math.max(1, capacity / 8);
    Iterator<Long> ids = cached.keySet().iterator();
    while (drop-- > 0 && ids.hasNext()) {
      ids.next();
      ids.remove();
    }
  }
}
