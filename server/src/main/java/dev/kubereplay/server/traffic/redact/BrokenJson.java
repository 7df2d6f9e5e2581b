package dev.kubereplay.server.traffic.redact;

import java.nio.charset.StandardCharsets;

/**
 * Redacts {@code "key": value} pairs in a body that looked like JSON but does not parse (cut short
 * at a size limit, say): the value of a key to redact — a string, number, object or array, up to
 * where it ends or the body does — becomes {@code "-REDACTED-"}. One pass that walks strings and
 * nesting by hand, so nothing in the body can make it slow.
 */
final class BrokenJson {

  private static final String MARKER = "\"" + RedactionRules.REDACTED + "\"";

  private BrokenJson() {}

  /** The redacted body, or {@code body} itself when nothing was redacted. */
  static byte[] redact(byte[] body, RedactionRules rules) {
    String text = new String(body, StandardCharsets.ISO_8859_1); // one char per byte
    int n = text.length();
    StringBuilder out = null;
    int copied = 0;
    int i = 0;
    while (i < n) {
      if (text.charAt(i) != '"') {
        i++;
        continue;
      }
      int stringEnd = stringEnd(text, i);
      int colon = skipSpace(text, stringEnd);
      if (colon >= n
          || text.charAt(colon) != ':'
          || !rules.redactsKey(
              new String(body, i + 1, Math.max(0, stringEnd - i - 2), StandardCharsets.UTF_8))) {
        i = stringEnd;
        continue;
      }
      int value = skipSpace(text, colon + 1);
      int end = valueEnd(text, value);
      String found = text.substring(value, end);
      if (!found.equals(MARKER) && !found.equals("null") && !found.isEmpty()) {
        out = out == null ? new StringBuilder(n) : out;
        out.append(text, copied, value).append(MARKER);
        copied = end;
      }
      i = end;
    }
    if (out == null) {
      return body;
    }
    return out.append(text, copied, n).toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  /** The index after the string that opens at {@code quote}, or the end of the text. */
  private static int stringEnd(String text, int quote) {
    int i = quote + 1;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '\\') {
        i += 2;
      } else if (c == '"') {
        return i + 1;
      } else {
        i++;
      }
    }
    return text.length();
  }

  private static int valueEnd(String text, int start) {
    int n = text.length();
    if (start >= n) {
      return start;
    }
    char first = text.charAt(start);
    if (first == '"') {
      return stringEnd(text, start);
    }
    if (first == '{' || first == '[') {
      int depth = 0;
      int i = start;
      while (i < n) {
        char c = text.charAt(i);
        if (c == '"') {
          i = stringEnd(text, i);
          continue;
        }
        if (c == '{' || c == '[') {
          depth++;
        } else if ((c == '}' || c == ']') && --depth == 0) {
          return i + 1;
        }
        i++;
      }
      return n;
    }
    int i = start;
    while (i < n && ",}] \t\r\n".indexOf(text.charAt(i)) < 0) {
      i++;
    }
    return i;
  }

  private static int skipSpace(String text, int from) {
    int i = from;
    while (i < text.length() && " \t\r\n".indexOf(text.charAt(i)) >= 0) {
      i++;
    }
    return i;
  }
}
