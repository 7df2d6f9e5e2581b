package dev.kubereplay.server.traffic.store;

import dev.kubereplay.server.traffic.model.PathTemplates;
import dev.kubereplay.server.traffic.model.RRPair;
import dev.kubereplay.server.traffic.model.RequestSigner;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;

/**
 * Inserts redacted pairs into {@code rr_pairs}: the statement and how a pair fills it, deriving
 * what a row holds besides the pair (path template, header JSON, tags, {@link
 * dev.kubereplay.server.traffic.model.RequestSignature}). Header JSON is bound as UTF-8 bytes and
 * cast to TEXT by SQLite: the column holds the same text as when it was bound as a String, without
 * the String. One per writer thread: it reuses its buffers.
 */
final class PairInsert {

  static final String SQL =
      "INSERT INTO rr_pairs (snapshot_id, seq, uuid, direction, ts_nanos, duration_millis,"
          + " protocol, host, method, url, path_template, http_version, request_headers,"
          + " request_body, request_body_encoding, status, status_message, response_headers,"
          + " response_body, response_body_encoding, tags, signature)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS TEXT), ?, ?, ?, ?,"
          + " CAST(? AS TEXT), ?, ?, ?, ?)";

  private final PairRows.JsonBytes json = new PairRows.JsonBytes();
  private final RequestSigner signer = new RequestSigner();

  /** Binds one row of snapshot {@code snapshotId}; the caller adds it to its batch. */
  void bind(PreparedStatement insert, String snapshotId, long seq, RRPair pair)
      throws SQLException {
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
    insert.setBytes(22, signer.sign(pair).bytes());
  }

  static void setNullable(PreparedStatement statement, int index, String value)
      throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.VARCHAR);
    } else {
      statement.setString(index, value);
    }
  }
}
