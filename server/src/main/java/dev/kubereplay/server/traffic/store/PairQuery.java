package dev.kubereplay.server.traffic.store;

import java.util.ArrayList;
import java.util.List;

/**
 * Which pairs of a snapshot to page through.
 *
 * @param host only pairs to this host, or null
 * @param method only pairs of this method (with {@code pathTemplate}), or null
 * @param pathTemplate only pairs of this endpoint, or null
 */
public record PairQuery(
    String snapshotId, String host, String method, String pathTemplate, long offset, int limit) {

  List<Object> where(StringBuilder sql) {
    List<Object> arguments = new ArrayList<>();
    sql.append("snapshot_id = ?");
    arguments.add(snapshotId);
    if (host != null) {
      sql.append(" AND host = ?");
      arguments.add(host);
    }
    if (method != null) {
      sql.append(" AND method = ?");
      arguments.add(method);
    }
    if (pathTemplate != null) {
      sql.append(" AND path_template = ?");
      arguments.add(pathTemplate);
    }
    return arguments;
  }
}
