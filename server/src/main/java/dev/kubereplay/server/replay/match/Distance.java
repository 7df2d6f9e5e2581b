package dev.kubereplay.server.replay.match;

import java.util.List;

/** How far a recorded call is from a request: the method, host and path weigh most. */
final class Distance {

  private static final int METHOD = 20;
  private static final int HOST = 20;
  private static final int PATH = 15;

  private Distance() {}

  /** A call to another URL is rarely what was meant. */
  static int of(List<Difference> differences) {
    int distance = 0;
    for (Difference difference : differences) {
      distance +=
          switch (difference.part()) {
            case METHOD -> METHOD;
            case HOST -> HOST;
            case PATH -> PATH;
            case HEADER -> 4;
            case QUERY -> 2;
            case BODY -> 1;
          };
    }
    return distance;
  }

  /**
   * The distance from method, host and path alone, as {@link Comparison} finds them: no more than
   * the whole distance, and known without reading the call.
   */
  static int ofUrl(RecordedCall call, RequestView actual) {
    int distance = 0;
    if (!call.method().equals(actual.method())) {
      distance += METHOD;
    }
    if (actual.host() != null) {
      String expected = actual.hostNameOnly() ? RequestView.nameOf(call.host()) : call.host();
      if (!actual.host().equals(expected)) {
        distance += HOST;
      }
    }
    if (!call.path().equals(actual.path())) {
      distance += PATH;
    }
    return distance;
  }
}
