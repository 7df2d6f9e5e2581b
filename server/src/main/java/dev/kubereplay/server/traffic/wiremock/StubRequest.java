package dev.kubereplay.server.traffic.wiremock;

import dev.kubereplay.server.traffic.model.Header;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The request a stub mapping answers, as one concrete request: the method, the URL (a pattern or
 * template kept literally as the path), and the values of its {@code equalTo} matchers. Matchers
 * that do not name one value ({@code matches}, {@code contains}, ...) cannot become a request; they
 * are listed in {@link #ignored()} so the pair can say what it left out.
 *
 * @param match how the stub matches the URL: {@code exact}, {@code pattern}, {@code template} or
 *     {@code any}
 */
record StubRequest(
    String method,
    String url,
    String match,
    List<Header> headers,
    byte[] body,
    List<String> ignored) {

  static StubRequest of(JsonNode request, String defaultHost) {
    List<String> ignored = new ArrayList<>();
    String method = Json.text(request.get("method"));
    method = method == null ? "ANY" : method.toUpperCase(Locale.ROOT);

    String scheme = Json.equalTo(request.get("scheme"));
    String host = Json.equalTo(request.get("host"));
    int port = request.path("port").asInt(-1);
    StringBuilder url = new StringBuilder();
    url.append(scheme == null ? "http" : scheme.toLowerCase(Locale.ROOT)).append("://");
    url.append(host == null ? defaultHost : host);
    if (port > 0) {
      url.append(':').append(port);
    }

    String match = "exact";
    String target;
    if (request.hasNonNull("url")) {
      target = Json.text(request.get("url"));
    } else if (request.hasNonNull("urlPath")) {
      target = Json.text(request.get("urlPath"));
    } else if (request.hasNonNull("urlPathTemplate")) {
      target = Json.text(request.get("urlPathTemplate"));
      match = "template";
    } else if (request.hasNonNull("urlPattern")) {
      target = Json.text(request.get("urlPattern"));
      match = "pattern";
    } else if (request.hasNonNull("urlPathPattern")) {
      target = Json.text(request.get("urlPathPattern"));
      match = "pattern";
    } else {
      target = "/";
      match = "any";
    }
    url.append(target.startsWith("/") ? "" : "/").append(target);
    appendQuery(url, request.get("queryParameters"), ignored);

    List<Header> headers = new ArrayList<>();
    for (Map.Entry<String, JsonNode> header : Json.fields(request.get("headers"))) {
      List<String> values = Json.equalToValues(header.getValue());
      if (values.isEmpty()) {
        ignored.add("header " + header.getKey() + " " + Json.matcherName(header.getValue()));
      }
      values.forEach(value -> headers.add(new Header(header.getKey(), value)));
    }
    List<String> cookies = new ArrayList<>();
    for (Map.Entry<String, JsonNode> cookie : Json.fields(request.get("cookies"))) {
      String value = Json.equalTo(cookie.getValue());
      if (value == null) {
        ignored.add("cookie " + cookie.getKey() + " " + Json.matcherName(cookie.getValue()));
      } else {
        cookies.add(cookie.getKey() + "=" + value);
      }
    }
    if (!cookies.isEmpty()) {
      headers.add(new Header("Cookie", String.join("; ", cookies)));
    }
    JsonNode basic = request.get("basicAuthCredentials");
    if (basic != null && basic.isObject()) {
      String credentials =
          basic.path("username").asString("") + ":" + basic.path("password").asString("");
      headers.add(
          new Header(
              "Authorization",
              "Basic "
                  + Base64.getEncoder()
                      .encodeToString(credentials.getBytes(StandardCharsets.UTF_8))));
    }
    byte[] body = body(request.get("bodyPatterns"), ignored);
    return new StubRequest(method, url.toString(), match, headers, body, ignored);
  }

  private static void appendQuery(StringBuilder url, JsonNode parameters, List<String> ignored) {
    boolean hasQuery = url.indexOf("?") >= 0;
    for (Map.Entry<String, JsonNode> parameter : Json.fields(parameters)) {
      List<String> values = Json.equalToValues(parameter.getValue());
      if (values.isEmpty()) {
        ignored.add("query " + parameter.getKey() + " " + Json.matcherName(parameter.getValue()));
      }
      for (String value : values) {
        url.append(hasQuery ? '&' : '?');
        url.append(encode(parameter.getKey())).append('=').append(encode(value));
        hasQuery = true;
      }
    }
  }

  /** The first body pattern that names a whole body; the others are listed as ignored. */
  private static byte[] body(JsonNode patterns, List<String> ignored) {
    byte[] body = null;
    if (patterns != null && patterns.isArray()) {
      for (JsonNode pattern : patterns) {
        byte[] candidate = null;
        if (pattern.has("equalToJson")) {
          JsonNode json = pattern.get("equalToJson");
          candidate =
              (json.isString() ? json.stringValue() : json.toString())
                  .getBytes(StandardCharsets.UTF_8);
        } else if (pattern.has("equalTo") || pattern.has("equalToXml")) {
          JsonNode text =
              pattern.has("equalTo") ? pattern.get("equalTo") : pattern.get("equalToXml");
          candidate = text.asString("").getBytes(StandardCharsets.UTF_8);
        } else if (pattern.has("binaryEqualTo")) {
          try {
            candidate = Base64.getDecoder().decode(pattern.get("binaryEqualTo").asString(""));
          } catch (IllegalArgumentException invalid) {
            candidate = null; // listed as ignored below
          }
        }
        if (candidate != null && body == null) {
          body = candidate;
        } else {
          ignored.add("body " + Json.matcherName(pattern));
        }
      }
    }
    return body == null ? new byte[0] : body;
  }

  /** Percent-encodes a query name or value, leaving what is safe in a query as it is. */
  static String encode(String value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || "-._~!$'()*,;:@/".indexOf(c) >= 0) {
        out.write(c);
      } else {
        out.writeBytes(String.format("%%%02X", b & 0xff).getBytes(StandardCharsets.US_ASCII));
      }
    }
    return out.toString(StandardCharsets.US_ASCII);
  }
}
