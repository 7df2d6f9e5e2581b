package dev.kubereplay.server.traffic;

import dev.kubereplay.server.traffic.model.Direction;
import dev.kubereplay.server.traffic.model.PairSignature;
import dev.kubereplay.server.traffic.model.StoredPair;
import dev.kubereplay.server.traffic.store.PairStream;
import dev.kubereplay.server.traffic.store.SnapshotStore;
import dev.kubereplay.server.traffic.store.TrafficStore;
import java.util.function.Consumer;

/**
 * A snapshot's pairs as recorded, for replay: raw bytes and headers (not the display text the pair
 * view shows), one direction at a time, in recorded order. A generator streams the IN pairs and
 * sends their requests; a responder keeps the OUT pairs' {@link PairSignature}s, computes the
 * {@link dev.kubereplay.server.traffic.model.RequestSignature} of each request it receives, and
 * reads the pairs that match with {@link #pair}.
 *
 * <p>Every method fails with {@code SNAPSHOT_NOT_FOUND} when there is no such snapshot; reads run
 * on the caller's thread and block it while SQLite reads.
 */
public final class RecordedPairs {

  private final SnapshotStore snapshots;
  private final PairStream stream;

  public RecordedPairs(TrafficStore store) {
    this.snapshots = new SnapshotStore(store);
    this.stream = new PairStream(store);
  }

  /**
   * Streams every pair of {@code direction} in the snapshot, in recorded order, one in memory at a
   * time; a consumer that throws stops the stream (the exception reaches the caller).
   */
  public void forEach(String snapshotId, Direction direction, Consumer<StoredPair> consumer) {
    exists(snapshotId);
    stream.forEach(snapshotId, direction, consumer);
  }

  /** Streams the id and request signature of every pair of {@code direction}, in recorded order. */
  public void forEachSignature(
      String snapshotId, Direction direction, Consumer<PairSignature> consumer) {
    exists(snapshotId);
    stream.forEachSignature(snapshotId, direction, consumer);
  }

  /** One pair as recorded; fails with {@code PAIR_NOT_FOUND} when the snapshot has no such pair. */
  public StoredPair pair(String snapshotId, long pairId) {
    exists(snapshotId);
    return snapshots
        .pair(snapshotId, pairId)
        .orElseThrow(
            () ->
                new TrafficException(
                    TrafficException.Reason.PAIR_NOT_FOUND,
                    String.valueOf(pairId),
                    "no pair " + pairId + " in snapshot " + snapshotId));
  }

  private void exists(String snapshotId) {
    if (snapshots.find(snapshotId).isEmpty()) {
      throw TrafficException.snapshotNotFound(snapshotId);
    }
  }
}
