package dev.kubereplay.server.traffic.model;

/** Which way a recorded exchange went, seen from the workload. */
public enum Direction {
  /** A request the workload received: replayed by the generator as a test. */
  IN,
  /** A call the workload made to a dependency: served by the responder as a mock. */
  OUT
}
