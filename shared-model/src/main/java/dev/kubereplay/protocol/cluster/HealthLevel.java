package dev.kubereplay.protocol.cluster;

/** The sidecar health of a workload; travels as its name. */
public enum HealthLevel {
  /** Nothing wrong, or nothing to judge (not injected). */
  OK,
  /** Something needs a look: sidecar not ready yet, restarting. */
  CAUTION,
  /** Broken: injected but the sidecar is missing, or the workload's pods are failing. */
  ALERT
}
