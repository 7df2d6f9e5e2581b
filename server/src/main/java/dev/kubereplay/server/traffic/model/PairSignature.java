package dev.kubereplay.server.traffic.model;

/**
 * A stored pair's id and the signature of its request: what a responder keeps in memory to find the
 * recorded answers to a request, reading a pair itself only when it answers.
 *
 * @param pairId the pair's id in the store
 * @param signature the signature of its request, as stored
 */
public record PairSignature(long pairId, RequestSignature signature) {}
