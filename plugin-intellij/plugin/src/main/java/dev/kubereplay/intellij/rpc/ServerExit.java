package dev.kubereplay.intellij.rpc;

import java.util.List;

/**
 * Why the server is not there to answer: it could not be started, or it stopped.
 *
 * @param reason one sentence for the user, e.g. "The kubereplay server exited with code 1."
 * @param stderrTail the last lines the server wrote to stderr (its log), oldest first; empty when
 *     it never ran
 */
public record ServerExit(String reason, List<String> stderrTail) {

  public ServerExit {
    stderrTail = List.copyOf(stderrTail);
  }

  /** A server that never ran, so has nothing on stderr. */
  public static ServerExit notStarted(String reason) {
    return new ServerExit(reason, List.of());
  }
}
