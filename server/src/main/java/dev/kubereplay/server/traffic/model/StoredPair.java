package dev.kubereplay.server.traffic.model;

/**
 * A pair as stored in a snapshot.
 *
 * @param id the pair's id in the store
 * @param snapshotId the snapshot it belongs to
 * @param pathTemplate the URL path with ids replaced, e.g. {@code /users/{id}}
 * @param pair the pair itself
 */
public record StoredPair(long id, String snapshotId, String pathTemplate, RRPair pair) {}
