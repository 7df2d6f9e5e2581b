package dev.kubereplay.server.traffic.store;

import dev.kubereplay.server.traffic.JsonFiles;
import dev.kubereplay.server.traffic.PairQuery;
import dev.kubereplay.server.traffic.Reclassified;
import dev.kubereplay.server.traffic.model.Direction;
import dev.kubereplay.server.traffic.model.Endpoint;
import dev.kubereplay.server.traffic.model.Snapshot;
import dev.kubereplay.server.traffic.model.StoredPair;
import dev.kubereplay.server.traffic.redact.Redactor;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/** Snapshots and their pairs in the store: what browsing, managing and exporting read. */
public final class SnapshotStore {

  private static final String SNAPSHOT_COLUMNS =
      "id, name, source, created_millis, in_count, out_count, hosts, first_ts_nanos,"
          + " last_ts_nanos, skipped_count, state";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final TrafficStore store;

  public SnapshotStore(TrafficStore store) {
    this.store = store;
  }

  public TrafficStore database() {
    return store;
  }

  /** Starts an import into a new snapshot; see {@link SnapshotImport}. */
  public SnapshotImport begin(
      String name, String source, Redactor redactor, SnapshotImport.Progress progress) {
    String id = HexFormat.of().formatHex(bytes(6));
    return new SnapshotImport(store, id, name, source, redactor, progress);
  }

  /**
   * Starts writing a desktop recording into a new snapshot, visible as {@code RECORDING} from
   * {@link LiveSnapshot#open} on; see {@link LiveSnapshot}.
   */
  public LiveSnapshot record(String name, String source, Redactor redactor) {
    return new LiveSnapshot(store, HexFormat.of().formatHex(bytes(6)), name, source, redactor);
  }

  private static byte[] bytes(int n) {
    byte[] bytes = new byte[n];
    RANDOM.nextBytes(bytes);
    return bytes;
  }

