package dev.kubereplay.protocol.traffic;

/** One header line; a message keeps them in order, repeated names included. */
public record HeaderDto(String name, String value) {}
