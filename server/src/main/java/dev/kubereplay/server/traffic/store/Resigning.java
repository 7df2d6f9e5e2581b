package dev.kubereplay.server.traffic.store;

import dev.kubereplay.server.traffic.model.RequestSigner;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Logger;

/**
 * The code step of schema 4: gives every stored pair the {@link
 * dev.kubereplay.server.traffic.model.RequestSignature} of its request, in place of the raw hashes
 * that older versions stored. Reads a chunk of rows at a time (one body in memory at a time), then
 * updates it, inside the migration's transaction.
 */
final class Resigning {

  private static final Logger LOG = Logger.getLogger(Resigning.class.getName());
  private static final int CHUNK = 200;

  private Resigning() {}

  static void resignAll(Connection connection) throws SQLException {
    long total;
    try (Statement statement = connection.createStatement();
        ResultSet count = statement.executeQuery("SELECT count(*) FROM rr_pairs")) {
      total = count.next() ? count.getLong(1) : 0;
    }
    if (total == 0) {
      return;
    }
    LOG.info("re-keying the request signatures of " + total + " stored pairs");
    RequestSigner signer = new RequestSigner();
    long[] ids = new long[CHUNK];
    byte[][] signatures = new byte[CHUNK][];
    long after = Long.MIN_VALUE;
    try (PreparedStatement read =
            connection.prepareStatement(
                "SELECT id, method, host, url, request_headers, request_body,"
                    + " request_body_encoding FROM rr_pairs WHERE id > ? ORDER BY id LIMIT "
                    + CHUNK);
        PreparedStatement update =
            connection.prepareStatement("UPDATE rr_pairs SET signature = ? WHERE id = ?")) {
      while (true) {
        int n = 0;
        read.setLong(1, after);
        try (ResultSet rows = read.executeQuery()) {
          while (rows.next()) {
            ids[n] = rows.getLong(1);
            byte[] body = rows.getBytes(6);
            signatures[n] =
                signer
                    .sign(
                        rows.getString(2),
                        rows.getString(3),
                        rows.getString(4),
                        PairRows.headers(rows.getString(5)),
                        body == null ? new byte[0] : body,
                        rows.getString(7))
                    .bytes();
            n++;
          }
        }
        if (n == 0) {
          return;
        }
        for (int i = 0; i < n; i++) {
          update.setBytes(1, signatures[i]);
          update.setLong(2, ids[i]);
          update.addBatch();
        }
        update.executeBatch();
        after = ids[n - 1];
      }
    }
  }
}
