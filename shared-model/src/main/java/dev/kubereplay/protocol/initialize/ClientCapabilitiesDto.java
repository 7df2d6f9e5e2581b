package dev.kubereplay.protocol.initialize;

import java.util.List;

/**
 * What the client handles. New flags are added, never reshaped.
 *
 * @param notifications the server-to-client notifications the client handles, by method name (e.g.
 *     {@code "cluster/didChange"}); the server sends no others
 */
public record ClientCapabilitiesDto(List<String> notifications) {}
