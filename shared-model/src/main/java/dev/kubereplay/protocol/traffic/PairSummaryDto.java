package dev.kubereplay.protocol.traffic;

import java.time.Instant;

/**
 * A pair as a list shows it.
 *
 * @param pairId the pair's id, for {@code traffic/getPair}
 * @param durationMillis -1 when unknown
 * @param status 0 when no response was recorded
 * @param requestBytes the request body's size
 * @param responseBytes the response body's size
 */
public record PairSummaryDto(
    long pairId,
    PairDirection direction,
    Instant timestamp,
    long durationMillis,
    String host,
    String method,
    String url,
    String pathTemplate,
    int status,
    long requestBytes,
    long responseBytes) {}
