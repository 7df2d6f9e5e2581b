package dev.kubereplay.server.replay.match;

import dev.kubereplay.server.http.ContentCodings;
import dev.kubereplay.server.http.Urls;
import dev.kubereplay.server.replay.responder.MockRequest;
import dev.kubereplay.server.traffic.model.Header;
import dev.kubereplay.server.traffic.model.RRPair;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A request as matching sees it, recorded or live: method, host, path, the query as sorted
 * name/values, headers by lower-case name, and the body as JSON values, form fields or bytes.
 *
 * @param host lower case without a default port; null when any host will do (an app that was
 *     pointed at the mocks' own address names no host of its own)
 * @param hostNameOnly whether only the host's name counts, not its port (the port was the mocks')
 */
record RequestView(
    String method,
    String host,
    boolean hostNameOnly,
    String path,
    Map<String, List<String>> query,
    Map<String, List<String>> headers,
    Body body) {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** A body in the form it is compared in. */
  sealed interface Body {
    /** No body. */
    record None() implements Body {}

    record Json(JsonNode tree) implements Body {}

    record Form(Map<String, List<String>> fields) implements Body {}

    record Bytes(byte[] bytes) implements Body {}
  }

  static RequestView of(RRPair pair) {
    String query = Urls.query(pair.url());
    return new RequestView(
        pair.method().toUpperCase(Locale.ROOT),
        hostOf(pair.host()),
        false,
        Urls.path(pair.url()),
        fields(query),
        headers(pair.requestHeaders()),
        body(pair.requestHeaders(), pair.requestBody(), pair.requestBodyEncoding()));
  }

  static RequestView of(MockRequest request) {
    return new RequestView(
        request.method().toUpperCase(Locale.ROOT),
        hostOf(request),
        request.via() == MockRequest.Via.UPSTREAM,
        request.path(),
        fields(request.query()),
        headers(request.headers()),
        body(request.headers(), request.body(), null));
  }

  /** The host a live request is compared by, or null when any host will do. */
  static String hostOf(MockRequest request) {
    boolean ownAddress =
        request.via() == MockRequest.Via.UPSTREAM
            && (request.host().equals("localhost")
                || request.host().startsWith("127.")
                || request.host().equals("::1")
                || request.host().isEmpty());
    // taken for the upstream, the mocks were reached on their own port: only the name counts
    return ownAddress
        ? null
        : request.via() == MockRequest.Via.UPSTREAM ? request.host() : hostOf(request.authority());
  }

  /** {@code host} or {@code host:port}, lower case, without the port when it is 80 or 443. */
  static String hostOf(String authority) {
    if (authority == null) {
      return null;
    }
    String host = authority.toLowerCase(Locale.ROOT);
    if (host.endsWith(":80") || host.endsWith(":443")) {
      host = host.substring(0, host.lastIndexOf(':'));
    }
    return host;
  }

  /** Without the port, for a host taken by name only. */
  static String nameOf(String host) {
    if (host == null || host.startsWith("[")) {
      return host;
    }
    int colon = host.lastIndexOf(':');
    return colon > 0 && host.indexOf(':') == colon ? host.substring(0, colon) : host;
  }

  private static Map<String, List<String>> fields(String encoded) {
    Map<String, List<String>> fields = new TreeMap<>();
    if (encoded == null || encoded.isEmpty()) {
      return fields;
    }
    for (String part : encoded.split("&")) {
      if (part.isEmpty()) {
        continue;
      }
      int equals = part.indexOf('=');
      String name = decode(equals < 0 ? part : part.substring(0, equals));
      String value = equals < 0 ? "" : decode(part.substring(equals + 1));
      fields.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    }
    fields.values().forEach(values -> values.sort(null));
    return fields;
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      return text; // compared as sent
    }
  }

  static Map<String, List<String>> headers(List<Header> headers) {
    Map<String, List<String>> byName = new TreeMap<>();
    for (Header header : headers) {
      byName
          .computeIfAbsent(header.name().toLowerCase(Locale.ROOT), n -> new ArrayList<>())
          .add(header.value());
    }
    return byName;
  }

  private static Body body(List<Header> headers, byte[] bytes, String encoding) {
    if (bytes == null || bytes.length == 0) {
      return new Body.None();
    }
    if (!ContentCodings.isIdentity(encoding)) {
      ContentCodings.Decoded decoded = ContentCodings.decode(bytes, encoding);
      if (!decoded.ok()) {
        return new Body.Bytes(bytes); // kept coded: compared as it was sent
      }
      bytes = decoded.body();
    }
    String type = "";
    for (Header header : headers) {
      if (header.name().equalsIgnoreCase("content-type")) {
        type = header.value().toLowerCase(Locale.ROOT);
      }
    }
    if (type.startsWith("application/x-www-form-urlencoded")) {
      return new Body.Form(fields(new String(bytes, StandardCharsets.UTF_8)));
    }
    if (type.contains("json") || looksLikeJson(bytes)) {
      try {
        return new Body.Json(JSON.readTree(bytes));
      } catch (JacksonException notJson) {
        return new Body.Bytes(bytes);
      }
    }
    return new Body.Bytes(bytes);
  }

  private static boolean looksLikeJson(byte[] bytes) {
    for (byte b : bytes) {
      if (b == '{' || b == '[') {
        return true;
      }
      if (!Character.isWhitespace(b)) {
        return false;
      }
    }
    return false;
  }
}
