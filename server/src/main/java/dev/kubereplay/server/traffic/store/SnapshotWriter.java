package dev.kubereplay.server.traffic.store;

import dev.kubereplay.server.traffic.PathTemplates;
import dev.kubereplay.server.traffic.RRPair;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;

/**
 * The writer thread of a {@link SnapshotImport}: one connection, one transaction. It derives what a
 * row holds besides the pair (path template, header JSON, signature), then binds and inserts it.
 * Header JSON is bound as UTF-8 bytes and cast to TEXT by SQLite: the column holds the same text as
 * when it was bound as a String, without the String.
 */
final class SnapshotWriter {

  private static final String INSERT =
      "INSERT INTO rr_pairs (snapshot_id, seq, uuid, direction, ts_nanos, duration_millis,"
          + " protocol, host, method, url, path_template, http_version, request_headers,"
          + " request_body, request_body_encoding, status, status_message, response_headers,"
          + " response_body, response_body_encoding, tags, signature)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS TEXT), ?, ?, ?, ?,"
          + " CAST(? AS TEXT), ?, ?, ?, ?)";

  private final TrafficStore store;
  private final PairRows.JsonBytes json = new PairRows.JsonBytes();
  private final Murmur3 hash = new Murmur3();
  private final BlockingQueue<Object> queue;
  private volatile RuntimeException failure;
  private volatile boolean aborted;
  private volatile Instant created;
  private boolean ended;

  SnapshotWriter(TrafficStore store, BlockingQueue<Object> queue) {
    this.store = store;
    this.queue = queue;
  }

  Instant created() {
    return created;
  }

  void abort() {
    aborted = true;
  }

  /** Fails the reading thread as soon as the writer has failed. */
  void rethrowFailure() {
    RuntimeException failed = failure;
    if (failed != null) {
      throw failed;
    }
  }

  void run(String id, String name, String source, Instant now) {
    this.created = now;
    try (Connection connection = store.connect()) {
      try (Statement statement = connection.createStatement()) {
        statement.execute("PRAGMA cache_size=-16000");
      }
      connection.setAutoCommit(false);
      try {
        insertSnapshot(connection, id, name, source, now);
        if (write(connection, id)) {
          connection.commit();
        } else {
          connection.rollback();
        }
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    } catch (SQLException e) {
      fail(
          new StoreException(
              "cannot store the import in " + store.file() + ": " + e.getMessage(), e));
    } catch (RuntimeException e) {
      fail(e);
    }
  }

  /** Writes batches until the import finishes (true) or is aborted (false). */
  private boolean write(Connection connection, String id) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
      while (true) {
        Object message = take();
        if (message == SnapshotImport.Abort.INSTANCE || aborted) {
          return false;
        }
        if (message instanceof SnapshotImport.Finish finish) {
          finish(connection, id, finish);
          return true;
        }
        @SuppressWarnings("unchecked")
        List<SnapshotImport.PreparedPair> batch = (List<SnapshotImport.PreparedPair>) message;
        for (SnapshotImport.PreparedPair prepared : batch) {
          bind(insert, id, prepared);
          insert.addBatch();
        }
        insert.executeBatch();
      }
    }
  }

  private void bind(PreparedStatement insert, String id, SnapshotImport.PreparedPair row)
      throws SQLException {
    RRPair pair = row.pair();
    insert.setString(1, id);
    insert.setLong(2, row.seq());
    setNullable(insert, 3, pair.uuid());
    insert.setString(4, pair.direction().name());
    insert.setLong(5, PairRows.nanos(pair.timestamp()));
    insert.setLong(6, pair.durationMillis());
    insert.setString(7, pair.protocol());
    insert.setString(8, pair.host());
    insert.setString(9, pair.method());
    insert.setString(10, pair.url());
    insert.setString(11, PathTemplates.of(pair.url()));
    setNullable(insert, 12, pair.httpVersion());
    insert.setBytes(13, PairRows.headersJson(pair.requestHeaders(), json));
    insert.setBytes(14, pair.requestBody());
    setNullable(insert, 15, pair.requestBodyEncoding());
    insert.setInt(16, pair.status());
    setNullable(insert, 17, pair.statusMessage());
    insert.setBytes(18, PairRows.headersJson(pair.responseHeaders(), json));
    insert.setBytes(19, pair.responseBody());
    setNullable(insert, 20, pair.responseBodyEncoding());
    insert.setString(21, PairRows.tags(pair.tags()));
    insert.setBytes(22, PairRows.signature(hash, pair));
  }

  private static void setNullable(PreparedStatement statement, int index, String value)
      throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.VARCHAR);
    } else {
      statement.setString(index, value);
    }
  }

  private static void insertSnapshot(
      Connection connection, String id, String name, String source, Instant now)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO snapshots (id, name, source, created_millis) VALUES (?, ?, ?, ?)")) {
      insert.setString(1, id);
      insert.setString(2, name);
      insert.setString(3, source);
      insert.setLong(4, now.toEpochMilli());
      insert.executeUpdate();
    }
  }

  private static void finish(Connection connection, String id, SnapshotImport.Finish finish)
      throws SQLException {
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE snapshots SET in_count = ?, out_count = ?, hosts = ?, first_ts_nanos = ?,"
                + " last_ts_nanos = ?, skipped_count = ? WHERE id = ?")) {
      update.setLong(1, finish.inCount());
      update.setLong(2, finish.outCount());
      update.setString(3, finish.hostsJson());
      if (finish.first() == null) {
        update.setNull(4, Types.INTEGER);
        update.setNull(5, Types.INTEGER);
      } else {
        update.setLong(4, finish.first());
        update.setLong(5, finish.last());
      }
      update.setLong(6, finish.skipped());
      update.setString(7, id);
      update.executeUpdate();
    }
  }

  private Object take() {
    try {
      Object message = queue.take();
      ended = message == SnapshotImport.Abort.INSTANCE || message instanceof SnapshotImport.Finish;
      return message;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return SnapshotImport.Abort.INSTANCE;
    }
  }

  /** Remembers the failure, then drains the queue so the reader never blocks on it. */
  private void fail(RuntimeException e) {
    failure = e;
    while (!ended) {
      take();
    }
    throw e;
  }
}
