package dev.kubereplay.protocol.replay;

import dev.kubereplay.protocol.Nullable;
import java.time.Instant;
import java.util.List;

/**
 * One request the mocks answered.
 *
 * @param time when it came
 * @param method its method
 * @param url the URL it was meant for, {@code scheme://host[:port]/path[?query]}
 * @param pairId the recorded pair it was answered with; null for a miss
 * @param status the status answered
 * @param nearest for a miss, the closest recorded calls, closest first; empty for a hit
 */
public record MatchDto(
    Instant time,
    String method,
    String url,
    @Nullable Long pairId,
    int status,
    List<NearMissDto> nearest) {}
