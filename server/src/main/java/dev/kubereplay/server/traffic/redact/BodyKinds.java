package dev.kubereplay.server.traffic.redact;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * What a body is, by its content type and, where that says nothing (HAR bodies often come without a
 * Content-Type header), by a look at its bytes.
 */
final class BodyKinds {

  private BodyKinds() {}

  private static final String[] BINARY = {
    "image/",
    "audio/",
    "video/",
    "font/",
    "application/pdf",
    "application/zip",
    "application/gzip",
    "application/x-gzip",
    "protobuf",
    "application/grpc",
    "application/wasm",
    "msgpack",
    "application/cbor",
    "application/avro"
  };

  /**
   * Whether the body is binary, so not to be changed by text patterns: declared as such, or, with
   * no textual content type, holding control bytes.
   */
  static boolean binary(String contentType, byte[] body) {
    if (contentType.startsWith("text/")
        || contentType.contains("json")
        || contentType.contains("xml")
        || contentType.contains("form")
        || contentType.contains("javascript")
        || contentType.contains("yaml")
        || contentType.contains("graphql")) {
      return false;
    }
    for (String type : BINARY) {
      if (contentType.contains(type)) {
        return true;
      }
    }
    for (byte b : body) {
      if ((b >= 0 && b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != 0x1b)
          || b == 0x7f) {
        return true;
      }
    }
    return false;
  }

  /** Whether the body is JSON: declared so, or starting with '{' or '['. */
  static boolean json(String contentType, byte[] body) {
    if (contentType.contains("json")) {
      return true;
    }
    for (byte b : body) {
      if (b == '{' || b == '[') {
        return true;
      }
      if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
        return false;
      }
    }
    return false;
  }

  /**
   * Whether the body is a urlencoded form: declared so, or, with no other structured type declared,
   * one line of {@code name=value} pairs joined by '&' without spaces or quotes.
   */
  static boolean form(String contentType, byte[] body) {
    if (contentType.contains("x-www-form-urlencoded")) {
      return true;
    }
    if (contentType.contains("json")
        || contentType.contains("xml")
        || contentType.contains("html")
        || contentType.contains("multipart")) {
      return false;
    }
    int equals = -1;
    int end = body.length;
    while (end > 0 && (body[end - 1] == '\n' || body[end - 1] == '\r')) {
      end--;
    }
    for (int i = 0; i < end; i++) {
      byte b = body[i];
      if (b <= ' ' || b == '"' || b == '{' || b == '<' || b == '\\' || b == 0x7f) {
        return false;
      }
      if (b == '=' && equals < 0) {
        equals = i;
      } else if (b == '&' && equals < 0) {
        return false; // a first pair without a value: not what forms send
      }
    }
    return equals > 0;
  }

  /**
   * The boundary of a multipart body: from the content type (as sent, and {@code lower}: in lower
   * case), or, with none declared, from a first line {@code --boundary}. Null when the body is not
   * multipart.
   */
  static String multipartBoundary(String contentType, String lower, byte[] body) {
    if (lower.contains("multipart/")) {
      int at = lower.indexOf("boundary=");
      if (at < 0) {
        return null;
      }
      String boundary = contentType.substring(at + 9);
      int end = boundary.indexOf(';');
      boundary = (end < 0 ? boundary : boundary.substring(0, end)).strip();
      if (boundary.length() > 1 && boundary.startsWith("\"") && boundary.endsWith("\"")) {
        boundary = boundary.substring(1, boundary.length() - 1);
      }
      return boundary.isEmpty() ? null : boundary;
    }
    if (!lower.isEmpty() && !lower.startsWith("text/plain")) {
      return null;
    }
    if (body.length < 4 || body[0] != '-' || body[1] != '-') {
      return null;
    }
    int end = 2;
    while (end < body.length && end < 74 && body[end] > ' ' && body[end] < 0x7f) {
      end++;
    }
    if (end == 2 || end >= body.length || (body[end] != '\r' && body[end] != '\n')) {
      return null;
    }
    return new String(body, 2, end - 2, StandardCharsets.ISO_8859_1);
  }

  /** The lower-case content type of a part or pair, "" when there is none. */
  static String lower(String contentType) {
    return contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
  }
}
