package dev.kubereplay.server.cluster.views;

/**
 * Summed resource requests of some containers; 0 where none is set.
 *
 * @param cpuMillis CPU in millicores
 * @param memoryBytes memory in bytes
 */
public record Requests(long cpuMillis, long memoryBytes) {}
