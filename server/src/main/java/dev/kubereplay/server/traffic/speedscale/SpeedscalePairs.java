package dev.kubereplay.server.traffic.speedscale;

import dev.kubereplay.server.http.Urls;
import dev.kubereplay.server.traffic.ImportException;
import dev.kubereplay.server.traffic.ImportOptions;
import dev.kubereplay.server.traffic.PairSink;
import dev.kubereplay.server.traffic.Sizes;
import dev.kubereplay.server.traffic.model.Direction;
import dev.kubereplay.server.traffic.model.Header;
import dev.kubereplay.server.traffic.model.RRPair;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** One line of a {@code raw.jsonl} turned into a pair, or skipped with the reason. */
final class SpeedscalePairs {

  /** Top-level fields kept as tags, prefixed {@code speedscale.}; Speedscale's own tags as-is. */
  private static final List<String> CONTEXT_FIELDS =
      List.of("service", "namespace", "cluster", "tech", "resource");

  private final Path file;
  private final ImportOptions options;
  private final Instant fileTime;

  SpeedscalePairs(Path file, ImportOptions options, Instant fileTime) {
    this.file = file;
    this.options = options;
    this.fileTime = fileTime;
  }

  void convert(JsonNode line, String where, PairSink sink) {
    String msgType = text(line.get("msgType"));
    if (!"rrpair".equals(msgType)) {
      sink.skip(
          where,
          msgType == null
              ? "not an RR pair (no msgType)"
              : "not an RR pair (msgType \"" + msgType + "\")");
      return;
    }
    String l7 = text(line.get("l7protocol"));
    String protocol = l7 == null ? "" : l7.toLowerCase(Locale.ROOT);
    if (!protocol.isEmpty() && !protocol.equals("http") && !protocol.equals("https")) {
      sink.skip(where, "not HTTP (l7protocol \"" + l7 + "\"): only HTTP pairs are replayed");
      return;
    }
    JsonNode req = line.path("http").path("req");
    if (!req.isObject()) {
      sink.skip(where, "no HTTP request in the pair (l7protocol \"" + l7 + "\")");
      return;
    }
    Instant timestamp = fileTime;
    String ts = text(line.get("ts"));
    if (ts != null) {
      try {
        timestamp = OffsetDateTime.parse(ts).toInstant();
      } catch (DateTimeParseException e) {
        sink.skip(where, "invalid ts \"" + ts + "\" (expected RFC 3339)");
        return;
      }
    }
    List<Header> requestHeaders = headers(req.get("headers"));
    String url = url(line, req, protocol, requestHeaders);
    String host = Urls.host(url);
    String method = text(req.get("method"));
    if (method == null) {
      method = text(line.get("command"));
    }
    if (method == null) {
      sink.skip(where, "no HTTP method");
      return;
    }
    JsonNode res = line.path("http").path("res");
    boolean decoded = "true".equals(text(line.path("tags").get("decoded")));
    byte[] requestBody;
    byte[] responseBody;
    try {
      requestBody = body(req, where, "request");
      responseBody = res.isObject() ? body(res, where, "response") : new byte[0];
    } catch (IllegalArgumentException e) {
      sink.skip(where, "invalid bodyBase64: " + e.getMessage());
      return;
    }
    List<Header> responseHeaders = headers(res.get("headers"));
    int status = res.path("statusCode").asInt(line.path("status").asInt(0));
    sink.accept(
        where,
        new RRPair(
            text(line.get("uuid")),
            direction(text(line.get("direction")), host),
            timestamp,
            line.path("duration").asLong(-1),
            "http",
            host,
            method.toUpperCase(Locale.ROOT),
            url,
            httpVersion(text(req.get("version"))),
            requestHeaders,
            requestBody,
            encoding(requestHeaders, requestBody, decoded),
            status,
            statusMessage(text(res.get("statusMessage")), status),
            responseHeaders,
            responseBody,
            encoding(responseHeaders, responseBody, decoded),
            tags(line)));
  }

