package dev.kubereplay.server.cluster.logs;

/**
 * One log line, or a mark where lines are missing.
 *
 * @param pod the pod it came from
 * @param container the container it came from
 * @param text the line, without its line break
 */
public record LogLine(String pod, String container, String text) {

  /**
   * The line a follow sends where it dropped {@code count} lines of a container because they came
   * faster than the client took them: a line every log view already shows.
   */
  public static LogLine dropped(String pod, String container, long count) {
    return new LogLine(
        pod,
        container,
        "[kubereplay: "
            + count
            + (count == 1 ? " line" : " lines")
            + " dropped here; the pod logged faster than they could be sent]");
  }
}
