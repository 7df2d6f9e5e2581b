package dev.kubereplay.server.traffic.store;

import dev.kubereplay.server.traffic.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;

/**
 * The writer thread of a {@link SnapshotImport}: one connection, one transaction. Rows are derived
 * and bound here ({@link PairInsert}), off the reading thread.
 */
final class SnapshotWriter {

  private final TrafficStore store;
  private final PairInsert rows = new PairInsert();
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
    try (PreparedStatement insert = connection.prepareStatement(PairInsert.SQL)) {
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
          rows.bind(insert, id, prepared.seq(), prepared.pair());
          insert.addBatch();
        }
        insert.executeBatch();
      }
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
