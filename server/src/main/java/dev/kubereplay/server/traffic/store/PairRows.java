package dev.kubereplay.server.traffic.store;

import dev.kubereplay.server.traffic.Direction;
import dev.kubereplay.server.traffic.Header;
import dev.kubereplay.server.traffic.JsonFiles;
import dev.kubereplay.server.traffic.RRPair;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/** How a pair's fields are kept in {@code rr_pairs}: headers and tags as JSON text, and back. */
final class PairRows {

  /** The columns every pair query selects, in the order {@link #pair} reads them. */
  static final String COLUMNS =
      "id, snapshot_id, path_template, uuid, direction, ts_nanos, duration_millis, protocol, host,"
          + " method, url, http_version, request_headers, request_body, request_body_encoding,"
          + " status, status_message, response_headers, response_body, response_body_encoding,"
          + " tags";

  private PairRows() {}

  static long nanos(Instant instant) {
    return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
  }

  static Instant instant(long nanos) {
    return Instant.ofEpochSecond(
        Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
  }

  /** {@code [["name","value"],...]}, written directly: this runs for every pair of an import. */
  static String headers(List<Header> headers) {
    if (headers.isEmpty()) {
      return "[]";
    }
    StringBuilder json = new StringBuilder(64 * headers.size());
    json.append('[');
    for (int i = 0; i < headers.size(); i++) {
      Header header = headers.get(i);
      json.append(i == 0 ? "[" : ",[");
      quote(json, header.name()).append(',');
      quote(json, header.value()).append(']');
    }
    return json.append(']').toString();
  }

  /** A JSON string literal (RFC 8259 escapes). */
  static StringBuilder quote(StringBuilder json, String text) {
    json.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> json.append("\\\"");
        case '\\' -> json.append("\\\\");
        case '\n' -> json.append("\\n");
        case '\r' -> json.append("\\r");
        case '\t' -> json.append("\\t");
        default -> {
          if (c < 0x20) {
            json.append(String.format("\\u%04x", (int) c));
          } else {
            json.append(c);
          }
        }
      }
    }
    return json.append('"');
  }

  static List<Header> headers(String json) {
    if (json.equals("[]")) {
      return List.of();
    }
    List<Header> headers = new ArrayList<>();
    try (JsonParser parser = JsonFiles.parser(json)) {
      parser.nextToken();
      while (parser.nextToken() == JsonToken.START_ARRAY) {
        String name = parser.nextStringValue();
        String value = parser.nextStringValue();
        parser.nextToken();
        headers.add(new Header(name, value));
      }
    }
    return Collections.unmodifiableList(headers);
  }

  static String tags(Map<String, String> tags) {
    if (tags == null || tags.isEmpty()) {
      return "{}";
    }
    StringBuilder json = new StringBuilder("{");
    for (Map.Entry<String, String> tag : tags.entrySet()) {
      if (json.length() > 1) {
        json.append(',');
      }
      quote(json, tag.getKey()).append(':');
      quote(json, tag.getValue());
    }
    return json.append('}').toString();
  }

  static Map<String, String> tags(String json) {
    if (json.equals("{}")) {
      return Map.of();
    }
    Map<String, String> tags = new LinkedHashMap<>();
    try (JsonParser parser = JsonFiles.parser(json)) {
      parser.nextToken();
      while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
        String name = parser.currentName();
        tags.put(name, parser.nextStringValue());
      }
    }
    return Collections.unmodifiableMap(tags);
  }

  /**
   * What the responder will match a request on: method, host, path, query and body, hashed.
   * Computed once at import so matching never rereads bodies.
   */
  static byte[] signature(MessageDigest sha256, RRPair pair) {
    sha256.reset();
    sha256.update(pair.method().getBytes(StandardCharsets.UTF_8));
    sha256.update((byte) '\n');
    sha256.update(pair.host().getBytes(StandardCharsets.UTF_8));
    sha256.update((byte) '\n');
    sha256.update(pair.url().getBytes(StandardCharsets.UTF_8));
    sha256.update((byte) '\n');
    sha256.update(pair.requestBody());
    return sha256.digest();
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  /** Reads a row selected with {@link #COLUMNS}. */
  static dev.kubereplay.server.traffic.StoredPair pair(ResultSet row) throws SQLException {
    RRPair pair =
        new RRPair(
            row.getString(4),
            Direction.valueOf(row.getString(5)),
            instant(row.getLong(6)),
            row.getLong(7),
            row.getString(8),
            row.getString(9),
            row.getString(10),
            row.getString(11),
            row.getString(12),
            headers(row.getString(13)),
            bytes(row.getBytes(14)),
            row.getString(15),
            row.getInt(16),
            row.getString(17),
            headers(row.getString(18)),
            bytes(row.getBytes(19)),
            row.getString(20),
            tags(row.getString(21)));
    return new dev.kubereplay.server.traffic.StoredPair(
        row.getLong(1), row.getString(2), row.getString(3), pair);
  }

  private static byte[] bytes(byte[] value) {
    return value == null ? new byte[0] : value;
  }
}
