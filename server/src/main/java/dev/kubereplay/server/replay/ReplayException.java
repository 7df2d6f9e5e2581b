package dev.kubereplay.server.replay;

import dev.kubereplay.server.KubeReplayException;

/** A replay or mock request that cannot be carried out; the message names the thing and why. */
public final class ReplayException extends KubeReplayException {

  private static final long serialVersionUID = 1L;

  /** Why. */
  public enum Reason {
    /** The snapshot has nothing to answer or send with. */
    NOTHING_TO_REPLAY,
    /** No running mocks (or replay) has that id. */
    NOT_FOUND,
    /** The listen address is taken. */
    ADDRESS_IN_USE,
    /** An option or setting cannot be used. */
    INVALID
  }

  private final Reason reason;

  public ReplayException(Reason reason, String subject, String message) {
    super(subject, message);
    this.reason = reason;
  }

  public ReplayException(Reason reason, String subject, String message, Throwable cause) {
    super(subject, message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
