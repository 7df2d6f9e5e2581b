package dev.kubereplay.server.traffic.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubereplay.server.traffic.PairQuery;
import dev.kubereplay.server.traffic.StoreException;
import dev.kubereplay.server.traffic.model.RequestSignature;
import dev.kubereplay.server.traffic.model.Snapshot;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationsTest {

  @TempDir Path dir;

  private Connection raw() throws Exception {
    return DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(TrafficStore.FILE_NAME));
  }

  @Test
  void a_new_database_is_at_the_latest_schema_in_wal_mode() throws Exception {
    TrafficStore.open(dir);

    try (Connection connection = raw();
        Statement statement = connection.createStatement()) {
      assertThat(Migrations.version(connection)).isEqualTo(Migrations.latest()).isEqualTo(4);
      try (ResultSet mode = statement.executeQuery("PRAGMA journal_mode")) {
        mode.next();
        assertThat(mode.getString(1)).isEqualToIgnoringCase("wal");
      }
    }
  }

  @Test
  void a_schema_1_database_is_upgraded_in_place_and_keeps_its_snapshots() throws Exception {
    try (Connection connection = raw();
        Statement statement = connection.createStatement()) {
      try (Statement wal = connection.createStatement()) {
        wal.executeQuery("PRAGMA journal_mode=WAL").close();
      }
      Migrations.upgradeTo(connection, 1);
      statement.execute(
          "INSERT INTO snapshots (id, name, source, created_millis, in_count, out_count)"
              + " VALUES ('old1', 'from schema 1', 'har:/tmp/a.har', 1000, 1, 1)");
      String pair =
          "INSERT INTO rr_pairs (snapshot_id, seq, direction, ts_nanos, duration_millis, protocol,"
              + " host, method, url, path_template, request_headers, request_body, status,"
              + " response_headers, response_body, tags, signature) VALUES ('old1', %d, '%s', %d,"
              + " 5, 'http', '%s', 'GET', 'https://%s/x', '/x', '[]', x'', 200, '[]', x'00ff',"
              + " '{}', x'00')";
      statement.execute(pair.formatted(1, "IN", 2_000_000_000L, "b.test", "b.test"));
      statement.execute(pair.formatted(2, "OUT", 1_000_000_000L, "a.test", "a.test"));
      assertThat(Migrations.version(connection)).isEqualTo(1);
    }

    SnapshotStore store = new SnapshotStore(TrafficStore.open(dir));

    Snapshot old = store.list().get(0);
    assertThat(old.name()).isEqualTo("from schema 1");
    assertThat(old.hosts()).containsExactly("a.test", "b.test");
    assertThat(old.first()).isEqualTo(Instant.ofEpochSecond(1));
    assertThat(old.last()).isEqualTo(Instant.ofEpochSecond(2));
    assertThat(
            store.pair(
                "old1", store.pairs(new PairQuery("old1", null, null, null, 0, 10)).get(0).id()))
        .hasValueSatisfying(p -> assertThat(p.pair().responseBody()).containsExactly(0, 0xff));
    try (Connection connection = raw()) {
      assertThat(Migrations.version(connection)).isEqualTo(Migrations.latest());
    }
  }

  @Test
  void a_schema_2_database_is_upgraded_in_place_and_its_snapshots_are_complete() throws Exception {
    try (Connection connection = raw();
        Statement statement = connection.createStatement()) {
      statement.executeQuery("PRAGMA journal_mode=WAL").close();
      Migrations.upgradeTo(connection, 2);
      statement.execute(
          "INSERT INTO snapshots (id, name, source, created_millis, in_count, out_count, hosts,"
              + " first_ts_nanos, last_ts_nanos) VALUES ('old2', 'from schema 2',"
              + " 'har:/tmp/b.har', 2000, 1, 0, '[\"a.test\"]', 1000000000, 1000000000)");
      statement.execute(
          "INSERT INTO rr_pairs (snapshot_id, seq, direction, ts_nanos, duration_millis, protocol,"
              + " host, method, url, path_template, request_headers, request_body, status,"
              + " response_headers, response_body, tags, signature) VALUES ('old2', 1, 'IN',"
              + " 1000000000, 5, 'http', 'a.test', 'GET', 'https://a.test/x', '/x', '[]', x'',"
              + " 200, '[]', x'2a', '{}', x'00')");
      assertThat(Migrations.version(connection)).isEqualTo(2);
    }
    java.nio.file.Path db = dir.resolve(TrafficStore.FILE_NAME);
    Object inode = java.nio.file.Files.getAttribute(db, "unix:ino");

    SnapshotStore store = new SnapshotStore(TrafficStore.open(dir));

    assertThat(java.nio.file.Files.getAttribute(db, "unix:ino"))
        .as("the same file")
        .isEqualTo(inode);
    Snapshot old = store.find("old2").orElseThrow();
    assertThat(old.state()).isEqualTo(Snapshot.State.COMPLETE);
    assertThat(old.name()).isEqualTo("from schema 2");
    assertThat(old.inCount()).isEqualTo(1);
    assertThat(old.hosts()).containsExactly("a.test");
    assertThat(store.pairs(new PairQuery("old2", null, null, null, 0, 10)))
        .singleElement()
        .satisfies(p -> assertThat(p.pair().responseBody()).containsExactly('*'));
    try (Connection connection = raw();
        Statement statement = connection.createStatement()) {
      assertThat(Migrations.version(connection)).isEqualTo(Migrations.latest());
      assertThatThrownBy(
              () -> statement.execute("UPDATE snapshots SET state = 'HALF' WHERE id = 'old2'"))
          .as("only the three states")
          .hasMessageContaining("CHECK constraint failed");
    }
  }

  @Test
  void a_schema_3_database_has_every_pair_re_keyed_with_the_request_signature() throws Exception {
    try (Connection connection = raw();
        Statement statement = connection.createStatement()) {
      statement.executeQuery("PRAGMA journal_mode=WAL").close();
      Migrations.upgradeTo(connection, 3);
      statement.execute(
          "INSERT INTO snapshots (id, name, source, created_millis, in_count, out_count)"
              + " VALUES ('old3', 'from schema 3', 'har:/tmp/c.har', 3000, 5, 0)");
      try (PreparedStatement insert =
          connection.prepareStatement(
              "INSERT INTO rr_pairs (id, snapshot_id, seq, direction, ts_nanos, duration_millis,"
                  + " protocol, host, method, url, path_template, request_headers, request_body,"
                  + " status, response_headers, response_body, tags, signature) VALUES (?, 'old3',"
                  + " ?, 'IN', 0, 5, 'http', 'shop.test', ?, ?, '/x', ?, ?, 200, '[]', x'', '{}',"
                  + " ?)")) {
        String json = "[[\"Content-Type\",\"application/json\"]]";
        oldRow(
            insert, 1, "POST", "https://shop.test/orders", json, "{\"id\":7,\"items\":[1,2]}", 32);
        oldRow(
            insert,
            2,
            "POST",
            "https://shop.test/orders",
            json,
            "{ \"items\": [1, 2], \"id\": 7 }",
            16);
        oldRow(
            insert, 3, "POST", "https://shop.test/orders", json, "{\"id\":8,\"items\":[1,2]}", 16);
        oldRow(insert, 4, "GET", "https://shop.test/items?a=1&b=2", "[]", "", 32);
        oldRow(insert, 5, "GET", "https://shop.test/items?b=2&a=1", "[]", "", 16);
      }
    }

    SnapshotStore store = new SnapshotStore(TrafficStore.open(dir));

    Map<Long, RequestSignature> signatures = new HashMap<>();
    try (Connection connection = raw();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT id, signature FROM rr_pairs")) {
      while (rows.next()) {
        byte[] stored = rows.getBytes(2);
        assertThat(stored).hasSize(RequestSignature.BYTES);
        signatures.put(rows.getLong(1), RequestSignature.fromBytes(stored));
      }
      assertThat(Migrations.version(connection)).isEqualTo(Migrations.latest());
    }
    assertThat(signatures).hasSize(5);
    for (long id = 1; id <= 5; id++) {
      assertThat(signatures.get(id))
          .as("pair %d carries the signature of its request", id)
          .isEqualTo(RequestSignature.of(store.pair("old3", id).orElseThrow().pair()));
    }
    assertThat(signatures.get(2L)).as("only JSON key order differs").isEqualTo(signatures.get(1L));
    assertThat(signatures.get(3L)).as("a JSON value differs").isNotEqualTo(signatures.get(1L));
    assertThat(signatures.get(5L)).as("only query order differs").isEqualTo(signatures.get(4L));
  }

  /** A row as older versions wrote it, with a raw hash of {@code hashLength} bytes. */
  private static void oldRow(
      PreparedStatement insert,
      long id,
      String method,
      String url,
      String headers,
      String body,
      int hashLength)
      throws Exception {
    byte[] raw = (method + "\nshop.test\n" + url + "\n" + body).getBytes(StandardCharsets.UTF_8);
    byte[] sha256 = MessageDigest.getInstance("SHA-256").digest(raw);
    insert.setLong(1, id);
    insert.setLong(2, id);
    insert.setString(3, method);
    insert.setString(4, url);
    insert.setString(5, headers);
    insert.setBytes(6, body.getBytes(StandardCharsets.UTF_8));
    insert.setBytes(7, java.util.Arrays.copyOf(sha256, hashLength));
    insert.executeUpdate();
  }

  @Test
  void a_database_written_by_a_newer_kubereplay_is_refused() throws Exception {
    TrafficStore.open(dir);
    try (Connection connection = raw();
        Statement statement = connection.createStatement()) {
      statement.execute("INSERT INTO schema_version (version, applied_millis) VALUES (99, 0)");
    }

    assertThatThrownBy(() -> TrafficStore.open(dir))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("schema version 99")
        .hasMessageContaining("newer kubereplay");
  }

  @Test
  void scripts_split_into_statements_without_comments() {
    assertThat(
            Migrations.statements("-- a comment\nCREATE TABLE a (x);\n\nUPDATE a\n  SET x = 1;\n"))
        .isEqualTo(List.of("CREATE TABLE a (x);", "UPDATE a\n  SET x = 1;"));
  }
}
