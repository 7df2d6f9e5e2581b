package dev.kubereplay.server.cluster;

import dev.kubereplay.server.KubeReplayException;

/**
 * A cluster call failed in a way the user can act on. The message is one line that names the thing
 * and the reason, e.g. {@code forbidden: cannot list secrets in namespace shop}.
 */
public final class ClusterException extends KubeReplayException {

  private static final long serialVersionUID = 1L;

  /** Why the call failed. */
  public enum Reason {
    FORBIDDEN,
    NOT_FOUND,
    CONFLICT,
    UNREACHABLE,
    INVALID
  }

  private final Reason reason;

  /**
   * @param subject what the failure is about, e.g. {@code secrets/shop} or {@code
   *     Deployment/shop/api}
   */
  public ClusterException(Reason reason, String subject, String message) {
    super(subject, message);
    this.reason = reason;
  }

  public ClusterException(Reason reason, String subject, String message, Throwable cause) {
    super(subject, message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
