package dev.kubereplay.protocol.initialize;

/**
 * Parameters of {@code initialize}.
 *
 * @param clientInfo which IDE integration is calling
 * @param capabilities what the client can handle
 */
public record InitializeParams(ClientInfoDto clientInfo, ClientCapabilitiesDto capabilities) {}
