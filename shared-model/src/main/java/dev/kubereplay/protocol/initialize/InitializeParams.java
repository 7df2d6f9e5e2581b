package dev.kubereplay.protocol.initialize;

import dev.kubereplay.protocol.Nullable;

/**
 * Parameters of {@code initialize}.
 *
 * @param clientInfo which IDE integration is calling
 * @param capabilities what the client can handle
 * @param protocolVersion the protocol version the client speaks, {@code major.minor} ({@link
 *     ProtocolVersion}); absent from clients older than the field, which spoke {@code 1.x}
 */
public record InitializeParams(
    ClientInfoDto clientInfo,
    ClientCapabilitiesDto capabilities,
    @Nullable String protocolVersion) {

  /** The parameters of a client of this build: it speaks {@link ProtocolVersion#CURRENT}. */
  public InitializeParams(ClientInfoDto clientInfo, ClientCapabilitiesDto capabilities) {
    this(clientInfo, capabilities, ProtocolVersion.CURRENT.toString());
  }
}
