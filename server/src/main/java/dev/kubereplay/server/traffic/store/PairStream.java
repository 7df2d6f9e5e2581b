package dev.kubereplay.server.traffic.store;

import dev.kubereplay.server.traffic.model.Direction;
import dev.kubereplay.server.traffic.model.PairSignature;
import dev.kubereplay.server.traffic.model.RequestSignature;
import dev.kubereplay.server.traffic.model.StoredPair;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.function.Consumer;

/**
 * Reads a snapshot's pairs of one direction in recorded order, as stored: bodies are the bytes
 * recorded (in their content coding), headers in order with repeats. What replay reads: a generator
 * sends IN pairs, a responder answers with OUT pairs. One row in memory at a time; each call reads
 * one consistent state of the snapshot (one read transaction), and a consumer that throws stops it.
 */
public final class PairStream {

  private final TrafficStore store;

  public PairStream(TrafficStore store) {
    this.store = store;
  }

  /** Every pair of {@code direction} in snapshot {@code snapshotId}, in recorded order. */
  public void forEach(String snapshotId, Direction direction, Consumer<StoredPair> consumer) {
    store.read(
        connection -> {
          try (PreparedStatement query =
              connection.prepareStatement(
                  "SELECT "
                      + PairRows.COLUMNS
                      + " FROM rr_pairs WHERE snapshot_id = ? AND direction = ? ORDER BY seq")) {
            query.setFetchSize(100);
            query.setString(1, snapshotId);
            query.setString(2, direction.name());
            try (ResultSet rows = query.executeQuery()) {
              while (rows.next()) {
                consumer.accept(PairRows.pair(rows));
              }
            }
          }
          return null;
        });
  }

  /**
   * The id and request signature of every pair of {@code direction} in snapshot {@code snapshotId},
   * in recorded order, without reading bodies.
   */
  public void forEachSignature(
      String snapshotId, Direction direction, Consumer<PairSignature> consumer) {
    store.read(
        connection -> {
          try (PreparedStatement query =
              connection.prepareStatement(
                  "SELECT id, signature FROM rr_pairs WHERE snapshot_id = ? AND direction = ?"
                      + " ORDER BY seq")) {
            query.setFetchSize(1000);
            query.setString(1, snapshotId);
            query.setString(2, direction.name());
            try (ResultSet rows = query.executeQuery()) {
              while (rows.next()) {
                consumer.accept(
                    new PairSignature(
                        rows.getLong(1), RequestSignature.fromBytes(rows.getBytes(2))));
              }
            }
          }
          return null;
        });
  }
}
