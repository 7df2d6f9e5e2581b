package dev.kubereplay.protocol.initialize;

/**
 * Answer to {@code initialize}.
 *
 * @param serverInfo the server's name and version
 * @param capabilities what this server offers
 */
public record InitializeResponse(ServerInfoDto serverInfo, ServerCapabilitiesDto capabilities) {}
