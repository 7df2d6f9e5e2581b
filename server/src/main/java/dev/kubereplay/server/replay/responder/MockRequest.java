package dev.kubereplay.server.replay.responder;

import dev.kubereplay.server.traffic.model.Header;
import java.util.List;

/**
 * A request that reached the mocks, whichever way it came in.
 *
 * @param via how it reached them
 * @param method the method, as sent
 * @param scheme {@code http}, or {@code https} for requests inside a {@code CONNECT} tunnel
 * @param host the host it was meant for, lower case
 * @param port its port, or -1 for the scheme's default
 * @param path the path, still percent-encoded
 * @param query the query string, still percent-encoded, or null
 * @param headers the headers in order, hop-by-hop ones included
 * @param body the body; empty when there was none
 */
public record MockRequest(
    Via via,
    String method,
    String scheme,
    String host,
    int port,
    String path,
    String query,
    List<Header> headers,
    byte[] body) {

  /** The ways a request reaches the mocks. */
  public enum Via {
    /** Sent to the mocks as if they were the upstream: the Host header names the host. */
    UPSTREAM,
    /** Sent to the mocks as an HTTP proxy ({@code HTTP_PROXY}): an absolute URL. */
    PROXY,
    /** Sent inside a {@code CONNECT} tunnel ({@code HTTPS_PROXY}), TLS ended by the mocks. */
    CONNECT
  }

  /** The first value of a header, by name in any case, or null. */
  public String header(String name) {
    for (Header header : headers) {
      if (header.name().equalsIgnoreCase(name)) {
        return header.value();
      }
    }
    return null;
  }

  /** {@code host} or {@code host:port}, as a URL names it. */
  public String authority() {
    return port < 0 ? host : host + ":" + port;
  }
}
