package dev.kubereplay.server.cluster.live;

/** A view of a namespace that a client shows and that is kept live while it does. */
public enum LiveView {
  WORKLOADS,
  SECRETS,
  SERVICES,
  EVENTS,
  REPLAYS
}
