package dev.kubereplay.server.traffic.redact;

import dev.kubereplay.server.http.Urls;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Redacts query parameters ({@code ?token=...}) and form bodies by name, and the password of a
 * URL's user info. What is not redacted keeps its exact text.
 */
final class QueryRedaction {

  private QueryRedaction() {}

  /** The URL with redacted parameters and user-info password; the same instance when unchanged. */
  static String url(String url, RedactionRules rules) {
    String result = userInfo(url);
    int start = pathStartOrZero(result);
    int question = result.indexOf('?', start);
    if (question < 0) {
      return result;
    }
    int hash = result.indexOf('#', question);
    int end = hash < 0 ? result.length() : hash;
    String query = result.substring(question + 1, end);
    String redacted = parameters(query, rules);
    if (redacted == query) {
      return result;
    }
    return result.substring(0, question + 1) + redacted + result.substring(end);
  }

  /** {@code a=1&token=x} becomes {@code a=1&token=-REDACTED-}; the same instance when unchanged. */
  static String parameters(String query, RedactionRules rules) {
    if (query.isEmpty()) {
      return query;
    }
    StringBuilder out = null;
    int start = 0;
    while (start <= query.length()) {
      int amp = query.indexOf('&', start);
      int end = amp < 0 ? query.length() : amp;
      int equals = query.indexOf('=', start);
      if (equals >= 0 && equals < end) {
        String name = decode(query.substring(start, equals));
        String value = query.substring(equals + 1, end);
        if (rules.redactsKey(name) && !value.equals(RedactionRules.REDACTED)) {
          if (out == null) {
            out = new StringBuilder(query.length()).append(query, 0, start);
          }
          out.append(query, start, equals + 1).append(RedactionRules.REDACTED);
        } else if (out != null) {
          out.append(query, start, end);
        }
      } else if (out != null) {
        out.append(query, start, end);
      }
      if (amp < 0) {
        break;
      }
      if (out != null) {
        out.append('&');
      }
      start = amp + 1;
    }
    return out == null ? query : out.toString();
  }

  private static String userInfo(String url) {
    if (!Urls.isHttp(url)) {
      return url;
    }
    int start = url.indexOf("//") + 2;
    int end = start;
    while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
      end++;
    }
    int at = url.lastIndexOf('@', end - 1);
    if (at < start) {
      return url;
    }
    int colon = url.indexOf(':', start);
    if (colon < 0 || colon > at || url.substring(colon + 1, at).equals(RedactionRules.REDACTED)) {
      return url;
    }
    return url.substring(0, colon + 1) + RedactionRules.REDACTED + url.substring(at);
  }

  private static int pathStartOrZero(String url) {
    if (!Urls.isHttp(url)) {
      return 0;
    }
    int start = url.indexOf("//") + 2;
    while (start < url.length() && "/?#".indexOf(url.charAt(start)) < 0) {
      start++;
    }
    return start;
  }

  private static String decode(String name) {
    try {
      return URLDecoder.decode(name, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return name;
    }
  }
}
