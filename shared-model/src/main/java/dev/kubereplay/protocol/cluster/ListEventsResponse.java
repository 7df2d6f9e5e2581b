package dev.kubereplay.protocol.cluster;

import java.util.List;

/** Answer to {@code cluster/listEvents}: warnings first, then newest first. */
public record ListEventsResponse(List<EventDto> events, FreshnessDto freshness) {}
