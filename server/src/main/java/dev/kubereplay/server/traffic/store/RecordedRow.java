package dev.kubereplay.server.traffic.store;

import dev.kubereplay.server.traffic.model.RRPair;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;

/**
 * A recorded pair, already redacted, numbered for its {@code rr_pairs} row: what a {@link
 * LiveSnapshot} queues between the proxy and its writer thread, which derives and binds the rest of
 * the row ({@link PairInsert}).
 */
record RecordedRow(long seq, RRPair pair) {

  /** Roughly what the row holds in memory, for bounding the queue. */
  long bytes() {
    return pair.requestBody().length + pair.responseBody().length + 512L;
  }

  static void setNullable(PreparedStatement statement, int index, Long value) throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.INTEGER);
    } else {
      statement.setLong(index, value);
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