  /**
   * Every snapshot, newest first. Recordings whose process went away are marked {@code INTERRUPTED}
   * first (see {@link Recorder}).
   */
  public List<Snapshot> list() {
    return store.read(
        connection -> {
          Recorder.interruptAbandonedQuietly(connection);
          List<Snapshot> snapshots = new ArrayList<>();
          try (PreparedStatement query =
                  connection.prepareStatement(
                      "SELECT "
                          + SNAPSHOT_COLUMNS
                          + " FROM snapshots ORDER BY created_millis DESC, id");
              ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
              snapshots.add(snapshot(rows));
            }
          }
          return snapshots;
        });
  }

  public Optional<Snapshot> find(String id) {
    return store.read(connection -> find(connection, id));
  }

  static Optional<Snapshot> find(Connection connection, String id) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT " + SNAPSHOT_COLUMNS + " FROM snapshots WHERE id = ?")) {
      query.setString(1, id);
      try (ResultSet rows = query.executeQuery()) {
        return rows.next() ? Optional.of(snapshot(rows)) : Optional.empty();
      }
    }
  }

  /** Renames; answers the renamed snapshot, or empty when there is none with that id. */
  public Optional<Snapshot> rename(String id, String name) {
    return store.write(
        connection -> {
          try (PreparedStatement update =
              connection.prepareStatement("UPDATE snapshots SET name = ? WHERE id = ?")) {
            update.setString(1, name);
            update.setString(2, id);
            update.executeUpdate();
          }
          return find(connection, id);
        });
  }

  /** What {@link #delete} did. */
  public enum Deletion {
    DELETED,
    /** There is no such snapshot. */
    ABSENT,
    /** A live recording is writing it: nothing was deleted. */
    RECORDING
  }

  /**
   * Deletes a snapshot and its pairs, unless a live recording writes it (one whose process went
   * away is interrupted first, and then deleted).
   */
  public Deletion delete(String id) {
    store.read(
        connection -> {
          Recorder.interruptAbandonedQuietly(connection);
          return null;
        });
    return store.write(
        connection -> {
          // writes first: the transaction takes the lock before it reads anything
          try (PreparedStatement pairs =
                  connection.prepareStatement(
                      "DELETE FROM rr_pairs WHERE snapshot_id = ?1 AND NOT EXISTS (SELECT 1"
                          + " FROM snapshots WHERE id = ?1 AND state = 'RECORDING')");
              PreparedStatement snapshot =
                  connection.prepareStatement(
                      "DELETE FROM snapshots WHERE id = ? AND state <> 'RECORDING'")) {
            pairs.setString(1, id);
            pairs.executeUpdate();
            snapshot.setString(1, id);
            if (snapshot.executeUpdate() > 0) {
              return Deletion.DELETED;
            }
          }
          return find(connection, id).isPresent() ? Deletion.RECORDING : Deletion.ABSENT;
        });
  }

  /**
   * Sets the direction of every pair to {@code host}, or only of those of one endpoint; answers how
   * many changed and the snapshot with its new counts, or empty when there is no such snapshot.
   *
   * @param method the endpoint's method, or null for every method
   * @param pathTemplate the endpoint's path template, or null for every pair of the host
   */
  public Optional<Reclassified> reclassify(
      String id, String host, String method, String pathTemplate, Direction direction) {
    return store.write(
        connection -> {
          // writes first: the transaction takes the lock before it reads anything
          int changed;
          try (PreparedStatement update =
              connection.prepareStatement(
                  "UPDATE rr_pairs SET direction = ?1"
                      + " WHERE snapshot_id = ?2 AND host = ?3 AND direction <> ?1"
                      + " AND (?4 IS NULL OR method = ?4)"
                      + " AND (?5 IS NULL OR path_template = ?5)")) {
            update.setString(1, direction.name());
            update.setString(2, id);
            update.setString(3, host);
            update.setString(4, method);
            update.setString(5, pathTemplate);
            changed = update.executeUpdate();
          }
          try (PreparedStatement counts =
              connection.prepareStatement(
                  "UPDATE snapshots SET"
                      + " in_count = (SELECT count(*) FROM rr_pairs"
                      + "   WHERE snapshot_id = ?1 AND direction = 'IN'),"
                      + " out_count = (SELECT count(*) FROM rr_pairs"
                      + "   WHERE snapshot_id = ?1 AND direction = 'OUT')"
                      + " WHERE id = ?1")) {
            counts.setString(1, id);
            if (counts.executeUpdate() == 0) {
              return Optional.empty();
            }
          }
          return Optional.of(new Reclassified(host, changed, find(connection, id).orElseThrow()));
        });
  }

  /** Every endpoint of a snapshot, by host, method and path template, with latencies. */
  public List<Endpoint> endpoints(String id) {
    return store.read(
        connection -> {
          List<Endpoint> endpoints = new ArrayList<>();
          try (PreparedStatement query =
              connection.prepareStatement(
                  "SELECT host, method, path_template, direction, duration_millis FROM rr_pairs"
                      + " WHERE snapshot_id = ?"
                      + " ORDER BY host, method, path_template, duration_millis")) {
            query.setString(1, id);
            try (ResultSet rows = query.executeQuery()) {
              EndpointStats current = null;
              while (rows.next()) {
                String host = rows.getString(1);
                String method = rows.getString(2);
                String template = rows.getString(3);
                if (current == null || !current.is(host, method, template)) {
                  if (current != null) {
                    endpoints.add(current.endpoint());
                  }
                  current = new EndpointStats(host, method, template);
                }
                current.add(Direction.valueOf(rows.getString(4)), rows.getLong(5));
              }
              if (current != null) {
                endpoints.add(current.endpoint());
              }
            }
          }
          return endpoints;
        });
  }

  /** A page of pairs, in recorded order, optionally of one host and one endpoint. */
  public List<StoredPair> pairs(PairQuery pairQuery) {
    return store.read(
        connection -> {
          StringBuilder sql =
              new StringBuilder("SELECT " + PairRows.COLUMNS + " FROM rr_pairs WHERE ");
          List<Object> arguments = PairQueries.where(pairQuery, sql);
          sql.append(" ORDER BY seq LIMIT ? OFFSET ?");
          List<StoredPair> pairs = new ArrayList<>();
          try (PreparedStatement query = connection.prepareStatement(sql.toString())) {
            int index = bind(query, arguments);
            query.setInt(index++, pairQuery.limit());
            query.setLong(index, pairQuery.offset());
            try (ResultSet rows = query.executeQuery()) {
              while (rows.next()) {
                pairs.add(PairRows.pair(rows));
              }
            }
          }
          return pairs;
        });
  }

  /** How many pairs {@code pairQuery} selects, ignoring its page. */
  public long count(PairQuery pairQuery) {
    return store.read(
        connection -> {
          StringBuilder sql = new StringBuilder("SELECT count(*) FROM rr_pairs WHERE ");
          List<Object> arguments = PairQueries.where(pairQuery, sql);
          try (PreparedStatement query = connection.prepareStatement(sql.toString())) {
            bind(query, arguments);
            try (ResultSet rows = query.executeQuery()) {
              return rows.next() ? rows.getLong(1) : 0L;
            }
          }
        });
  }

  public Optional<StoredPair> pair(String snapshotId, long pairId) {
    return store.read(
        connection -> {
          try (PreparedStatement query =
              connection.prepareStatement(
                  "SELECT "
                      + PairRows.COLUMNS
                      + " FROM rr_pairs WHERE id = ? AND snapshot_id = ?")) {
            query.setLong(1, pairId);
            query.setString(2, snapshotId);
            try (ResultSet rows = query.executeQuery()) {
              return rows.next() ? Optional.of(PairRows.pair(rows)) : Optional.<StoredPair>empty();
            }
          }
        });
  }

  /**
   * Streams every pair of a snapshot in recorded order (for export): one row in memory at a time.
   */
  public void forEachPair(String snapshotId, Consumer<StoredPair> consumer) {
    store.read(
        connection -> {
          try (PreparedStatement query =
              connection.prepareStatement(
                  "SELECT "
                      + PairRows.COLUMNS
                      + " FROM rr_pairs WHERE snapshot_id = ? ORDER BY seq")) {
            query.setFetchSize(100);
            query.setString(1, snapshotId);
            try (ResultSet rows = query.executeQuery()) {
              while (rows.next()) {
                consumer.accept(PairRows.pair(rows));
              }
            }
          }
          return null;
        });
  }

  private static int bind(PreparedStatement query, List<Object> arguments) throws SQLException {
    int index = 1;
    for (Object argument : arguments) {
      query.setObject(index++, argument);
    }
    return index;
  }

  private static Snapshot snapshot(ResultSet row) throws SQLException {
    long first = row.getLong(8);
    boolean hasFirst = !row.wasNull();
    long last = row.getLong(9);
    boolean hasLast = !row.wasNull();
    return new Snapshot(
        row.getString(1),
        row.getString(2),
        row.getString(3),
        Instant.ofEpochMilli(row.getLong(4)),
        row.getLong(5),
        row.getLong(6),
        strings(row.getString(7)),
        hasFirst ? PairRows.instant(first) : null,
        hasLast ? PairRows.instant(last) : null,
        row.getLong(10),
        Snapshot.State.valueOf(row.getString(11)));
  }

  private static List<String> strings(String json) {
    List<String> values = new ArrayList<>();
    if (json == null) {
      return values;
    }
    try (JsonParser parser = JsonFiles.parser(json)) {
      parser.nextToken();
      while (parser.nextToken() == JsonToken.VALUE_STRING) {
        values.add(parser.getString());
      }
    }
    return List.copyOf(values);
  }
}
