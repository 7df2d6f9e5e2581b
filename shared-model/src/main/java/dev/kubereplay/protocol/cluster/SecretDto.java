package dev.kubereplay.protocol.cluster;

import java.util.List;

/**
 * A Secret by name and keys. Values never leave the server.
 *
 * @param name its name
 * @param type e.g. {@code Opaque}, {@code kubernetes.io/tls}
 * @param keys the keys of its data, sorted
 */
public record SecretDto(String name, String type, List<String> keys) {}
