package dev.kubereplay.server.traffic.store;

import dev.kubereplay.server.traffic.model.Direction;
import dev.kubereplay.server.traffic.model.Endpoint;
import dev.kubereplay.server.traffic.model.LatencyHistogram;
import java.util.Arrays;

/** Counts and latency percentiles of one endpoint, from its durations in ascending order. */
final class EndpointStats {

  private final String host;
  private final String method;
  private final String template;
  private long in;
  private long out;
  private long[] durations = new long[16];
  private int known;

  EndpointStats(String host, String method, String template) {
    this.host = host;
    this.method = method;
    this.template = template;
  }

  boolean is(String host, String method, String template) {
    return this.host.equals(host) && this.method.equals(method) && this.template.equals(template);
  }

  void add(Direction direction, long durationMillis) {
    if (direction == Direction.IN) {
      in++;
    } else {
      out++;
    }
    if (durationMillis >= 0) {
      if (known == durations.length) {
        durations = Arrays.copyOf(durations, known * 2);
      }
      durations[known++] = durationMillis;
    }
  }

  Endpoint endpoint() {
    return new Endpoint(
        host,
        method,
        template,
        in,
        out,
        percentile(50),
        percentile(95),
        known == 0 ? -1 : durations[known - 1],
        LatencyHistogram.of(durations, known));
  }

  /** Nearest-rank percentile of the durations (added in ascending order). */
  private long percentile(int p) {
    if (known == 0) {
      return -1;
    }
    int rank = (int) Math.ceil(p / 100.0 * known);
    return durations[Math.max(0, rank - 1)];
  }
}
