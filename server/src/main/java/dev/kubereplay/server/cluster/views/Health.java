package dev.kubereplay.server.cluster.views;

/** How a workload's injected sidecar is doing, from best to worst. */
public enum Health {
  /** Nothing wrong, or nothing to judge (not injected). */
  OK,
  /** Something needs a look: sidecar not ready yet, restarting. */
  CAUTION,
  /** Broken: injected but the sidecar is missing, or the workload's pods are failing. */
  ALERT
}
