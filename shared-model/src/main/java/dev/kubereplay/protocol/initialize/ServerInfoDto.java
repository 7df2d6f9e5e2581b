package dev.kubereplay.protocol.initialize;

/**
 * The server.
 *
 * @param name always {@code "kubereplay"}
 * @param version the server's version, e.g. {@code "0.1.0"}
 * @param protocolVersion the protocol revision; it grows when methods are added
 */
public record ServerInfoDto(String name, String version, int protocolVersion) {}
