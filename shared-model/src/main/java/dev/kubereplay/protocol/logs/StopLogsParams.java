package dev.kubereplay.protocol.logs;

/** Parameters of {@code logs/stop}. */
public record StopLogsParams(String followId) {}
