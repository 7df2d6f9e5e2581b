package dev.kubereplay.server.traffic.har;

import dev.kubereplay.server.traffic.Utf8;
import dev.kubereplay.server.traffic.model.Header;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Reads one entry object token by token (no tree, no binding: the fast path of a large import).
 * Fields kubereplay does not keep are skipped without being decoded; bodies go from the parser's
 * characters to UTF-8 bytes without a String in between, and timestamps are read from the
 * characters.
 */
final class HarEntryReader {

  private HarEntryReader() {}

  /** Reads the entry whose START_OBJECT is the current token; ends on its END_OBJECT. */
  static HarEntry read(JsonParser p) {
    HarEntry entry = new HarEntry();
    while (p.nextToken() == JsonToken.PROPERTY_NAME) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      switch (name) {
        case "startedDateTime" -> entry.started = timestamp(p);
        case "time" -> entry.time = value.isNumeric() ? p.getDoubleValue() : -1;
        case "request" -> request(p, entry);
        case "response" -> response(p, entry);
        case "_webSocketMessages" -> {
          entry.webSocket = true;
          p.skipChildren();
        }
        case "_direction" -> entry.direction = text(p);
        case "_uuid" -> entry.uuid = text(p);
        case "_tags" -> tags(p, entry);
        case "_resourceType" -> tag(entry, "resourceType", text(p));
        case "pageref" -> tag(entry, "page", text(p));
        case "comment" -> tag(entry, "comment", text(p));
        default -> p.skipChildren();
      }
    }
    return entry;
  }

  private static void request(JsonParser p, HarEntry entry) {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      p.skipChildren();
      return;
    }
    while (p.nextToken() == JsonToken.PROPERTY_NAME) {
      String name = p.currentName();
      p.nextToken();
      switch (name) {
        case "method" -> entry.method = text(p);
        case "url" -> entry.url = text(p);
        case "httpVersion" -> entry.requestHttpVersion = text(p);
        case "headers" -> headers(p, entry.requestHeaders, true);
        case "postData" -> postData(p, entry);
        default -> p.skipChildren();
      }
    }
  }

  private static void postData(JsonParser p, HarEntry entry) {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      p.skipChildren();
      return;
    }
    while (p.nextToken() == JsonToken.PROPERTY_NAME) {
      String name = p.currentName();
      p.nextToken();
      switch (name) {
        case "text" -> entry.postText = bytes(p);
        case "encoding" -> entry.postEncoding = text(p);
        case "_encoding" -> entry.postCoding = text(p);
        case "mimeType" -> entry.postMimeType = text(p);
        case "params" -> headers(p, entry.postParams, false);
        default -> p.skipChildren();
      }
    }
  }

  private static void response(JsonParser p, HarEntry entry) {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      p.skipChildren();
      return;
    }
    entry.hasResponse = true;
    while (p.nextToken() == JsonToken.PROPERTY_NAME) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      switch (name) {
        case "status" -> entry.status = value.isNumeric() ? p.getValueAsInt() : parseInt(text(p));
        case "statusText" -> entry.statusText = text(p);
        case "httpVersion" -> entry.responseHttpVersion = text(p);
        case "headers" -> headers(p, entry.responseHeaders, true);
        case "content" -> content(p, entry);
        case "_error", "_failureText" -> entry.error = text(p);
        default -> p.skipChildren();
      }
    }
  }

  private static void content(JsonParser p, HarEntry entry) {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      p.skipChildren();
      return;
    }
    while (p.nextToken() == JsonToken.PROPERTY_NAME) {
      String name = p.currentName();
      p.nextToken();
      switch (name) {
        case "text" -> entry.contentText = bytes(p);
        case "encoding" -> entry.contentEncoding = text(p);
        case "_encoding" -> entry.contentCoding = text(p);
        case "mimeType" -> entry.contentMimeType = text(p);
        default -> p.skipChildren();
      }
    }
  }

  /**
   * {@code [{"name": ..., "value": ...}, ...]}, also used for form params. HTTP/2 pseudo-headers
   * ({@code :method}, {@code :path}, ...) are implied by the request line: left out of headers.
   */
  private static void headers(JsonParser p, List<Header> headers, boolean http) {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      p.skipChildren();
      return;
    }
    while (p.nextToken() == JsonToken.START_OBJECT) {
      String name = null;
      String value = "";
      while (p.nextToken() == JsonToken.PROPERTY_NAME) {
        String field = p.currentName();
        p.nextToken();
        switch (field) {
          case "name" -> name = text(p);
          case "value" -> value = text(p);
          default -> p.skipChildren();
        }
      }
      if (name != null && !(http && name.startsWith(":"))) {
        headers.add(new Header(name, value == null ? "" : value));
      }
    }
  }

  private static void tags(JsonParser p, HarEntry entry) {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      p.skipChildren();
      return;
    }
    while (p.nextToken() == JsonToken.PROPERTY_NAME) {
      String name = p.currentName();
      p.nextToken();
      tag(entry, name, text(p));
    }
  }

  private static void tag(HarEntry entry, String name, String value) {
    if (value != null && !value.isEmpty()) {
      entry.tags.put(name, value);
    }
  }

  /** The value as text; null for null; structured values are skipped as null. */
  private static String text(JsonParser p) {
    JsonToken token = p.currentToken();
    if (token == JsonToken.VALUE_STRING) {
      return p.getString();
    }
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    if (token.isStructStart()) {
      p.skipChildren();
      return null;
    }
    return p.getValueAsString();
  }

  /** The UTF-8 bytes of the value as {@link #text} reads it; null for null and structures. */
  private static byte[] bytes(JsonParser p) {
    if (p.currentToken() == JsonToken.VALUE_STRING) {
      return Utf8.encode(p.getStringCharacters(), p.getStringOffset(), p.getStringLength());
    }
    String text = text(p);
    return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
  }

  private static Instant timestamp(JsonParser p) {
    if (p.currentToken() == JsonToken.VALUE_STRING) {
      return Timestamps.parse(p.getStringCharacters(), p.getStringOffset(), p.getStringLength());
    }
    if (p.currentToken().isStructStart()) {
      p.skipChildren();
      return Instant.EPOCH;
    }
    return Timestamps.parse(p.getValueAsString());
  }

  private static int parseInt(String text) {
    try {
      return text == null ? 0 : Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
