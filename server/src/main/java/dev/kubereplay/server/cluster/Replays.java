package dev.kubereplay.server.cluster;

import dev.kubereplay.server.cluster.live.ClusterReader.Result;
import dev.kubereplay.server.cluster.views.ReplayRow;

/**
 * The TrafficReplays of a namespace.
 *
 * @param replays active ones first, then newest first; none when the CRD is not installed
 * @param crdInstalled whether the cluster knows the TrafficReplay resource at all
 */
public record Replays(Result<ReplayRow> replays, boolean crdInstalled) {}
