package dev.kubereplay.server.traffic.postman;

import dev.kubereplay.server.http.Urls;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A Postman request URL as one absolute URL: a string, or an object whose parts ({@code protocol},
 * {@code host}, {@code port}, {@code path}, {@code query}) win over its {@code raw} text, because
 * only the parts say which query parameters are disabled and what the {@code :name} path variables
 * are. Variables are resolved after the parts are joined, so {@code {{baseUrl}}} may hold a scheme
 * and a path. A URL without a scheme gets {@code http://}, as Postman sends it.
 */
final class PostmanUrl {

  private PostmanUrl() {}

  /**
   * @param extraQuery query parameters that auth adds ({@code name=value}, already encoded)
   */
  static String build(JsonNode url, Variables variables, List<String> extraQuery) {
    String joined;
    if (url == null || url.isNull()) {
      joined = "";
    } else if (url.isString()) {
      joined = url.stringValue();
    } else if (url.has("host") || url.has("path")) {
      joined = join(url);
    } else {
      joined = url.path("raw").asString("");
    }
    int hash = joined.indexOf('#');
    if (hash >= 0) {
      joined = joined.substring(0, hash);
    }
    String resolved = variables.resolve(joined).strip();
    if (!extraQuery.isEmpty()) {
      resolved += (resolved.contains("?") ? "&" : "?") + String.join("&", extraQuery);
    }
    if (!Urls.isHttp(resolved)) {
      resolved = "http://" + (resolved.startsWith("//") ? resolved.substring(2) : resolved);
    }
    return resolved;
  }

  private static String join(JsonNode url) {
    StringBuilder out = new StringBuilder();
    String protocol = url.path("protocol").asString("");
    if (!protocol.isEmpty()) {
      out.append(protocol).append("://");
    }
    out.append(parts(url.get("host"), "."));
    String port = url.path("port").asString("");
    if (!port.isEmpty()) {
      out.append(':').append(port);
    }
    Map<String, String> pathVariables = new HashMap<>();
    for (JsonNode variable : iterable(url.get("variable"))) {
      String key = variable.path("key").asString(variable.path("id").asString(null));
      if (key != null) {
        pathVariables.put(key, variable.path("value").asString(""));
      }
    }
    List<String> segments = new ArrayList<>();
    JsonNode path = url.get("path");
    if (path != null && path.isString()) {
      String text = path.stringValue();
      segments.addAll(List.of((text.startsWith("/") ? text.substring(1) : text).split("/", -1)));
    } else {
      for (JsonNode segment : iterable(path)) {
        segments.add(
            segment.isObject() ? segment.path("value").asString("") : segment.asString(""));
      }
    }
    for (String segment : segments) {
      if (segment.startsWith(":") && pathVariables.containsKey(segment.substring(1))) {
        segment = pathVariables.get(segment.substring(1));
      }
      out.append('/').append(segment);
    }
    List<String> query = new ArrayList<>();
    for (JsonNode parameter : iterable(url.get("query"))) {
      if (parameter.path("disabled").asBoolean(false)) {
        continue;
      }
      String key = parameter.path("key").asString("");
      JsonNode value = parameter.get("value");
      query.add(value == null || value.isNull() ? key : key + "=" + value.asString(""));
    }
    if (!query.isEmpty()) {
      out.append('?').append(String.join("&", query));
    }
    return out.toString();
  }

  /** {@code host} is an array of labels joined by dots, or a string. */
  private static String parts(JsonNode node, String separator) {
    if (node == null || node.isNull()) {
      return "";
    }
    if (!node.isArray()) {
      return node.asString("");
    }
    List<String> parts = new ArrayList<>();
    node.forEach(part -> parts.add(part.asString("")));
    return String.join(separator, parts);
  }

  private static Iterable<JsonNode> iterable(JsonNode node) {
    return node == null || !node.isArray() ? List.of() : node;
  }
}
