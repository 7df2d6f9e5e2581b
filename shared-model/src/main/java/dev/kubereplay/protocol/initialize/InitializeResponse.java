package dev.kubereplay.protocol.initialize;

import dev.kubereplay.protocol.Nullable;

/**
 * Answer to {@code initialize}.
 *
 * @param serverInfo the server's name and version
 * @param capabilities what this server offers
 * @param protocolVersion the protocol version the server speaks, {@code major.minor} ({@link
 *     ProtocolVersion}); absent from servers older than the field, which spoke {@code 1.x}. A
 *     client refuses a server of another major.
 */
public record InitializeResponse(
    ServerInfoDto serverInfo,
    ServerCapabilitiesDto capabilities,
    @Nullable String protocolVersion) {

  /** The answer of a server of this build: it speaks {@link ProtocolVersion#CURRENT}. */
  public InitializeResponse(ServerInfoDto serverInfo, ServerCapabilitiesDto capabilities) {
    this(serverInfo, capabilities, ProtocolVersion.CURRENT.toString());
  }
}
