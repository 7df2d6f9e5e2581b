/**
 * What a replay run found: per endpoint counts and latency percentiles (HdrHistogram), errors by
 * kind, failing requests with their mismatches, and goals ({@code p95<300ms}, {@code success>=99%})
 * that pass or fail the run.
 */
package dev.kubereplay.server.replay.report;
