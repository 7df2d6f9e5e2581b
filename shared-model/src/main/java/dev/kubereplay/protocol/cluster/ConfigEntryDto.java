package dev.kubereplay.protocol.cluster;

import dev.kubereplay.protocol.Nullable;

/**
 * One key of the operator's configuration.
 *
 * @param key the ConfigMap key
 * @param value its value in {@code kubereplay-operator}, if set there
 * @param override its value in the deprecated {@code kubereplay-operator-overrides}, if set there
 * @param effective what the operator uses: the override when there is one
 */
public record ConfigEntryDto(
    String key, @Nullable String value, @Nullable String override, String effective) {}
