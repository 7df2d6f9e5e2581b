package dev.kubereplay.protocol.cluster;

import java.util.List;

/** Answer to {@code cluster/listServices}, sorted by name. */
public record ListServicesResponse(List<ServiceDto> services, FreshnessDto freshness) {}
