package dev.kubereplay.server.traffic.wiremock;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** Reading WireMock's JSON: plain values and the {@code equalTo} matchers that name one value. */
final class Json {

  private Json() {}

  /** A scalar as text, or null for a missing, null or container node. */
  static String text(JsonNode node) {
    return node == null || node.isNull() || !node.isValueNode() ? null : node.asString();
  }

  /** The value a matcher names: {@code "x"} or {@code {"equalTo": "x"}}; else null. */
  static String equalTo(JsonNode matcher) {
    if (matcher == null) {
      return null;
    }
    if (matcher.isValueNode()) {
      return text(matcher);
    }
    return text(matcher.get("equalTo"));
  }

  /**
   * The values a matcher names: one for {@code equalTo}, several for WireMock's multi-value {@code
   * hasExactly} / {@code includes} of {@code equalTo}s; empty when it names none.
   */
  static List<String> equalToValues(JsonNode matcher) {
    List<String> values = new ArrayList<>();
    String single = equalTo(matcher);
    if (single != null) {
      values.add(single);
      return values;
    }
    for (String multi : List.of("hasExactly", "includes")) {
      JsonNode list = matcher == null ? null : matcher.get(multi);
      if (list != null && list.isArray()) {
        for (JsonNode item : list) {
          String value = equalTo(item);
          if (value != null) {
            values.add(value);
          }
        }
      }
    }
    return values;
  }

  /** The fields of an object node, in order; none for anything else. */
  static Set<Map.Entry<String, JsonNode>> fields(JsonNode node) {
    return node == null || !node.isObject() ? Set.of() : node.properties();
  }

  /** What kind of matcher this is, for the list of what a pair left out, e.g. {@code matches}. */
  static String matcherName(JsonNode matcher) {
    if (matcher == null || !matcher.isObject() || matcher.isEmpty()) {
      return "(unknown matcher)";
    }
    List<String> names = new ArrayList<>(matcher.propertyNames());
    names.removeIf(n -> n.equals("caseInsensitive") || n.startsWith("ignore"));
    return names.isEmpty() ? "(unknown matcher)" : String.join("+", names);
  }
}
