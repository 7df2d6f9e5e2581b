package dev.kubereplay.protocol.cluster;

/**
 * A workload's state as the API server returned it after a change.
 *
 * @param workload the workload after the patch
 */
public record WorkloadResponse(WorkloadDto workload) {}
