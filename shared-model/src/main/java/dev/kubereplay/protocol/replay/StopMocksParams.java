package dev.kubereplay.protocol.replay;

/** Parameters of {@code replay/stopMocks}: the mocks' id. */
public record StopMocksParams(String id) {}
