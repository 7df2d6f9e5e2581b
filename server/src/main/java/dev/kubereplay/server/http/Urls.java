package dev.kubereplay.server.http;

import java.util.Locale;

/**
 * The parts of a recorded URL, read leniently: recordings hold URLs that {@link java.net.URI}
 * refuses (unencoded spaces, pipes, brackets), and they must still be imported as they are.
 */
public final class Urls {

  private Urls() {}

  /** The scheme in lower case ({@code https}), or "" when the URL has none. */
  public static String scheme(String url) {
    // the usual ones without allocating: this runs several times for every pair of an import
    if (url.startsWith("https://")) {
      return "https";
    }
    if (url.startsWith("http://")) {
      return "http";
    }
    int colon = url.indexOf(':');
    if (colon <= 0) {
      return "";
    }
    for (int i = 0; i < colon; i++) {
      char c = url.charAt(i);
      if (!(Character.isLetterOrDigit(c) || c == '+' || c == '-' || c == '.')) {
        return "";
      }
    }
    return url.substring(0, colon).toLowerCase(Locale.ROOT);
  }

  /** Whether the URL is {@code http:} or {@code https:} with an authority. */
  public static boolean isHttp(String url) {
    String scheme = scheme(url);
    return (scheme.equals("http") || scheme.equals("https"))
        && url.startsWith("//", scheme.length() + 1);
  }

  /**
   * The host the URL names, in lower case, with its port when it is not the scheme's default; no
   * user info. Empty when there is no authority.
   */
  public static String host(String url) {
    String scheme = scheme(url);
    int start = scheme.length() + 1;
    if (!url.startsWith("//", start)) {
      return "";
    }
    start += 2;
    int end = authorityEnd(url, start);
    String authority = url.substring(start, end);
    int at = authority.lastIndexOf('@');
    if (at >= 0) {
      authority = authority.substring(at + 1);
    }
    authority = authority.toLowerCase(Locale.ROOT);
    int colon = authority.lastIndexOf(':');
    if (colon > authority.lastIndexOf(']')) {
      String port = authority.substring(colon + 1);
      if (port.isEmpty()
          || (scheme.equals("http") && port.equals("80"))
          || (scheme.equals("https") && port.equals("443"))) {
        authority = authority.substring(0, colon);
      }
    }
    return authority;
  }

  /** The path, from the first slash after the authority up to the query; "/" when empty. */
  public static String path(String url) {
    int start = pathStart(url);
    int end = start;
    while (end < url.length() && url.charAt(end) != '?' && url.charAt(end) != '#') {
      end++;
    }
    String path = url.substring(start, end);
    return path.isEmpty() ? "/" : path;
  }

  /** The query without its '?', or "" when none. */
  public static String query(String url) {
    int start = pathStart(url);
    int question = url.indexOf('?', start);
    if (question < 0) {
      return "";
    }
    int hash = url.indexOf('#', question);
    return url.substring(question + 1, hash < 0 ? url.length() : hash);
  }

  static int pathStart(String url) {
    String scheme = scheme(url);
    int start = scheme.length() + 1;
    if (scheme.isEmpty()) {
      return 0;
    }
    if (url.startsWith("//", start)) {
      return authorityEnd(url, start + 2);
    }
    return start;
  }

  private static int authorityEnd(String url, int start) {
    int end = start;
    while (end < url.length()) {
      char c = url.charAt(end);
      if (c == '/' || c == '?' || c == '#') {
        break;
      }
      end++;
    }
    return end;
  }
}
