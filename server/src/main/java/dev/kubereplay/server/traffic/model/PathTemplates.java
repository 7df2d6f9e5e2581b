package dev.kubereplay.server.traffic.model;

import dev.kubereplay.server.http.Urls;

/**
 * Groups URLs into endpoints: path segments that look like ids become placeholders, so {@code
 * /users/42} and {@code /users/43} are both {@code /users/{id}}.
 */
public final class PathTemplates {

  private PathTemplates() {}

  /** The template of a URL's path. */
  public static String of(String url) {
    String path = Urls.path(url);
    StringBuilder template = new StringBuilder(path.length());
    int start = 0;
    while (start <= path.length()) {
      int slash = path.indexOf('/', start);
      int end = slash < 0 ? path.length() : slash;
      template.append(placeholder(path, start, end));
      if (slash < 0) {
        break;
      }
      template.append('/');
      start = slash + 1;
    }
    return template.toString();
  }

  private static String placeholder(String path, int start, int end) {
    int length = end - start;
    if (length == 0) {
      return "";
    }
    boolean digits = true;
    boolean hex = true;
    boolean anyDigit = false;
    int dashes = 0;
    for (int i = start; i < end; i++) {
      char c = path.charAt(i);
      boolean digit = c >= '0' && c <= '9';
      anyDigit |= digit;
      digits &= digit;
      if (c == '-') {
        dashes++;
      } else if (!(digit || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
        hex = false;
      }
    }
    if (digits) {
      return "{id}";
    }
    if (hex && length == 36 && dashes == 4) {
      return "{uuid}";
    }
    if (hex && dashes == 0 && length >= 16 && anyDigit) {
      return "{hash}";
    }
    return path.substring(start, end);
  }
}
