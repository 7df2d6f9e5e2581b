package dev.kubereplay.protocol.cluster;

import java.util.List;

/**
 * Answer to {@code cluster/listWorkloads}.
 *
 * @param workloads sorted by kind then name
 */
public record ListWorkloadsResponse(List<WorkloadDto> workloads, FreshnessDto freshness) {}
