package dev.kubereplay.protocol.cluster;

import java.util.List;

/**
 * Answer to {@code cluster/listReplays}: active ones first, then newest first.
 *
 * @param replays the TrafficReplay resources
 * @param crdInstalled false when the cluster has no {@code trafficreplays.kubereplay.dev} CRD (so
 *     there can be no replays)
 */
public record ListReplaysResponse(
    List<ReplayDto> replays, boolean crdInstalled, FreshnessDto freshness) {}
