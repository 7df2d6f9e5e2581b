package dev.kubereplay.server.cluster.views;

import java.util.List;

/**
 * A Secret as kubereplay shows it: its name, type and key names, never a value.
 *
 * @param keys the key names, sorted
 */
public record SecretRow(String name, String type, List<String> keys) {}
