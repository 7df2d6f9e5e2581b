package dev.kubereplay.server.traffic.redact;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Redacts query parameters ({@code ?token=...}), parameters in a fragment ({@code
 * #access_token=...}, as OAuth's implicit flow returns them) and form bodies by name, the password
 * of a URL's user info, and percent-encoded values that hold a secret ({@link SecretText}) once
 * decoded. What is not redacted keeps its exact text.
 */
final class QueryRedaction {

  private QueryRedaction() {}

  /** The URL with redacted parameters and user-info password; the same instance when unchanged. */
  static String url(String url, SecretText secrets) {
    String result = userInfo(url);
    int question = result.indexOf('?', authorityEnd(result));
    int hash = result.indexOf('#', question < 0 ? authorityEnd(result) : question);
    if (hash >= 0) {
      String fragment = result.substring(hash + 1);
      String redacted = parameters(fragment, secrets);
      if (redacted != fragment) {
        result = result.substring(0, hash + 1) + redacted;
      }
    }
    if (question < 0) {
      return result;
    }
    int end = hash < 0 ? result.length() : hash;
    String query = result.substring(question + 1, end);
    String redacted = parameters(query, secrets);
    if (redacted == query) {
      return result;
    }
    return result.substring(0, question + 1) + redacted + result.substring(end);
  }

  /** {@code a=1&token=x} becomes {@code a=1&token=-REDACTED-}; the same instance when unchanged. */
  static String parameters(String query, SecretText secrets) {
    if (query.isEmpty()) {
      return query;
    }
    StringBuilder out = null;
    int start = 0;
    while (start <= query.length()) {
      int amp = query.indexOf('&', start);
      int end = amp < 0 ? query.length() : amp;
      int equals = start;
      while (equals < end && query.charAt(equals) != '=') {
        equals++; // within this pair only: a search past it would make long queries quadratic
      }
      String replacement = null;
      if (equals < end) {
        String name = decode(query.substring(start, equals));
        String value = query.substring(equals + 1, end);
        if (secrets.rules().redactsKey(name)) {
          replacement = value.equals(RedactionRules.REDACTED) ? null : RedactionRules.REDACTED;
        } else if (value.indexOf('%') >= 0) {
          replacement = encoded(value, secrets);
        }
      }
      if (replacement != null && out == null) {
        out = new StringBuilder(query.length()).append(query, 0, start);
      }
      if (replacement != null) {
        out.append(query, start, equals + 1).append(replacement);
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

  /** A percent-encoded value redacted by what it holds once decoded, or null when it holds none. */
  private static String encoded(String value, SecretText secrets) {
    String decoded = decode(value);
    String redacted = secrets.redact(decoded);
    return redacted == decoded ? null : URLEncoder.encode(redacted, StandardCharsets.UTF_8);
  }

  private static String userInfo(String url) {
    int start = authorityStart(url);
    if (start < 0) {
      return url;
    }
    int end = authorityEnd(url);
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

  /** Where the authority of {@code scheme://authority/...} starts, or -1 when there is none. */
  private static int authorityStart(String url) {
    int colon = url.indexOf("://");
    if (colon <= 0) {
      return -1;
    }
    for (int i = 0; i < colon; i++) {
      char c = url.charAt(i);
      if (!(Character.isLetterOrDigit(c) || c == '+' || c == '-' || c == '.')) {
        return -1;
      }
    }
    return colon + 3;
  }

  /** Where the authority ends (the path starts), or 0 when there is no authority. */
  private static int authorityEnd(String url) {
    int start = authorityStart(url);
    if (start < 0) {
      return 0;
    }
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
