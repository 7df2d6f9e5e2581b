package dev.kubereplay.server.listen;

import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * The rule for every listener kubereplay opens: loopback only ({@code 127.0.0.0/8}, {@code ::1},
 * {@code localhost}), unless the user explicitly allows remote clients. A listener on {@code
 * 0.0.0.0} or a network address is reachable by anyone who can reach the machine; loopback only by
 * the machine's own users.
 */
public final class LoopbackRule {

  private LoopbackRule() {}

  /**
   * What a listener is and what an open one risks, for the messages.
   *
   * @param name e.g. {@code "the recording proxy"}
   * @param risk what anyone who reaches it can do, completing "anyone who can reach this machine
   *     could ...", e.g. {@code "send requests through it to every host this machine can reach"}
   * @param remedy how the user allows remote clients, completing "or, to accept clients from other
   *     machines, ...", e.g. {@code "add --allow-remote-clients"}
   */
  public record Listener(String name, String risk, String remedy) {}

  /** Whether only this machine can reach {@code address}: its host is a loopback address. */
  public static boolean isLoopback(InetSocketAddress address) {
    InetAddress host = address.getAddress();
    return host != null && host.isLoopbackAddress();
  }

  /**
   * Lets {@code address} through when it is loopback, or when the user allowed remote clients.
   *
   * @return {@code address}
   * @throws ListenRefusedException naming the address, the risk and the way out, otherwise
   */
  public static InetSocketAddress require(
      InetSocketAddress address, boolean remoteClientsAllowed, Listener listener) {
    if (remoteClientsAllowed || isLoopback(address)) {
      return address;
    }
    String where = format(address);
    throw new ListenRefusedException(
        where,
        listener.name()
            + " listens on loopback only: "
            + where
            + (address.getAddress() == null ? " does not resolve to" : " is not")
            + " a loopback address, and anyone who can reach this machine could "
            + listener.risk()
            + ". Listen on 127.0.0.1:"
            + address.getPort()
            + " instead, or, to accept clients from other machines, "
            + listener.remedy()
            + ".");
  }

  /** The warning to show when a listener binds beyond loopback, as the user allowed; else null. */
  public static String warning(InetSocketAddress bound, Listener listener) {
    if (isLoopback(bound)) {
      return null;
    }
    return "WARNING: "
        + listener.name()
        + " listens on "
        + format(bound)
        + ", beyond loopback: anyone who can reach this machine on port "
        + bound.getPort()
        + " can "
        + listener.risk()
        + ". Stop it as soon as you are done.";
  }

  /** {@code host:port}, with IPv6 hosts in brackets. */
  static String format(InetSocketAddress address) {
    String host = address.getHostString();
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
  }
}
