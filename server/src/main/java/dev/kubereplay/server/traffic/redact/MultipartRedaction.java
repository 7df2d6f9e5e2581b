package dev.kubereplay.server.traffic.redact;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Redacts a multipart body part by part: a field whose name is a key to redact ({@code
 * name="password"}) has its content replaced; every other part is redacted by what it is (its own
 * content type, JSON, a form, text). Boundaries, part headers and parts with nothing to redact keep
 * their exact bytes.
 */
final class MultipartRedaction {

  /** How a part's content is redacted: the same instance back when unchanged. */
  interface Parts {
    byte[] redact(byte[] content, String contentType);
  }

  private MultipartRedaction() {}

  /** The redacted body, or {@code body} itself when nothing was redacted. */
  static byte[] redact(byte[] body, String boundary, RedactionRules rules, Parts parts) {
    byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    int first = delimiterAt(body, delimiter, 0);
    if (first < 0) {
      return body;
    }
    ByteArrayOutputStream out = null;
    int copied = 0;
    int at = first;
    while (at >= 0) {
      int line = at + delimiter.length;
      if (startsWith(body, line, "--")) {
        break; // the closing delimiter: what follows is the epilogue
      }
      int headers = lineEnd(body, line);
      int blank = headers < 0 ? -1 : blankLine(body, Math.max(0, headers - 2));
      if (blank < 0) {
        break;
      }
      int content = blank + (body[blank] == '\r' ? 4 : 2);
      int next = delimiterAt(body, delimiter, content);
      int contentEnd = next < 0 ? body.length : Math.max(content, before(body, next));
      String head =
          blank > headers
              ? new String(body, headers, blank - headers, StandardCharsets.ISO_8859_1)
              : "";
      byte[] original = java.util.Arrays.copyOfRange(body, content, contentEnd);
      byte[] redacted = redactPart(original, head, rules, parts);
      if (redacted != original) {
        out = out == null ? new ByteArrayOutputStream(body.length) : out;
        out.write(body, copied, content - copied);
        out.write(redacted, 0, redacted.length);
        copied = contentEnd;
      }
      at = next;
    }
    if (out == null) {
      return body;
    }
    out.write(body, copied, body.length - copied);
    return out.toByteArray();
  }

  private static byte[] redactPart(byte[] content, String head, RedactionRules rules, Parts parts) {
    String name = parameter(head, "name");
    if (name != null && rules.redactsKey(name)) {
      byte[] marker = RedactionRules.REDACTED.getBytes(StandardCharsets.ISO_8859_1);
      return java.util.Arrays.equals(content, marker) ? content : marker;
    }
    return parts.redact(content, header(head, "content-type"));
  }

  /** A header's value in a part's header block, or "" when it has none. */
  private static String header(String head, String name) {
    for (String line : head.split("\r?\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).strip().equalsIgnoreCase(name)) {
        return line.substring(colon + 1).strip();
      }
    }
    return "";
  }

  /** A parameter of Content-Disposition ({@code name="password"}), or null. */
  private static String parameter(String head, String parameter) {
    String disposition = header(head, "content-disposition");
    for (String part : disposition.split(";")) {
      int equals = part.indexOf('=');
      if (equals > 0
          && part.substring(0, equals).strip().toLowerCase(Locale.ROOT).equals(parameter)) {
        String value = part.substring(equals + 1).strip();
        if (value.length() > 1 && value.startsWith("\"") && value.endsWith("\"")) {
          value = value.substring(1, value.length() - 1);
        }
        return value;
      }
    }
    return null;
  }

  /** The next delimiter from {@code from} that starts a line, or -1. */
  private static int delimiterAt(byte[] body, byte[] delimiter, int from) {
    for (int i = from; i <= body.length - delimiter.length; i++) {
      if ((i == 0 || body[i - 1] == '\n') && startsWith(body, i, delimiter)) {
        return i;
      }
    }
    return -1;
  }

  /** Where a part's content ends: before the line break that precedes its delimiter. */
  private static int before(byte[] body, int delimiter) {
    int end = delimiter;
    if (end > 0 && body[end - 1] == '\n') {
      end--;
      if (end > 0 && body[end - 1] == '\r') {
        end--;
      }
    }
    return end;
  }

  /** The index after the line break that ends the line at {@code from}, or -1. */
  private static int lineEnd(byte[] body, int from) {
    for (int i = from; i < body.length; i++) {
      if (body[i] == '\n') {
        return i + 1;
      }
    }
    return -1;
  }

  /** Where the blank line after a header block starts ("\r\n\r\n" or "\n\n"), or -1. */
  private static int blankLine(byte[] body, int from) {
    for (int i = from; i < body.length - 1; i++) {
      if (body[i] == '\n' && body[i + 1] == '\n') {
        return i;
      }
      if (i < body.length - 3
          && body[i] == '\r'
          && body[i + 1] == '\n'
          && body[i + 2] == '\r'
          && body[i + 3] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private static boolean startsWith(byte[] body, int at, String prefix) {
    return startsWith(body, at, prefix.getBytes(StandardCharsets.ISO_8859_1));
  }

  private static boolean startsWith(byte[] body, int at, byte[] prefix) {
    if (at < 0 || at + prefix.length > body.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (body[at + i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
