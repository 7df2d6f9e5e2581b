package dev.kubereplay.server.traffic.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * The process writing a {@code RECORDING} snapshot, and how a process opening the database tells a
 * live recording from one whose process died (kill -9, a crash, a power cut).
 *
 * <p>Several kubereplay processes may share one database: two IDEs on one {@code KUBEREPLAY_HOME},
 * or an IDE and {@code kubereplay record} in a terminal. So "the store opens, so every recording
 * before it is dead" would be wrong. Instead a recording stores its process (pid and start time) in
 * its snapshot row, and a {@code RECORDING} snapshot is abandoned, and marked {@code INTERRUPTED},
 * when:
 *
 * <ul>
 *   <li>its process is gone: no process has that pid, or the one that has it started at another
 *       time (the pid was reused); or
 *   <li>its process is this one, but no recording in this process writes it any more.
 * </ul>
 *
 * This runs when the store opens, before listing snapshots and before a delete, so a recording
 * whose process died shows as interrupted soon after, in every process. It relies on every process
 * sharing the database seeing the others' pids, i.e. running on one machine: SQLite's WAL mode
 * needs that anyway (its index is shared memory). Should a live recording ever be marked by
 * mistake, its next commit sets it back to {@code RECORDING}.
 */
record Recorder(long pid, Long startedMillis) {

  private static final Logger LOG = Logger.getLogger(Recorder.class.getName());

  /** Two start times of the same process read by two JVMs differ by rounding, not by seconds. */
  private static final long SAME_START_MILLIS = 1000;

  /** Snapshots a recording in this process is writing. */
  private static final Set<String> LIVE = ConcurrentHashMap.newKeySet();

  /** This process. */
  static final Recorder CURRENT =
      new Recorder(ProcessHandle.current().pid(), startOf(ProcessHandle.current()));

  static void started(String snapshotId) {
    LIVE.add(snapshotId);
  }

  static void ended(String snapshotId) {
    LIVE.remove(snapshotId);
  }

  /** Whether a recording in this process writes {@code snapshotId}. */
  static boolean isLive(String snapshotId) {
    return LIVE.contains(snapshotId);
  }

  private static Long startOf(ProcessHandle process) {
    return process.info().startInstant().map(Instant::toEpochMilli).orElse(null);
  }

  /** Whether the process that wrote {@code snapshotId} can no longer be writing it. */
  boolean abandoned(String snapshotId) {
    if (isSameProcess(CURRENT)) {
      return !isLive(snapshotId);
    }
    Optional<ProcessHandle> process = ProcessHandle.of(pid);
    if (process.isEmpty() || !process.get().isAlive()) {
      return true;
    }
    Long started = startOf(process.get());
    return startedMillis != null
        && started != null
        && Math.abs(started - startedMillis) > SAME_START_MILLIS;
  }

  private boolean isSameProcess(Recorder other) {
    return pid == other.pid
        && (startedMillis == null
            || other.startedMillis == null
            || Math.abs(startedMillis - other.startedMillis) <= SAME_START_MILLIS);
  }

  /** {@link #interruptAbandoned}, best effort: a locked database leaves them for the next look. */
  static void interruptAbandonedQuietly(Connection connection) {
    try {
      interruptAbandoned(connection);
    } catch (SQLException e) {
      LOG.fine("abandoned recordings left for later: " + e.getMessage());
    }
  }

  /** Marks the abandoned {@code RECORDING} snapshots {@code INTERRUPTED}; answers their ids. */
  static List<String> interruptAbandoned(Connection connection) throws SQLException {
    List<String> abandoned = new ArrayList<>();
    try (PreparedStatement query =
            connection.prepareStatement(
                "SELECT id, recorder_pid, recorder_started_millis FROM snapshots"
                    + " WHERE state = 'RECORDING'");
        ResultSet rows = query.executeQuery()) {
      while (rows.next()) {
        String id = rows.getString(1);
        long pid = rows.getLong(2);
        boolean hasPid = !rows.wasNull();
        long started = rows.getLong(3);
        Long startedMillis = rows.wasNull() ? null : started;
        if (!hasPid || new Recorder(pid, startedMillis).abandoned(id)) {
          abandoned.add(id);
        }
      }
    }
    if (abandoned.isEmpty()) {
      return abandoned;
    }
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE snapshots SET state = 'INTERRUPTED' WHERE id = ? AND state = 'RECORDING'")) {
      for (String id : abandoned) {
        update.setString(1, id);
        update.executeUpdate();
      }
      connection.commit();
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(autoCommit);
    }
    LOG.info("recordings whose process went away, kept as interrupted: " + abandoned);
    return abandoned;
  }
}
