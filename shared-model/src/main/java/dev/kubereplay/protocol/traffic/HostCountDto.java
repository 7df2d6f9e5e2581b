package dev.kubereplay.protocol.traffic;

/** Pairs to one host, by direction. */
public record HostCountDto(String host, long inCount, long outCount) {}
