package dev.kubereplay.server.traffic.store;

import dev.kubereplay.server.traffic.StoreException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The recordings database: one SQLite file ({@code kubereplay.db} in the data directory) in WAL
 * mode, so a long import writes while the IDE keeps reading. Opening it brings its schema up to
 * date in place ({@link Migrations}) and marks recordings whose process died {@code INTERRUPTED}
 * ({@link Recorder}). Connections are short-lived and one per task: SQLite connections are cheap,
 * and JDBC connections must not be shared between threads.
 *
 * <p>SQLite lets one writer at a time; others wait up to the busy timeout (10 s). Writes are
 * therefore short (a desktop recording commits about once a second, see {@link LiveSnapshot}), and
 * a write transaction writes before it reads: in WAL mode a transaction that read first and then
 * finds that another writer committed meanwhile fails at once instead of waiting.
 */
public final class TrafficStore {

  /** The database's file name in the data directory. */
  public static final String FILE_NAME = "kubereplay.db";

  private final Path file;

  private TrafficStore(Path file) {
    this.file = file;
  }

  /** Opens (creating it if needed) the database in {@code dataDirectory} and migrates it. */
  public static TrafficStore open(Path dataDirectory) {
    return openFile(dataDirectory.resolve(FILE_NAME));
  }

  /** Opens the database at {@code file}, migrating it to the newest schema. */
  public static TrafficStore openFile(Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (!Files.isDirectory(parent)) {
        Files.createDirectories(parent);
        privateTo(parent, "rwx------");
      }
      boolean created = !Files.exists(file);
      TrafficStore store = new TrafficStore(file);
      try (Connection connection = store.connect()) {
        try (Statement statement = connection.createStatement()) {
          if (created) {
            // Pairs are a few KiB each: large pages hold several, so fewer pages to write.
            statement.execute(
                "PRAGMA page_size=" + Integer.getInteger("kubereplay.db.pageSize", 16384));
          }
          statement.execute("PRAGMA journal_mode=WAL");
        }
        Migrations.upgrade(connection);
        Recorder.interruptAbandonedQuietly(connection);
      }
      if (created) {
        privateTo(file, "rw-------");
      }
      return store;
    } catch (IOException e) {
      throw new StoreException("cannot create " + file.getParent() + ": " + e.getMessage(), e);
    } catch (SQLException e) {
      throw new StoreException("cannot open " + file + ": " + e.getMessage(), e);
    }
  }

  /** Recordings may hold what redaction did not know to remove: keep them to the user. */
  private static void privateTo(Path path, String permissions) {
    try {
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
    } catch (UnsupportedOperationException | IOException e) {
      // not a POSIX file system: the user's profile directory protects it instead
    }
  }

  public Path file() {
    return file;
  }

  /** A new connection with the store's settings; the caller closes it. */
  public Connection connect() throws SQLException {
    Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
    try (Statement statement = connection.createStatement()) {
      statement.execute("PRAGMA foreign_keys=ON");
      statement.execute(
          "PRAGMA busy_timeout=" + Integer.getInteger("kubereplay.db.busyTimeoutMillis", 10_000));
      // With WAL, NORMAL is durable against crashes of the process; fsync at checkpoints only.
      statement.execute("PRAGMA synchronous=NORMAL");
    } catch (SQLException e) {
      connection.close();
      throw e;
    }
    return connection;
  }

  /** Runs {@code work} on a fresh connection and answers its result. */
  <T> T read(SqlWork<T> work) {
    try (Connection connection = connect()) {
      return work.run(connection);
    } catch (SQLException e) {
      throw new StoreException("database " + file + ": " + e.getMessage(), e);
    }
  }

  /** Runs {@code work} in one transaction on a fresh connection. */
  <T> T write(SqlWork<T> work) {
    try (Connection connection = connect()) {
      connection.setAutoCommit(false);
      try {
        T result = work.run(connection);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new StoreException("database " + file + ": " + e.getMessage(), e);
    }
  }

  /** Whether another connection held the lock for the whole busy timeout. */
  static boolean isBusy(SQLException e) {
    if (e instanceof SQLiteException sqlite) {
      int primary = sqlite.getResultCode().code & 0xff;
      return primary == SQLiteErrorCode.SQLITE_BUSY.code
          || primary == SQLiteErrorCode.SQLITE_LOCKED.code;
    }
    return false;
  }

  @FunctionalInterface
  interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
  }

  static UncheckedIOException unchecked(IOException e) {
    return new UncheckedIOException(e);
  }
}
