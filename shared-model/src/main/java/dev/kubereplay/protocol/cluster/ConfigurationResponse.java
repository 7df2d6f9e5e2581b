package dev.kubereplay.protocol.cluster;

import java.util.List;

/**
 * Answer to {@code cluster/getConfiguration}.
 *
 * @param namespace the operator's namespace that was read
 * @param found whether the {@code kubereplay-operator} ConfigMap exists
 * @param overridesFound whether the deprecated overrides ConfigMap exists
 * @param entries every key of either ConfigMap, sorted by key
 */
public record ConfigurationResponse(
    String namespace,
    boolean found,
    boolean overridesFound,
    List<ConfigEntryDto> entries,
    FreshnessDto freshness) {}
