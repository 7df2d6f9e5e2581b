package dev.kubereplay.protocol.cluster;

import dev.kubereplay.protocol.Nullable;
import java.time.Instant;

/**
 * How current a view's data is. While the API server cannot be reached, the last known state is
 * answered and marked stale; it turns fresh again on its own when the connection is back.
 *
 * @param stale whether the data may be out of date
 * @param since when the data went stale
 * @param reason why, e.g. {@code "API server https://10.0.0.1:6443 unreachable: connection
 *     refused"}
 */
public record FreshnessDto(boolean stale, @Nullable Instant since, @Nullable String reason) {}
