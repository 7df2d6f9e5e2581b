package dev.kubereplay.server.traffic.store;

import dev.kubereplay.server.traffic.PairQuery;
import java.util.ArrayList;
import java.util.List;

/** The SQL condition a {@link PairQuery} selects pairs by. */
final class PairQueries {

  private PairQueries() {}

  /** Appends the condition to {@code sql}; answers the values of its parameters, in order. */
  static List<Object> where(PairQuery query, StringBuilder sql) {
    List<Object> arguments = new ArrayList<>();
    sql.append("snapshot_id = ?");
    arguments.add(query.snapshotId());
    if (query.host() != null) {
      sql.append(" AND host = ?");
      arguments.add(query.host());
    }
    if (query.method() != null) {
      sql.append(" AND method = ?");
      arguments.add(query.method());
    }
    if (query.pathTemplate() != null) {
      sql.append(" AND path_template = ?");
      arguments.add(query.pathTemplate());
    }
    return arguments;
  }
}
