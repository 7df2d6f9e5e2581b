package dev.kubereplay.protocol.traffic;

import dev.kubereplay.protocol.Nullable;

/**
 * Parameters of {@code traffic/reclassify}: the pairs of a host, or of one of its endpoints, become
 * {@code direction}.
 *
 * @param host as listed by {@code traffic/listEndpoints}, with its port when not the default
 * @param method an endpoint's method ({@code GET}); absent for every method. Only with a path
 * @param pathTemplate an endpoint's path template as listed ({@code /orders/{id}}); absent for the
 *     whole host
 */
public record ReclassifyParams(
    String snapshotId,
    String host,
    @Nullable String method,
    @Nullable String pathTemplate,
    PairDirection direction) {

  /** Every pair of the host. */
  public ReclassifyParams(String snapshotId, String host, PairDirection direction) {
    this(snapshotId, host, null, null, direction);
  }
}
