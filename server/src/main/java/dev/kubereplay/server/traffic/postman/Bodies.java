package dev.kubereplay.server.traffic.postman;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Postman request body as the bytes Postman would send, in each of its modes: {@code raw}, {@code
 * urlencoded}, {@code formdata}, {@code file} and {@code graphql}. Files named by a request live on
 * its author's disk and are not read: their parts are empty and the body lists them.
 *
 * @param contentType the type Postman would add when the request has no Content-Type, or null
 * @param files the files left out, as the collection names them
 */
record Bodies(byte[] bytes, String contentType, List<String> files) {

  static final String BOUNDARY = "kubereplay-postman-form-boundary";

  private static final Map<String, String> RAW_TYPES =
      Map.of(
          "json", "application/json",
          "xml", "application/xml",
          "html", "text/html",
          "javascript", "application/javascript",
          "text", "text/plain");

  private static final JsonMapper JSON = JsonMapper.builder().build();

  static Bodies of(JsonNode body, Variables variables) {
    if (body == null || !body.isObject() || body.path("disabled").asBoolean(false)) {
      return none();
    }
    String mode = body.path("mode").asString("");
    return switch (mode) {
      case "raw" -> raw(body, variables);
      case "urlencoded" -> urlencoded(body.get("urlencoded"), variables);
      case "formdata" -> formdata(body.get("formdata"), variables);
      case "file" -> {
        String src = body.path("file").path("src").asString("");
        yield new Bodies(new byte[0], null, src.isEmpty() ? List.of() : List.of(src));
      }
      case "graphql" -> graphql(body.path("graphql"), variables);
      default -> none();
    };
  }

  private static Bodies none() {
    return new Bodies(new byte[0], null, List.of());
  }

  private static Bodies raw(JsonNode body, Variables variables) {
    String text = variables.resolve(body.path("raw").asString(""));
    String language = body.path("options").path("raw").path("language").asString("");
    return new Bodies(
        text.getBytes(StandardCharsets.UTF_8),
        RAW_TYPES.get(language.toLowerCase(Locale.ROOT)),
        List.of());
  }

  private static Bodies urlencoded(JsonNode fields, Variables variables) {
    List<String> pairs = new ArrayList<>();
    for (JsonNode field : enabled(fields)) {
      pairs.add(
          form(variables.resolve(field.path("key").asString("")))
              + "="
              + form(variables.resolve(field.path("value").asString(""))));
    }
    return new Bodies(
        String.join("&", pairs).getBytes(StandardCharsets.UTF_8),
        "application/x-www-form-urlencoded",
        List.of());
  }

  private static Bodies formdata(JsonNode fields, Variables variables) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    List<String> files = new ArrayList<>();
    for (JsonNode field : enabled(fields)) {
      String name = variables.resolve(field.path("key").asString(""));
      StringBuilder part = new StringBuilder();
      part.append("--").append(BOUNDARY).append("\r\n");
      part.append("Content-Disposition: form-data; name=\"").append(quoted(name)).append('"');
      String content = "";
      if (field.path("type").asString("text").equals("file")) {
        JsonNode src = field.get("src");
        String path = src == null ? "" : src.isArray() ? join(src) : src.asString("");
        files.add(path);
        String fileName =
            path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
        part.append("; filename=\"").append(quoted(fileName)).append('"');
      } else {
        content = variables.resolve(field.path("value").asString(""));
      }
      part.append("\r\n");
      String type = field.path("contentType").asString("");
      if (!type.isEmpty()) {
        part.append("Content-Type: ").append(type).append("\r\n");
      }
      part.append("\r\n").append(content).append("\r\n");
      out.writeBytes(part.toString().getBytes(StandardCharsets.UTF_8));
    }
    out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return new Bodies(out.toByteArray(), "multipart/form-data; boundary=" + BOUNDARY, files);
  }

  private static Bodies graphql(JsonNode graphql, Variables variables) {
    ObjectNode payload = JSON.createObjectNode();
    payload.put("query", variables.resolve(graphql.path("query").asString("")));
    String vars = variables.resolve(graphql.path("variables").asString("")).strip();
    if (!vars.isEmpty()) {
      try {
        payload.set("variables", JSON.readTree(vars));
      } catch (tools.jackson.core.JacksonException notJson) {
        payload.put("variables", vars);
      }
    }
    return new Bodies(
        payload.toString().getBytes(StandardCharsets.UTF_8), "application/json", List.of());
  }

  private static List<JsonNode> enabled(JsonNode fields) {
    List<JsonNode> enabled = new ArrayList<>();
    if (fields != null && fields.isArray()) {
      fields.forEach(
          f -> {
            if (!f.path("disabled").asBoolean(false)) {
              enabled.add(f);
            }
          });
    }
    return enabled;
  }

  private static String form(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static String quoted(String text) {
    return text.replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
  }

  private static String join(JsonNode array) {
    List<String> parts = new ArrayList<>();
    array.forEach(p -> parts.add(p.asString("")));
    return String.join(",", parts);
  }
}
