package dev.kubereplay.protocol.traffic;

import dev.kubereplay.protocol.Nullable;

/**
 * One endpoint of a host: method and path template, e.g. {@code GET /users/{id}}.
 *
 * @param method the HTTP method
 * @param pathTemplate the path with ids replaced by {@code {id}}, {@code {uuid}}, {@code {hash}}
 * @param inCount pairs received by the workload
 * @param outCount pairs sent by the workload
 * @param medianMillis the median duration, absent when none was recorded
 * @param p95Millis the 95th percentile duration, absent when none was recorded
 * @param maxMillis the longest duration, absent when none was recorded
 * @param latency how the durations spread, absent when none was recorded
 */
public record EndpointDto(
    String method,
    String pathTemplate,
    long inCount,
    long outCount,
    @Nullable Long medianMillis,
    @Nullable Long p95Millis,
    @Nullable Long maxMillis,
    @Nullable LatencyHistogramDto latency) {

  /** An endpoint without its latency histogram. */
  public EndpointDto(
      String method,
      String pathTemplate,
      long inCount,
      long outCount,
      @Nullable Long medianMillis,
      @Nullable Long p95Millis,
      @Nullable Long maxMillis) {
    this(method, pathTemplate, inCount, outCount, medianMillis, p95Millis, maxMillis, null);
  }
}
