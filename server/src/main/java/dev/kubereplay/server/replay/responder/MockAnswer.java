package dev.kubereplay.server.replay.responder;

import dev.kubereplay.server.traffic.Header;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What the mocks answer: a status, headers in order, and a body. Hop-by-hop headers and lengths are
 * the listener's business: it drops the first and sets the second from the body.
 */
public record MockAnswer(int status, List<Header> headers, byte[] body) {

  /** A plain-text answer of the mocks' own (not from a recording). */
  public static MockAnswer text(int status, String text, Header... headers) {
    List<Header> all = new java.util.ArrayList<>(List.of(headers));
    all.add(new Header("Content-Type", "text/plain; charset=utf-8"));
    return new MockAnswer(status, all, text.getBytes(StandardCharsets.UTF_8));
  }
}
