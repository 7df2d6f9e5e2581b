package dev.kubereplay.server.cluster;

/**
 * A cluster call failed in a way the user can act on. The message is one line that names the thing
 * and the reason, e.g. {@code forbidden: cannot list secrets in namespace shop}.
 */
public final class ClusterException extends RuntimeException {

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
  private final String subject;

  public ClusterException(Reason reason, String subject, String message) {
    super(message);
    this.reason = reason;
    this.subject = subject;
  }

  public ClusterException(Reason reason, String subject, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
    this.subject = subject;
  }

  public Reason reason() {
    return reason;
  }

  /** What the failure is about, e.g. {@code secrets/shop} or {@code Deployment/shop/api}. */
  public String subject() {
    return subject;
  }
}
