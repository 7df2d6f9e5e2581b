package dev.kubereplay.protocol.traffic;

import java.util.List;

/** Answer to {@code traffic/listEndpoints}: the snapshot, and its hosts sorted by name. */
public record ListEndpointsResponse(SnapshotDto snapshot, List<HostEndpointsDto> hosts) {}
