package dev.kubereplay.server.traffic;

import dev.kubereplay.server.http.Urls;
import dev.kubereplay.server.traffic.model.Direction;
import dev.kubereplay.server.traffic.model.Header;
import dev.kubereplay.server.traffic.model.RRPair;
import dev.kubereplay.server.traffic.redact.RedactionRules;
import dev.kubereplay.server.traffic.store.TrafficStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What the traffic tests share: a service over a temporary data directory, pairs, row counts. */
public final class TrafficTesting {

  private TrafficTesting() {}

  public static TrafficService service(Path dataDirectory) {
    return new TrafficService(
        TrafficStore.open(dataDirectory),
        TrafficFormats.load(),
        RedactionRules.load(dataDirectory));
  }

  /**
   * Rows in a table of the database in {@code dataDirectory}, read with a connection of its own.
   */
  public static long rows(Path dataDirectory, String table) throws SQLException {
    try (Connection connection =
            DriverManager.getConnection(
                "jdbc:sqlite:" + dataDirectory.resolve(TrafficStore.FILE_NAME));
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + table)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  public static RRPair pair(String method, String url, int status, String responseBody) {
    return new RRPair(
        null,
        Direction.IN,
        Instant.parse("2026-11-25T16:00:00Z"),
        12,
        "http",
        Urls.host(url),
        method,
        url,
        "HTTP/1.1",
        List.of(new Header("Accept", "application/json")),
        new byte[0],
        null,
        status,
        "OK",
        List.of(new Header("Content-Type", "application/json")),
        responseBody.getBytes(StandardCharsets.UTF_8),
        null,
        Map.of());
  }

  /** Whether two pairs hold the same values, bodies compared byte for byte. */
  public static boolean same(RRPair a, RRPair b) {
    return java.util.Objects.equals(a.uuid(), b.uuid())
        && a.direction() == b.direction()
        && a.timestamp().equals(b.timestamp())
        && a.durationMillis() == b.durationMillis()
        && a.protocol().equals(b.protocol())
        && a.host().equals(b.host())
        && a.method().equals(b.method())
        && a.url().equals(b.url())
        && java.util.Objects.equals(a.httpVersion(), b.httpVersion())
        && a.requestHeaders().equals(b.requestHeaders())
        && java.util.Arrays.equals(a.requestBody(), b.requestBody())
        && java.util.Objects.equals(a.requestBodyEncoding(), b.requestBodyEncoding())
        && a.status() == b.status()
        && java.util.Objects.equals(a.statusMessage(), b.statusMessage())
        && a.responseHeaders().equals(b.responseHeaders())
        && java.util.Arrays.equals(a.responseBody(), b.responseBody())
        && java.util.Objects.equals(a.responseBodyEncoding(), b.responseBodyEncoding())
        && a.tags().equals(b.tags());
  }
}
