package dev.kubereplay.server.replay.responder;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Whether the mocks send a call that matches nothing on to the real upstream, and whether what came
 * back is kept. Off by default: mocks that reach the network are no longer a closed recording.
 *
 * @param enabled whether misses go to the real upstream at all
 * @param to where to send calls that came to the mocks as their upstream (by Host header), whose
 *     real host is otherwise unknown ({@code http[s]://host[:port][/base]}); null leaves those
 *     misses as misses. Proxy and {@code CONNECT} calls always go to the host they name.
 * @param keepAs the name of a new snapshot that keeps the passed-through calls as {@code OUT}
 *     pairs, sealed when the mocks stop; null keeps nothing
 */
public record Passthrough(boolean enabled, URI to, String keepAs) {

  /** No passthrough: every miss is answered as a miss. */
  public static final Passthrough OFF = new Passthrough(false, null, null);

  /**
   * @throws IllegalArgumentException naming the option that cannot be used
   */
  public Passthrough {
    if (keepAs != null && keepAs.isBlank()) {
      keepAs = null;
    }
    if (!enabled && (to != null || keepAs != null)) {
      throw new IllegalArgumentException(
          (to != null ? "--passthrough-to" : "--keep-as") + " needs --passthrough");
    }
    if (to != null) {
      String scheme = to.getScheme() == null ? "" : to.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https")) || to.getHost() == null) {
        throw new IllegalArgumentException(
            "--passthrough-to must be an http:// or https:// URL with a host: " + to);
      }
      if (to.getRawQuery() != null || to.getRawFragment() != null) {
        throw new IllegalArgumentException(
            "--passthrough-to names a base URL, without a query or fragment: " + to);
      }
    }
    if (keepAs != null) {
      keepAs = keepAs.strip();
    }
  }

  /** Whether {@link #to()} names mocks listening on {@code address}: each miss would loop. */
  public boolean loopsTo(InetSocketAddress address) {
    if (to == null) {
      return false;
    }
    int port =
        to.getPort() >= 0 ? to.getPort() : "https".equalsIgnoreCase(to.getScheme()) ? 443 : 80;
    if (port != address.getPort()) {
      return false;
    }
    try {
      InetAddress host = InetAddress.getByName(to.getHost());
      return host.isLoopbackAddress()
          || host.isAnyLocalAddress()
          || host.equals(address.getAddress());
    } catch (UnknownHostException unknown) {
      return false; // not this machine, then
    }
  }

  /** Passthrough to the hosts proxy calls name, keeping nothing. */
  public static Passthrough on() {
    return new Passthrough(true, null, null);
  }
}
