package dev.kubereplay.protocol.traffic;

/** Parameters of {@code traffic/getPair}. */
public record GetPairParams(String snapshotId, long pairId) {}
