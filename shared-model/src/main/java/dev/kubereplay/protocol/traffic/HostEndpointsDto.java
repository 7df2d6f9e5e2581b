package dev.kubereplay.protocol.traffic;

import java.util.List;

/** A host of a snapshot with its endpoints, sorted by method and path. */
public record HostEndpointsDto(
    String host, long inCount, long outCount, List<EndpointDto> endpoints) {}
