package dev.kubereplay.server.traffic.store;

import dev.kubereplay.server.traffic.PathTemplates;
import dev.kubereplay.server.traffic.RRPair;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;

/**
 * A recorded pair, already redacted, ready for its {@code rr_pairs} row: what a {@link
 * LiveSnapshot} queues between the proxy and its writer thread.
 */
record RecordedRow(
    long seq,
    RRPair pair,
    String pathTemplate,
    String requestHeaders,
    String responseHeaders,
    String tags,
    byte[] signature) {

  static final String INSERT =
      "INSERT INTO rr_pairs (snapshot_id, seq, uuid, direction, ts_nanos, duration_millis,"
          + " protocol, host, method, url, path_template, http_version, request_headers,"
          + " request_body, request_body_encoding, status, status_message, response_headers,"
          + " response_body, response_body_encoding, tags, signature)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  /** Prepares a redacted pair: the JSON and the signature are computed here, not by the writer. */
  static RecordedRow of(long seq, RRPair redacted, Murmur3 hash) {
    return new RecordedRow(
        seq,
        redacted,
        PathTemplates.of(redacted.url()),
        PairRows.headers(redacted.requestHeaders()),
        PairRows.headers(redacted.responseHeaders()),
        PairRows.tags(redacted.tags()),
        PairRows.signature(hash, redacted));
  }

  /** Roughly what the row holds in memory, for bounding the queue. */
  long bytes() {
    return pair.requestBody().length + pair.responseBody().length + 512L;
  }

  void bind(PreparedStatement insert, String snapshotId) throws SQLException {
    insert.setString(1, snapshotId);
    insert.setLong(2, seq);
    setNullable(insert, 3, pair.uuid());
    insert.setString(4, pair.direction().name());
    insert.setLong(5, PairRows.nanos(pair.timestamp()));
    insert.setLong(6, pair.durationMillis());
    insert.setString(7, pair.protocol());
    insert.setString(8, pair.host());
    insert.setString(9, pair.method());
    insert.setString(10, pair.url());
    insert.setString(11, pathTemplate);
    setNullable(insert, 12, pair.httpVersion());
    insert.setString(13, requestHeaders);
    insert.setBytes(14, pair.requestBody());
    setNullable(insert, 15, pair.requestBodyEncoding());
    insert.setInt(16, pair.status());
    setNullable(insert, 17, pair.statusMessage());
    insert.setString(18, responseHeaders);
    insert.setBytes(19, pair.responseBody());
    setNullable(insert, 20, pair.responseBodyEncoding());
    insert.setString(21, tags);
    insert.setBytes(22, signature);
  }

  static void setNullable(PreparedStatement statement, int index, Long value) throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.INTEGER);
    } else {
      statement.setLong(index, value);
    }
  }

  static void setNullable(PreparedStatement statement, int index, String value)
      throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.VARCHAR);
    } else {
      statement.setString(index, value);
    }
  }

  /** A JSON array of strings, e.g. a snapshot's hosts. */
  static String jsonArray(Iterable<String> values) {
    StringBuilder json = new StringBuilder("[");
    for (String value : values) {
      if (json.length() > 1) {
        json.append(',');
      }
      PairRows.quote(json, value);
    }
    return json.append(']').toString();
  }
}
