package dev.kubereplay.server.traffic;

import dev.kubereplay.server.KubeReplayException;

/** A request about stored traffic that cannot be answered; the message says why, in one line. */
public final class TrafficException extends KubeReplayException {

  private static final long serialVersionUID = 1L;

  /** Why. */
  public enum Reason {
    SNAPSHOT_NOT_FOUND,
    PAIR_NOT_FOUND,
    INVALID,
    EXPORT_FAILED,
    /** No running or recently stopped recording has that id. */
    RECORDING_NOT_FOUND,
    /** A recording's listen address is taken. */
    ADDRESS_IN_USE,
    /** The snapshot is being recorded: it cannot be deleted until the recording stops. */
    SNAPSHOT_RECORDING
  }

  private final Reason reason;

  /**
   * @param subject what it is about: a snapshot id, a file; may be null
   */
  public TrafficException(Reason reason, String subject, String message) {
    super(subject, message);
    this.reason = reason;
  }

  public TrafficException(Reason reason, String subject, String message, Throwable cause) {
    super(subject, message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }

  public static TrafficException snapshotNotFound(String snapshot) {
    return new TrafficException(
        Reason.SNAPSHOT_NOT_FOUND, snapshot, "no snapshot '" + snapshot + "'");
  }
}
