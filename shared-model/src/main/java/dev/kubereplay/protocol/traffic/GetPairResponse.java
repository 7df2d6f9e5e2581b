package dev.kubereplay.protocol.traffic;

/** Answer to {@code traffic/getPair}. */
public record GetPairResponse(PairDto pair) {}
