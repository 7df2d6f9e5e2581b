package dev.kubereplay.server.traffic.store;

import dev.kubereplay.server.traffic.StoreException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Versioned schema migrations: numbered SQL scripts ({@code migrations/NNN-what.sql}) applied in
 * order, each in its own transaction, recorded in {@code schema_version}; a version whose change
 * needs code (computing values SQL cannot) runs that code first, in the same transaction. A
 * database written by an older kubereplay is upgraded in place; one written by a newer kubereplay
 * is refused rather than misread.
 */
public final class Migrations {

  private static final Logger LOG = Logger.getLogger(Migrations.class.getName());

  /** The scripts, in order; script {@code i} brings the schema to version {@code i + 1}. */
  static final List<String> SCRIPTS =
      List.of(
          "001-snapshots-and-pairs.sql",
          "002-snapshot-summary.sql",
          "003-snapshot-state.sql",
          "004-request-signatures.sql");

  /** Code run before the script of a version. */
  private static final Map<Integer, CodeStep> CODE = Map.of(4, Resigning::resignAll);

  @FunctionalInterface
  private interface CodeStep {
    void run(Connection connection) throws SQLException;
  }

  private Migrations() {}

  /** The newest schema version this kubereplay knows. */
  public static int latest() {
    return SCRIPTS.size();
  }

  /** The schema version of the database, 0 when it is new. */
  public static int version(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(
          "CREATE TABLE IF NOT EXISTS schema_version ("
              + "version INTEGER PRIMARY KEY, applied_millis INTEGER NOT NULL)");
      try (ResultSet rows = statement.executeQuery("SELECT max(version) FROM schema_version")) {
        return rows.next() ? rows.getInt(1) : 0;
      }
    }
  }

  /** Applies every script the database has not had yet. */
  public static void upgrade(Connection connection) throws SQLException {
    upgradeTo(connection, latest());
  }

  /** Applies the scripts up to {@code target} (tests build old databases with it). */
  public static void upgradeTo(Connection connection, int target) throws SQLException {
    int current = version(connection);
    if (current > latest()) {
      throw new StoreException(
          "the recordings database has schema version "
              + current
              + ", written by a newer kubereplay; this one knows up to "
              + latest());
    }
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try {
      for (int version = current + 1; version <= target; version++) {
        apply(connection, version);
        connection.commit();
        if (current > 0) {
          LOG.info("recordings database upgraded to schema " + version);
        }
      }
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }

  private static void apply(Connection connection, int version) throws SQLException {
    String script = SCRIPTS.get(version - 1);
    CodeStep code = CODE.get(version);
    if (code != null) {
      code.run(connection);
    }
    try (Statement statement = connection.createStatement()) {
      for (String sql : statements(load(script))) {
        statement.execute(sql);
      }
    }
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO schema_version (version, applied_millis) VALUES (?, ?)")) {
      insert.setInt(1, version);
      insert.setLong(2, System.currentTimeMillis());
      insert.executeUpdate();
    }
  }

  private static String load(String script) {
    try (InputStream in = Migrations.class.getResourceAsStream("migrations/" + script)) {
      if (in == null) {
        throw new StoreException("migration " + script + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new StoreException("cannot read migration " + script + ": " + e.getMessage(), e);
    }
  }

  /** Splits a script into statements: on semicolons that end a line, comments dropped. */
  static List<String> statements(String script) {
    List<String> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : script.split("\n")) {
      String trimmed = line.strip();
      if (trimmed.startsWith("--") || trimmed.isEmpty()) {
        continue;
      }
      current.append(line).append('\n');
      if (trimmed.endsWith(";")) {
        statements.add(current.toString().strip());
        current.setLength(0);
      }
    }
    if (!current.toString().isBlank()) {
      statements.add(current.toString().strip());
    }
    return statements;
  }
}
