package dev.kubereplay.protocol.cluster;

/**
 * A view of a namespace that an IDE shows and the server keeps live; travels as its name. The
 * operator configuration is read on request only.
 */
public enum ClusterView {
  WORKLOADS,
  SECRETS,
  SERVICES,
  EVENTS,
  REPLAYS
}
