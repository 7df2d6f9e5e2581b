package dev.kubereplay.protocol.initialize;

/**
 * The calling client.
 *
 * @param name e.g. {@code "kubereplay-vscode"}, {@code "kubereplay-intellij"}
 * @param version the client's own version
 */
public record ClientInfoDto(String name, String version) {}