  private Direction direction(String value, String host) {
    if (value != null) {
      try {
        return Direction.valueOf(value.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException unknown) {
        // falls back to the import's outbound hosts, as for formats without a direction
      }
    }
    return options.directionOf(host);
  }

  /**
   * {@code req.url} is usually origin-form ({@code /path?q}); the authority comes from the host.
   */
  private static String url(JsonNode line, JsonNode req, String protocol, List<Header> headers) {
    String target = text(req.get("url"));
    if (target == null) {
      target = text(req.get("uri"));
    }
    if (target == null) {
      target = text(line.get("location"));
    }
    if (target == null) {
      target = "/";
    }
    if (Urls.isHttp(target)) {
      return target;
    }
    String authority = text(req.get("host"));
    if (authority == null) {
      authority =
          headers.stream()
              .filter(h -> h.name().equalsIgnoreCase("Host"))
              .map(Header::value)
              .findFirst()
              .orElse(null);
    }
    String address = text(line.get("network_address"));
    if (authority == null && address != null) {
      authority = address.endsWith(":0") ? address.substring(0, address.length() - 2) : address;
    }
    if (authority == null) {
      authority = "unknown";
    }
    String scheme = protocol.equals("https") || authority.endsWith(":443") ? "https" : "http";
    return scheme + "://" + authority + (target.startsWith("/") ? "" : "/") + target;
  }

  private byte[] body(JsonNode message, String where, String which) {
    String base64 = text(message.get("bodyBase64"));
    byte[] bytes;
    if (base64 != null) {
      bytes = Base64.getDecoder().decode(base64);
    } else {
      String plain = text(message.get("body"));
      bytes = plain == null ? new byte[0] : plain.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
    if (bytes.length > options.maxBodyBytes()) {
      throw new ImportException(
          file,
          where,
          which
              + " body of "
              + Sizes.human(bytes.length)
              + " is larger than the limit of "
              + Sizes.human(options.maxBodyBytes()));
    }
    return bytes;
  }

  /** Speedscale headers are {@code name -> [values]}; one header line per value, in order. */
  private static List<Header> headers(JsonNode node) {
    List<Header> headers = new ArrayList<>();
    if (node == null || !node.isObject()) {
      return headers;
    }
    for (Map.Entry<String, JsonNode> entry : node.properties()) {
      JsonNode values = entry.getValue();
      if (values.isArray()) {
        for (JsonNode value : values) {
          headers.add(new Header(entry.getKey(), value.asString("")));
        }
      } else if (!values.isNull()) {
        headers.add(new Header(entry.getKey(), values.asString("")));
      }
    }
    return headers;
  }

  /**
   * The content coding the recorded bytes are in. Speedscale usually stores bodies decoded (its
   * {@code decoded} tag) while keeping the {@code Content-Encoding} header; gzip is also checked by
   * its magic bytes.
   */
  private static String encoding(List<Header> headers, byte[] body, boolean decoded) {
    if (decoded || body.length == 0) {
      return null;
    }
    String coding =
        headers.stream()
            .filter(h -> h.name().equalsIgnoreCase("Content-Encoding"))
            .map(h -> h.value().strip().toLowerCase(Locale.ROOT))
            .findFirst()
            .orElse(null);
    if (coding == null || coding.isEmpty() || coding.equals("identity")) {
      return null;
    }
    boolean gzipMagic = body.length > 1 && (body[0] & 0xff) == 0x1f && (body[1] & 0xff) == 0x8b;
    if ((coding.equals("gzip") || coding.equals("x-gzip")) && !gzipMagic) {
      return null;
    }
    return coding;
  }

  /** Go writes {@code "200 OK"}; the pair keeps the reason phrase alone. */
  private static String statusMessage(String message, int status) {
    if (message == null) {
      return null;
    }
    String prefix = status + " ";
    return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
  }

  private static String httpVersion(String version) {
    if (version == null || version.isBlank()) {
      return null;
    }
    if (version.regionMatches(true, 0, "HTTP/", 0, 5)) {
      return version.toUpperCase(Locale.ROOT);
    }
    return switch (version) {
      case "2", "2.0" -> "HTTP/2";
      case "3", "3.0" -> "HTTP/3";
      default -> "HTTP/" + version;
    };
  }

  private static Map<String, String> tags(JsonNode line) {
    Map<String, String> tags = new LinkedHashMap<>();
    JsonNode source = line.get("tags");
    if (source != null && source.isObject()) {
      for (Map.Entry<String, JsonNode> tag : source.properties()) {
        JsonNode value = tag.getValue();
        tags.put(tag.getKey(), value.isValueNode() ? value.asString("") : value.toString());
      }
    }
    for (String field : CONTEXT_FIELDS) {
      String value = text(line.get(field));
      if (value != null && !value.isEmpty() && !value.equals("undefined")) {
        tags.put("speedscale." + field, value);
      }
    }
    return tags;
  }

  private static String text(JsonNode node) {
    return node == null || node.isNull() || !node.isValueNode() ? null : node.asString();
  }
}
