package dev.kubereplay.server.http;

import dev.kubereplay.server.traffic.TrafficException;
import java.net.InetSocketAddress;

/** Reads and writes a proxy's {@code host:port} ({@code [::1]:port} for IPv6). */
public final class ListenAddress {

  private ListenAddress() {}

  /**
   * @throws TrafficException {@code INVALID} naming the text when it is not {@code host:port}
   */
  public static InetSocketAddress parse(String text) {
    if (text == null || text.isBlank()) {
      throw invalid(text, "a listen address host:port is required");
    }
    String value = text.strip();
    int colon = value.lastIndexOf(':');
    if (colon <= 0 || colon == value.length() - 1) {
      throw invalid(value, "the listen address '" + value + "' is not host:port");
    }
    String host = value.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    int port;
    try {
      port = Integer.parseInt(value.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw invalid(value, "the listen address '" + value + "' has no port number");
    }
    if (port < 0 || port > 65535) {
      throw invalid(value, "the listen port " + port + " is not from 0 to 65535");
    }
    return new InetSocketAddress(host, port);
  }

  public static String format(InetSocketAddress address) {
    String host = address.getHostString();
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
  }

  private static TrafficException invalid(String subject, String message) {
    return new TrafficException(TrafficException.Reason.INVALID, subject, message);
  }
}
