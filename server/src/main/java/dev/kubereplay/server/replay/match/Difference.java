package dev.kubereplay.server.replay.match;

/**
 * One way a request differs from a recorded one.
 *
 * @param part what differs
 * @param where the query parameter, header or JSON path ({@code $.order.items[0].sku}); empty for
 *     the method, host, path and a body as a whole
 * @param expected what was recorded, or null when the request has something the recording lacks
 * @param actual what the request has, or null when it lacks something recorded
 */
public record Difference(Part part, String where, String expected, String actual) {

  /** The parts of a request, from the most telling difference to the least. */
  public enum Part {
    METHOD,
    HOST,
    PATH,
    HEADER,
    QUERY,
    BODY
  }

  /** One line, as the miss response and the mock log print it. */
  public String describe() {
    String subject =
        where.isEmpty() ? part.name().toLowerCase() : part.name().toLowerCase() + " " + where;
    if (expected == null) {
      return subject + ": not recorded, got " + actual;
    }
    if (actual == null) {
      return subject + ": missing, recorded " + expected;
    }
    return subject + ": expected " + expected + ", got " + actual;
  }
}
