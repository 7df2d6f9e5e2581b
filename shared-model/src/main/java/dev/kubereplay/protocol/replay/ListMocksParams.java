package dev.kubereplay.protocol.replay;

/** Parameters of {@code replay/listMocks}: none yet. */
public record ListMocksParams() {}
