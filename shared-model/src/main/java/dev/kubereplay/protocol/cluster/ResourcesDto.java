package dev.kubereplay.protocol.cluster;

/**
 * Requested resources, summed over containers.
 *
 * @param cpuMillis CPU in millicores
 * @param memoryBytes memory in bytes
 */
public record ResourcesDto(long cpuMillis, long memoryBytes) {}
