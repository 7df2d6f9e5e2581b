package dev.kubereplay.server.replay.compare;

/**
 * One way a response differs from the recorded one.
 *
 * @param path {@code status}, {@code header Content-Type}, {@code body} or a JSON path in the body
 *     ({@code $.order.total})
 * @param expected what was recorded; null when the response has something the recording lacks
 * @param actual what came back; null when it lacks something recorded
 */
public record Mismatch(String path, String expected, String actual) {

  /** One line: {@code $.order.total: expected 42.5, got 43}. */
  public String describe() {
    if (expected == null) {
      return path + ": not recorded, got " + actual;
    }
    if (actual == null) {
      return path + ": missing, recorded " + expected;
    }
    return path + ": expected " + expected + ", got " + actual;
  }
}
