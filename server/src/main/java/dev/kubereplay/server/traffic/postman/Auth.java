package dev.kubereplay.server.traffic.postman;

import dev.kubereplay.server.traffic.model.Header;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Postman's auth helpers that become a plain header or query parameter: {@code bearer}, {@code
 * basic}, {@code apikey} and {@code oauth2} with an access token. Schemes that sign each request
 * (digest, OAuth 1, AWS, Hawk, NTLM, ...) cannot be computed at import; the pair says so in a tag.
 * A request's own {@code Authorization} header wins over the helper.
 */
final class Auth {

  private Auth() {}

  /**
   * Adds what {@code auth} stands for to the headers or query.
   *
   * @return null when applied (or no auth), else the scheme that was not applied
   */
  static String apply(
      JsonNode auth, Variables variables, List<Header> headers, List<String> extraQuery) {
    if (auth == null || !auth.isObject()) {
      return null;
    }
    String type = auth.path("type").asString("noauth");
    switch (type) {
      case "noauth", "inherit" -> {
        return null;
      }
      case "bearer" -> {
        String token = variables.resolve(param(auth, type, "token"));
        authorization(headers, "Bearer " + (token == null ? "" : token));
        return null;
      }
      case "basic" -> {
        String user = variables.resolve(param(auth, type, "username"));
        String password = variables.resolve(param(auth, type, "password"));
        String credentials = (user == null ? "" : user) + ":" + (password == null ? "" : password);
        authorization(
            headers,
            "Basic "
                + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        return null;
      }
      case "apikey" -> {
        String key = variables.resolve(param(auth, type, "key"));
        String value = variables.resolve(param(auth, type, "value"));
        add(
            "query".equals(param(auth, type, "in")),
            key == null || key.isEmpty() ? "X-API-Key" : key,
            value == null ? "" : value,
            headers,
            extraQuery);
        return null;
      }
      case "oauth2" -> {
        String token = variables.resolve(param(auth, type, "accessToken"));
        if (token == null || token.isEmpty()) {
          return type + " (no access token saved)";
        }
        if ("queryParams".equals(param(auth, type, "addTokenTo"))) {
          add(true, "access_token", token, headers, extraQuery);
        } else {
          String prefix = param(auth, type, "headerPrefix");
          authorization(headers, (prefix == null ? "Bearer" : prefix) + " " + token);
        }
        return null;
      }
      default -> {
        return type;
      }
    }
  }

  private static void add(
      boolean inQuery, String name, String value, List<Header> headers, List<String> extraQuery) {
    if (inQuery) {
      extraQuery.add(
          URLEncoder.encode(name, StandardCharsets.UTF_8)
              + "="
              + URLEncoder.encode(value, StandardCharsets.UTF_8));
    } else if (headers.stream().noneMatch(h -> h.name().equalsIgnoreCase(name))) {
      headers.add(new Header(name, value));
    }
  }

  private static void authorization(List<Header> headers, String value) {
    if (headers.stream().noneMatch(h -> h.name().equalsIgnoreCase("Authorization"))) {
      headers.add(new Header("Authorization", value));
    }
  }

  /** v2.1 keeps parameters as {@code [{key, value}]}; v2.0 as an object. */
  private static String param(JsonNode auth, String type, String key) {
    JsonNode params = auth.get(type);
    if (params == null) {
      return null;
    }
    if (params.isArray()) {
      for (JsonNode param : params) {
        if (key.equals(param.path("key").asString(null))) {
          JsonNode value = param.get("value");
          return value == null || value.isNull() ? null : value.asString(value.toString());
        }
      }
      return null;
    }
    JsonNode value = params.get(key);
    return value == null || value.isNull() ? null : value.asString(value.toString());
  }
}
