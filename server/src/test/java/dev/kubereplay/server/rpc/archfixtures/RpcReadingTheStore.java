package dev.kubereplay.server.rpc.archfixtures;

import dev.kubereplay.server.traffic.PairQuery;
import dev.kubereplay.server.traffic.store.SnapshotStore;

/** Breaks the service rule on purpose: an RPC handler that counts pairs in the store itself. */
public final class RpcReadingTheStore {

  private RpcReadingTheStore() {}

  public static long pairs(SnapshotStore store, String snapshotId) {
    return store.count(new PairQuery(snapshotId, null, null, null, 0, 1));
  }
}
