package dev.kubereplay.protocol.traffic;

/** Which way a recorded exchange went, seen from the workload. */
public enum PairDirection {
  /** A request the workload received: replayed as a test. */
  IN,
  /** A call the workload made to a dependency: served as a mock. */
  OUT
}
