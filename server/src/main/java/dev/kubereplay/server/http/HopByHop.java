package dev.kubereplay.server.http;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Headers that belong to one connection and are not forwarded (RFC 9110 section 7.6.1): the fixed
 * set, and every header the {@code Connection} header names.
 */
public final class HopByHop {

  private static final Set<String> FIXED =
      Set.of(
          "connection",
          "keep-alive",
          "proxy-connection",
          "proxy-authenticate",
          "proxy-authorization",
          "te",
          "trailer",
          "transfer-encoding",
          "upgrade");

  private final Set<String> names = new TreeSet<>(FIXED);

  /**
   * @param connectionHeaders the values of the message's {@code Connection} headers
   */
  public HopByHop(Iterable<String> connectionHeaders) {
    for (String value : connectionHeaders) {
      for (String token : value.split(",")) {
        String name = token.strip().toLowerCase(Locale.ROOT);
        if (!name.isEmpty()) {
          names.add(name);
        }
      }
    }
  }

  public boolean contains(String header) {
    return names.contains(header.toLowerCase(Locale.ROOT));
  }
}
