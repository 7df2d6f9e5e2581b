package dev.kubereplay.server.traffic.store;

import dev.kubereplay.server.traffic.JsonFiles;
import dev.kubereplay.server.traffic.model.Direction;
import dev.kubereplay.server.traffic.model.Header;
import dev.kubereplay.server.traffic.model.RRPair;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
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

  private static final byte[] EMPTY_ARRAY = {'[', ']'};

  private PairRows() {}

  static long nanos(Instant instant) {
    return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
  }

  static Instant instant(long nanos) {
    return Instant.ofEpochSecond(
        Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
  }

  /**
   * {@link #headers(List)} as UTF-8 bytes, written directly (no String, no StringBuilder): this
   * runs twice for every pair of an import. {@code scratch} is reused from pair to pair.
   */
  static byte[] headersJson(List<Header> headers, JsonBytes scratch) {
    if (headers.isEmpty()) {
      return EMPTY_ARRAY.clone();
    }
    scratch.clear();
    scratch.append((byte) '[');
    for (int i = 0; i < headers.size(); i++) {
      Header header = headers.get(i);
      if (i > 0) {
        scratch.append((byte) ',');
      }
      scratch.append((byte) '[');
      scratch.quote(header.name());
      scratch.append((byte) ',');
      scratch.quote(header.value());
      scratch.append((byte) ']');
    }
    scratch.append((byte) ']');
    return scratch.toByteArray();
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

  /**
   * A growable UTF-8 buffer for JSON text, reused between rows. {@link #quote} writes what {@link
   * PairRows#quote(StringBuilder, String)} writes, encoded as {@code String.getBytes(UTF_8)} would
   * (escapes are all ASCII, and UTF-8 never puts an ASCII byte inside a multi-byte character).
   */
  static final class JsonBytes {
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private byte[] bytes = new byte[1024];
    private int length;

    void clear() {
      length = 0;
    }

    void append(byte b) {
      if (length == bytes.length) {
        grow(1);
      }
      bytes[length++] = b;
    }

    void quote(String text) {
      byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
      if (length + utf8.length + 2 > bytes.length) {
        grow(utf8.length + 2);
      }
      bytes[length++] = '"';
      int plain = 0;
      while (plain < utf8.length) {
        byte b = utf8[plain];
        if (b == '"' || b == '\\' || (b >= 0 && b < 0x20)) {
          break;
        }
        plain++;
      }
      System.arraycopy(utf8, 0, bytes, length, plain);
      length += plain;
      for (int i = plain; i < utf8.length; i++) {
        byte b = utf8[i];
        switch (b) {
          case '"' -> escape('"');
          case '\\' -> escape('\\');
          case '\n' -> escape('n');
          case '\r' -> escape('r');
          case '\t' -> escape('t');
          default -> {
            if (b >= 0 && b < 0x20) {
              escape('u');
              append((byte) '0');
              append((byte) '0');
              append(HEX[b >> 4]);
              append(HEX[b & 0xf]);
            } else {
              append(b);
            }
          }
        }
      }
      append((byte) '"');
    }

    private void escape(char c) {
      append((byte) '\\');
      append((byte) c);
    }

    byte[] toByteArray() {
      return Arrays.copyOf(bytes, length);
    }

    private void grow(int more) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
    }
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

  /** Reads a row selected with {@link #COLUMNS}. */
  static dev.kubereplay.server.traffic.model.StoredPair pair(ResultSet row) throws SQLException {
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
    return new dev.kubereplay.server.traffic.model.StoredPair(
        row.getLong(1), row.getString(2), row.getString(3), pair);
  }

  private static byte[] bytes(byte[] value) {
    return value == null ? new byte[0] : value;
  }
}
