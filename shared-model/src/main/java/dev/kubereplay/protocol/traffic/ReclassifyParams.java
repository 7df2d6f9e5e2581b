package dev.kubereplay.protocol.traffic;

/**
 * Parameters of {@code traffic/reclassify}: every pair of a host becomes {@code direction}.
 *
 * @param host as listed by {@code traffic/listEndpoints}, with its port when not the default
 */
public record ReclassifyParams(String snapshotId, String host, PairDirection direction) {}
