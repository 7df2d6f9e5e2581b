package dev.kubereplay.server.cluster.views;

/**
 * One key of the operator's configuration.
 *
 * @param value the value in the operator's ConfigMap, or null
 * @param override the value in the deprecated overrides ConfigMap, or null
 * @param effective the value the operator uses: the override when there is one
 */
public record ConfigEntry(String key, String value, String override, String effective) {}
