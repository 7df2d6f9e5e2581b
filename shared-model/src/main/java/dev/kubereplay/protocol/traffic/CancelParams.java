package dev.kubereplay.protocol.traffic;

/** Parameters of {@code traffic/cancel}. */
public record CancelParams(String operationId) {}
