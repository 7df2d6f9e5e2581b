package dev.kubereplay.server.http;

import dev.kubereplay.server.traffic.TrafficException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Hosts as a user names them: {@code payments.shop}, {@code 127.0.0.1:8080}, or a URL pasted from a
 * browser or a log, cut to its host and port ({@code https://payments:8443/v1?x=1} is {@code
 * payments:8443}). They come out as recorded pairs name their host ({@link Urls#host}): in lower
 * case, without a default port.
 */
public final class Hosts {

  private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://");
  private static final Pattern HOST =
      Pattern.compile(
          "(\\[[0-9a-f:.]+\\]|[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?(\\.[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?)*)"
              + "(:\\d{1,5})?");

  private Hosts() {}

  /**
   * The host (and port) {@code typed} names.
   *
   * @throws TrafficException (invalid) naming the entry when it is not a host, host:port or URL
   */
  public static String of(String typed) {
    String text = typed == null ? "" : typed.strip();
    String host = SCHEME.matcher(text).lookingAt() ? Urls.host(text) : bare(text);
    if (!HOST.matcher(host).matches() || port(host) > 65535) {
      throw new TrafficException(
          TrafficException.Reason.INVALID,
          text,
          "'"
              + text
              + "' is not a host: give a host such as payments.shop or 127.0.0.1:8080, or a URL");
    }
    return host;
  }

  /**
   * A host typed without a scheme, read as {@link Urls#host} reads one in a URL, and without port
   * 443 either: recorded URLs name neither default port.
   */
  private static String bare(String text) {
    String host = Urls.host("http://" + text);
    return host.endsWith(":443") ? host.substring(0, host.length() - 4) : host;
  }

  /** Every host of {@code typed}, in order, each once; null is none. */
  public static Set<String> of(Collection<String> typed) {
    Set<String> hosts = new LinkedHashSet<>();
    if (typed != null) {
      for (String entry : typed) {
        hosts.add(of(entry));
      }
    }
    return hosts;
  }

  private static int port(String host) {
    int colon = host.lastIndexOf(':');
    return colon > host.lastIndexOf(']') ? Integer.parseInt(host.substring(colon + 1)) : 0;
  }
}
