package dev.kubereplay.server.cluster;

import dev.kubereplay.server.cluster.live.ClusterReader.Result;
import dev.kubereplay.server.cluster.views.ConfigEntry;

/**
 * The operator's configuration as read from its namespace.
 *
 * @param namespace the operator's namespace that was read
 * @param found whether the operator's ConfigMap exists
 * @param overridesFound whether the deprecated overrides ConfigMap exists
 * @param entries every key of either ConfigMap, sorted by key, and how current they are
 */
public record Configuration(
    String namespace, boolean found, boolean overridesFound, Result<ConfigEntry> entries) {}
