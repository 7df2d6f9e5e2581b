package dev.kubereplay.protocol.replay;

/** Answer of {@code replay/startMocks}: the mocks, listening. */
public record StartMocksResponse(MocksDto mocks) {}
