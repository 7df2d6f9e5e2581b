package dev.kubereplay.protocol.initialize;

/**
 * The server.
 *
 * @param name always {@code "kubereplay"}
 * @param version the server's version, e.g. {@code "0.1.0"}
 * @param protocolVersion the count of additions to the protocol, kept for clients older than {@link
 *     InitializeResponse#protocolVersion()}: the minor of that version
 */
public record ServerInfoDto(String name, String version, int protocolVersion) {}
