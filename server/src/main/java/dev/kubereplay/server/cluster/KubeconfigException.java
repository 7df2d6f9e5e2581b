package dev.kubereplay.server.cluster;

import dev.kubereplay.server.KubeReplayException;
import java.nio.file.Path;

/** The kubeconfig cannot be used; the message names the file and the problem in one line. */
public final class KubeconfigException extends KubeReplayException {

  private static final long serialVersionUID = 1L;

  /** What is wrong. */
  public enum Problem {
    NOT_FOUND,
    UNREADABLE,
    MALFORMED
  }

  private final Problem problem;
  private final transient Path file;

  public KubeconfigException(Problem problem, Path file, String message) {
    super(file == null ? null : file.toString(), message);
    this.problem = problem;
    this.file = file;
  }

  public Problem problem() {
    return problem;
  }

  /** The file at fault (for {@link Problem#NOT_FOUND}, the first place that was looked at). */
  public Path file() {
    return file;
  }
}
