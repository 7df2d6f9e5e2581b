package dev.kubereplay.server;

/**
 * A failure the user can act on: its message is one line that names the thing and the reason. The
 * CLI prints it as it is (exit code 1, never a stack trace); the RPC layer maps each kind to its
 * error code, with the {@link #subject} as the error's subject.
 */
public abstract class KubeReplayException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String subject;

  protected KubeReplayException(String subject, String message) {
    super(message);
    this.subject = subject;
  }

  protected KubeReplayException(String subject, String message, Throwable cause) {
    super(message, cause);
    this.subject = subject;
  }

  /** What the failure is about (a file, a snapshot id, {@code secrets/shop}); may be null. */
  public String subject() {
    return subject;
  }
}
