package dev.kubereplay.server.traffic.store;

import dev.kubereplay.server.traffic.PairSink;
import dev.kubereplay.server.traffic.StoreException;
import dev.kubereplay.server.traffic.model.Direction;
import dev.kubereplay.server.traffic.model.RRPair;
import dev.kubereplay.server.traffic.model.Snapshot;
import dev.kubereplay.server.traffic.redact.Redactor;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A snapshot written while it is recorded: its row exists from {@link #open} on, in state {@code
 * RECORDING}, and its pairs, counts, hosts and time span grow in short transactions, so readers see
 * it grow and other writers (imports, renames, deletes) are never kept waiting for long. {@link
 * #seal} commits the rest and marks it {@code COMPLETE}.
 *
 * <p>Pairs are redacted on the caller's thread, before they are queued: nothing unredacted leaves
 * it. A writer thread commits what is queued every {@link #FLUSH_PAIRS} pairs or every {@link
 * #FLUSH_MILLIS} ms, whichever comes first: a crash loses at most about a second of traffic, and a
 * busy proxy still commits a few times a second, each transaction holding the write lock for
 * milliseconds.
 *
 * <p>When another writer holds the lock longer than the store's busy timeout (a long import), the
 * batch stays queued and is tried again; the recording goes on. Past {@link #MAX_QUEUED_BYTES} of
 * queued bodies, {@link #accept} waits for the writer, so memory stays bounded. Any other failure
 * (a full disk, the snapshot deleted) ends the writing: later pairs are dropped, the snapshot keeps
 * what was committed and {@link #seal} throws the failure.
 *
 * <p>A process that dies while recording leaves the snapshot {@code RECORDING}; see {@link
 * Recorder} for how it becomes {@code INTERRUPTED}.
 */
public final class LiveSnapshot implements PairSink, AutoCloseable {

  private static final Logger LOG = Logger.getLogger(LiveSnapshot.class.getName());

  static final int FLUSH_PAIRS = 100;
  static final long FLUSH_MILLIS = 1000;
  static final long MAX_QUEUED_BYTES = 64L * 1024 * 1024;

  /** How long sealing keeps trying while another writer holds the lock. */
  static final long SEAL_PATIENCE_MILLIS = 60_000;

  /** Between two tries when the lock stayed taken for the whole busy timeout. */
  static final long BUSY_BACKOFF_MILLIS = 100;

  private final TrafficStore store;
  private final String id;
  private final String name;
  private final String source;
  private final Redactor redactor;
  private final PairInsert rows = new PairInsert(); // writer thread only

  // guarded by this
  private List<RecordedRow> queued = new ArrayList<>();
  private long queuedSkips;
  private long queuedBytes;
  private long seq;
  private boolean sealing;
  private boolean ended;
  private RuntimeException failure;
  private Snapshot sealed;

  // the writer thread's own
  private final TreeSet<String> committedHosts = new TreeSet<>();
  private volatile Thread writer;

  LiveSnapshot(TrafficStore store, String id, String name, String source, Redactor redactor) {
    this.store = store;
    this.id = id;
    this.name = name;
    this.source = source;
    this.redactor = redactor;
  }

  public String snapshotId() {
    return id;
  }

  /**
   * Creates the snapshot, {@code RECORDING}, and starts writing.
   *
   * @throws StoreException when the row cannot be written; nothing is stored
   */
  public void open() {
    Recorder.started(id);
    try (Connection connection = store.connect()) {
      try (PreparedStatement insert =
          connection.prepareStatement(
              "INSERT INTO snapshots (id, name, source, created_millis, state, recorder_pid,"
                  + " recorder_started_millis) VALUES (?, ?, ?, ?, 'RECORDING', ?, ?)")) {
        insert.setString(1, id);
        insert.setString(2, name);
        insert.setString(3, source);
        insert.setLong(4, System.currentTimeMillis());
        insert.setLong(5, Recorder.CURRENT.pid());
        RecordedRow.setNullable(insert, 6, Recorder.CURRENT.startedMillis());
        insert.executeUpdate();
      }
    } catch (SQLException e) {
      Recorder.ended(id);
      throw new StoreException(
          "cannot start the recording in " + store.file() + ": " + e.getMessage(), e);
    }
    writer = new Thread(this::write, "kubereplay-record-writer");
    writer.setDaemon(true);
    writer.start();
  }

  @Override
  public void accept(RRPair pair) {
    RRPair redacted = redactor.redact(pair);
    String kept = redacted.tags() == null ? null : redacted.tags().get(Redactor.KEPT_CODED);
    if (kept != null) { // stored as it came, tagged; the client got it untouched
      LOG.warning("recording " + id + ": " + Redactor.request(redacted) + ": " + kept);
    }
    synchronized (this) {
      if (ended || failure != null) {
        return; // cut off at seal, or the writer has failed: nothing more is stored
      }
      RecordedRow row = new RecordedRow(++seq, redacted);
      queued.add(row);
      queuedBytes += row.bytes();
      if (queued.size() >= FLUSH_PAIRS) {
        notifyAll();
      }
      while (queuedBytes > MAX_QUEUED_BYTES && failure == null && !ended) {
        waitQuietly(FLUSH_MILLIS);
      }
    }
  }

  @Override
  public synchronized void skip(String entry, String reason) {
    if (!ended && failure == null) {
      queuedSkips++;
    }
  }

  /**
   * Commits what is queued and marks the snapshot {@code COMPLETE}; pairs that arrive later are
   * dropped. Sealing again answers the same snapshot.
   *
   * @throws RuntimeException the store's failure, again on every call, when writing failed; the
   *     snapshot then keeps what was committed
   */
  public Snapshot seal() {
    if (writer == null) {
      throw new IllegalStateException("snapshot " + id + " was never opened");
    }
    synchronized (this) {
      sealing = true;
      notifyAll();
    }
    joinWriter();
    synchronized (this) {
      if (failure == null && sealed == null) {
        failure = new StoreException("the recording into snapshot " + id + " ended unsealed");
      }
      if (failure != null) {
        throw failure;
      }
      return sealed;
    }
  }

  /**
   * Stops writing without sealing: what is queued is dropped and the snapshot, with what was
   * committed, is marked {@code INTERRUPTED} (or left for the next open to mark, when the store is
   * unusable). Does nothing once sealed.
   */
  public void interrupt() {
    synchronized (this) {
      if (sealed != null) {
        return;
      }
      if (failure == null) {
        failure = new StoreException("the recording into snapshot " + id + " was interrupted");
      }
      queued = new ArrayList<>();
      queuedBytes = 0;
      notifyAll();
    }
    joinWriter();
    try {
      store.write(
          connection -> {
            try (PreparedStatement update =
                connection.prepareStatement(
                    "UPDATE snapshots SET state = 'INTERRUPTED'"
                        + " WHERE id = ? AND state = 'RECORDING'")) {
              update.setString(1, id);
              return update.executeUpdate();
            }
          });
    } catch (StoreException e) {
      LOG.warning("snapshot " + id + " stays recording until the store opens next: " + e);
    } finally {
      Recorder.ended(id);
    }
  }

  @Override
  public void close() {
    interrupt();
  }

  private void joinWriter() {
    Thread thread = writer;
    if (thread == null || thread == Thread.currentThread()) {
      return;
    }
    boolean interrupted = false;
    while (true) {
      try {
        thread.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** The writer thread: commits batches until sealed or failed. */
  private void write() {
    try {
      writeBatches();
    } catch (RuntimeException e) {
      fail(e);
    }
  }

  private void writeBatches() {
    List<RecordedRow> batch = new ArrayList<>();
    long skips = 0;
    long sealDeadline = Long.MAX_VALUE;
    boolean waiting = false;
    while (true) {
      boolean seal;
      synchronized (this) {
        long due = System.currentTimeMillis() + FLUSH_MILLIS;
        while (!sealing && failure == null && queued.size() + batch.size() < FLUSH_PAIRS) {
          long wait = due - System.currentTimeMillis();
          if (wait <= 0) {
            break;
          }
          waitQuietly(wait);
        }
        if (failure != null) {
          ended = true;
          notifyAll();
          return;
        }
        batch.addAll(queued);
        queued = new ArrayList<>();
        skips += queuedSkips;
        queuedSkips = 0;
        seal = sealing;
        if (seal && !ended) {
          ended = true; // what arrives from now on is not stored
          sealDeadline = System.currentTimeMillis() + SEAL_PATIENCE_MILLIS;
        }
      }
      if (batch.isEmpty() && skips == 0 && !seal) {
        continue;
      }
      try {
        Snapshot snapshot = commit(batch, skips, seal);
        synchronized (this) {
          for (RecordedRow row : batch) {
            queuedBytes -= row.bytes();
          }
          notifyAll();
          if (seal) {
            sealed = snapshot;
            Recorder.ended(id);
            return;
          }
        }
        batch = new ArrayList<>();
        skips = 0;
        waiting = false;
      } catch (SQLException e) {
        if (TrafficStore.isBusy(e) && System.currentTimeMillis() < sealDeadline) {
          // the batch stays: tried again, with what arrives meanwhile
          if (!waiting) {
            LOG.info("snapshot " + id + " waits for another writer: " + e.getMessage());
          }
          waiting = true;
          LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(BUSY_BACKOFF_MILLIS));
          continue;
        }
        fail(
            new StoreException(
                "cannot store the recording in " + store.file() + ": " + e.getMessage(), e));
        return;
      } catch (RuntimeException e) {
        fail(e);
        return;
      }
    }
  }

  private synchronized void fail(RuntimeException e) {
    LOG.log(Level.WARNING, "recording into snapshot " + id + " failed", e);
    failure = e;
    ended = true;
    queued = new ArrayList<>();
    queuedBytes = 0;
    notifyAll();
    Recorder.ended(id); // no longer written: the next look marks it interrupted
  }

  private void waitQuietly(long millis) {
    try {
      wait(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.util.concurrent.CancellationException("interrupted");
    }
  }

  /**
   * One transaction: the snapshot's summary first (a write: it takes the lock at once, waiting up
   * to the busy timeout), then the pairs; when sealing, the state too. Answers the sealed snapshot.
   */
  private Snapshot commit(List<RecordedRow> batch, long skips, boolean seal) throws SQLException {
    long in = 0;
    long out = 0;
    Long first = null;
    Long last = null;
    TreeSet<String> hosts = new TreeSet<>(committedHosts);
    for (RecordedRow row : batch) {
      if (row.pair().direction() == Direction.IN) {
        in++;
      } else {
        out++;
      }
      long nanos = PairRows.nanos(row.pair().timestamp());
      first = first == null ? nanos : Math.min(first, nanos);
      last = last == null ? nanos : Math.max(last, nanos);
      hosts.add(row.pair().host());
    }
    try (Connection connection = store.connect()) {
      connection.setAutoCommit(false);
      try {
        try (PreparedStatement update =
            connection.prepareStatement(
                "UPDATE snapshots SET state = ?1,"
                    + " in_count = in_count + ?2, out_count = out_count + ?3, hosts = ?4,"
                    + " first_ts_nanos = coalesce(min(first_ts_nanos, ?5), first_ts_nanos, ?5),"
                    + " last_ts_nanos = coalesce(max(last_ts_nanos, ?6), last_ts_nanos, ?6),"
                    + " skipped_count = skipped_count + ?7,"
                    + " recorder_pid = CASE WHEN ?1 = 'RECORDING' THEN recorder_pid END,"
                    + " recorder_started_millis ="
                    + "   CASE WHEN ?1 = 'RECORDING' THEN recorder_started_millis END"
                    + " WHERE id = ?8")) {
          update.setString(1, seal ? "COMPLETE" : "RECORDING");
          update.setLong(2, in);
          update.setLong(3, out);
          update.setString(4, RecordedRow.jsonArray(hosts));
          RecordedRow.setNullable(update, 5, first);
          RecordedRow.setNullable(update, 6, last);
          update.setLong(7, skips);
          update.setString(8, id);
          if (update.executeUpdate() == 0) {
            throw new StoreException("snapshot " + id + " was deleted while it was being recorded");
          }
        }
        if (!batch.isEmpty()) {
          try (PreparedStatement insert = connection.prepareStatement(PairInsert.SQL)) {
            for (RecordedRow row : batch) {
              rows.bind(insert, id, row.seq(), row.pair());
              insert.addBatch();
            }
            insert.executeBatch();
          }
        }
        Snapshot snapshot = seal ? SnapshotStore.find(connection, id).orElseThrow() : null;
        connection.commit();
        committedHosts.addAll(hosts);
        return snapshot;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    }
  }
}
