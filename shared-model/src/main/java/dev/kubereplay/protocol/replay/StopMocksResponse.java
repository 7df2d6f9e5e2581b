package dev.kubereplay.protocol.replay;

/** Answer of {@code replay/stopMocks}: whether mocks of that id were running and are stopped. */
public record StopMocksResponse(boolean stopped) {}
