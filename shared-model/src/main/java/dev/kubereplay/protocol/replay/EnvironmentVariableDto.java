package dev.kubereplay.protocol.replay;

/** One environment variable: a name and its value. */
public record EnvironmentVariableDto(String name, String value) {}
