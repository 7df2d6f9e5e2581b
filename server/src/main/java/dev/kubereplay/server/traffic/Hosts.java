package dev.kubereplay.server.traffic;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
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
   * A host typed without a scheme, as {@link Urls#host} reads one in a URL: no path or user info,
   * lower case, and no port 80 or 443 (recorded URLs name those without one).
   */
  private static String bare(String text) {
    int end = indexOfAny(text, "/?#");
    String host = end >= 0 ? text.substring(0, end) : text;
    host = host.substring(host.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
    if (host.endsWith(":80") || host.endsWith(":443")) {
      host = host.substring(0, host.lastIndexOf(':'));
    }
    return host;
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

  private static int indexOfAny(String text, String chars) {
    for (int i = 0; i < text.length(); i++) {
      if (chars.indexOf(text.charAt(i)) >= 0) {
        return i;
      }
    }
    return -1;
  }
}
