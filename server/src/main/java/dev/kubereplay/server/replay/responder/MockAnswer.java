package dev.kubereplay.server.replay.responder;

import dev.kubereplay.server.traffic.model.Header;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * What the mocks answer: a status, headers in order, and a body, after a delay. Hop-by-hop headers
 * and lengths are the listener's business: it drops the first and sets the second from the body. A
 * server-sent event stream ({@code text/event-stream}) goes out event by event, the delay spread
 * over its events, as a live stream would arrive.
 */
public record MockAnswer(int status, List<Header> headers, byte[] body, long delayMillis) {

  public MockAnswer(int status, List<Header> headers, byte[] body) {
    this(status, headers, body, 0);
  }

  /** A plain-text answer of the mocks' own (not from a recording). */
  public static MockAnswer text(int status, String text, Header... headers) {
    List<Header> all = new java.util.ArrayList<>(List.of(headers));
    all.add(new Header("Content-Type", "text/plain; charset=utf-8"));
    return new MockAnswer(status, all, text.getBytes(StandardCharsets.UTF_8));
  }

  /** Whether it is a server-sent event stream. */
  public boolean isEventStream() {
    for (Header header : headers) {
      if (header.name().equalsIgnoreCase("content-type")
          && header.value().toLowerCase(Locale.ROOT).startsWith("text/event-stream")) {
        return true;
      }
    }
    return false;
  }
}
