package dev.kubereplay.server.traffic.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubereplay.server.traffic.model.Direction;
import dev.kubereplay.server.traffic.model.Header;
import dev.kubereplay.server.traffic.model.RRPair;
import dev.kubereplay.server.traffic.model.Snapshot;
import dev.kubereplay.server.traffic.model.StoredPair;
import dev.kubereplay.server.traffic.redact.RedactionRules;
import dev.kubereplay.server.traffic.redact.Redactor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotImportTest {

  @TempDir Path dir;

  private static RRPair pair(int n) {
    return new RRPair(
        null,
        Direction.IN,
        Instant.ofEpochSecond(1_700_000_000L + n, 125_000_000),
        n,
        "http",
        "a.test",
        "POST",
        "https://a.test/items/" + n + "?page=2",
        "HTTP/1.1",
        List.of(
            new Header("Content-Type", "application/json"),
            new Header("Authorization", "Bearer secret-" + n),
            new Header("X-Note", "caf\u00e9 \"quoted\"\n")),
        ("{\"n\":" + n + ",\"password\":\"p\"}").getBytes(StandardCharsets.UTF_8),
        null,
        201,
        "Created",
        List.of(new Header("Content-Type", "application/json")),
        new byte[] {0, (byte) 0xff, '{'},
        null,
        Map.of("page", "p" + n));
  }

  private Connection raw() throws Exception {
    return DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(TrafficStore.FILE_NAME));
  }

  @Test
  void rows_hold_redacted_pairs_text_headers_and_16_byte_signatures_and_read_back()
      throws Exception {
    SnapshotStore snapshots = new SnapshotStore(TrafficStore.open(dir));
    SnapshotImport sink =
        snapshots.begin("t", "test", new Redactor(RedactionRules.defaults()), (a, b, c) -> {});
    int count = 3 * SnapshotImport.BATCH + 7;
    for (int n = 0; n < count; n++) {
      sink.accept(pair(n));
    }
    Snapshot snapshot = sink.commit();

    assertThat(snapshot.pairCount()).isEqualTo(count);
    try (Connection connection = raw();
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT count(*), min(typeof(request_headers)), max(typeof(request_headers)),"
                    + " min(typeof(response_headers)), min(length(signature)),"
                    + " max(length(signature)), count(DISTINCT signature) FROM rr_pairs")) {
      rows.next();
      assertThat(rows.getInt(1)).isEqualTo(count);
      assertThat(rows.getString(2)).isEqualTo("text");
      assertThat(rows.getString(3)).isEqualTo("text");
      assertThat(rows.getString(4)).isEqualTo("text");
      assertThat(rows.getInt(5)).isEqualTo(16);
      assertThat(rows.getInt(6)).isEqualTo(16);
      assertThat(rows.getInt(7)).isEqualTo(count);
    }
    List<StoredPair> stored = new ArrayList<>();
    snapshots.forEachPair(snapshot.id(), stored::add);
    RRPair first = stored.get(0).pair();
    assertThat(stored).hasSize(count);
    assertThat(stored.get(0).pathTemplate()).isEqualTo("/items/{id}");
    assertThat(first.requestHeaders())
        .containsExactly(
            new Header("Content-Type", "application/json"),
            new Header("Authorization", RedactionRules.REDACTED),
            new Header("X-Note", "caf\u00e9 \"quoted\"\n"));
    assertThat(new String(first.requestBody(), StandardCharsets.UTF_8))
        .isEqualTo("{\"n\":0,\"password\":\"-REDACTED-\"}");
    assertThat(first.responseBody()).containsExactly(0, 0xff, '{');
    assertThat(first.timestamp()).isEqualTo(Instant.ofEpochSecond(1_700_000_000L, 125_000_000));
    assertThat(first.tags()).containsEntry("page", "p0");
    assertThat(stored.get(count - 1).pair().url()).endsWith("/items/" + (count - 1) + "?page=2");
  }

  @Test
  void an_aborted_import_leaves_nothing_even_after_batches_were_written() throws Exception {
    SnapshotStore snapshots = new SnapshotStore(TrafficStore.open(dir));
    SnapshotImport sink =
        snapshots.begin("t", "test", new Redactor(RedactionRules.defaults()), (a, b, c) -> {});
    for (int n = 0; n < 5 * SnapshotImport.BATCH; n++) {
      sink.accept(pair(n));
    }
    sink.abort();

    assertThat(snapshots.list()).isEmpty();
    try (Connection connection = raw();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT count(*) FROM rr_pairs")) {
      rows.next();
      assertThat(rows.getInt(1)).isZero();
    }
  }
}
