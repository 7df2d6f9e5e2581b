package dev.kubereplay.protocol.cluster;

/** Parameters of {@code cluster/listContexts}: none yet; a record so fields can be added. */
public record ListContextsParams() {}
