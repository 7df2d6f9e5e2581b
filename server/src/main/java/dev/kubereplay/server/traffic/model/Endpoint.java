package dev.kubereplay.server.traffic.model;

/**
 * One endpoint of a host in a snapshot: method and path template, with counts and latencies.
 *
 * @param medianMillis the median duration, -1 when no pair recorded one
 * @param p95Millis the 95th percentile duration, -1 when unknown
 * @param maxMillis the longest duration, -1 when unknown
 * @param latency how the durations spread, null when no pair recorded one
 */
public record Endpoint(
    String host,
    String method,
    String pathTemplate,
    long inCount,
    long outCount,
    long medianMillis,
    long p95Millis,
    long maxMillis,
    LatencyHistogram latency) {}
