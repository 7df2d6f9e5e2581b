package dev.kubereplay.server.traffic.postman;

import dev.kubereplay.server.http.Urls;
import dev.kubereplay.server.traffic.ImportException;
import dev.kubereplay.server.traffic.ImportOptions;
import dev.kubereplay.server.traffic.Sizes;
import dev.kubereplay.server.traffic.model.Header;
import dev.kubereplay.server.traffic.model.RRPair;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * A Postman request item as a pair: the request with variables resolved and auth applied, and its
 * first saved example as the response (else none: status 0). Postman keeps no times, so the pairs
 * carry the collection file's modification time.
 */
final class RequestPairs {

  private final Path file;
  private final ImportOptions options;
  private final Variables variables;
  private final Instant fileTime;

  RequestPairs(Path file, ImportOptions options, Variables variables, Instant fileTime) {
    this.file = file;
    this.options = options;
    this.variables = variables;
    this.fileTime = fileTime;
  }

  /**
   * @param where the item, for errors, e.g. {@code item "Orders/Get order"}
   * @param folder the folder path, e.g. {@code Orders/Admin}, or "" at the top
   * @param inherited the auth of the nearest folder (or the collection) that has one, or null
   * @param example the first saved response, or null
   */
  RRPair convert(
      String id,
      String name,
      String where,
      String folder,
      JsonNode request,
      JsonNode inherited,
      JsonNode example) {
    if (request.isString()) {
      request =
          JsonNodeFactory.instance
              .objectNode()
              .put("method", "GET")
              .put("url", request.stringValue());
    }
    String method = variables.resolve(request.path("method").asString("GET"));
    List<Header> headers = headers(request.get("header"), true);
    List<String> extraQuery = new ArrayList<>();
    JsonNode auth = request.hasNonNull("auth") ? request.get("auth") : inherited;
    if (auth != null && "inherit".equals(auth.path("type").asString(""))) {
      auth = inherited;
    }
    String notApplied = Auth.apply(auth, variables, headers, extraQuery);
    String url = PostmanUrl.build(request.get("url"), variables, extraQuery);

    Bodies body = Bodies.of(request.get("body"), variables);
    limit(body.bytes().length, where, "request body");
    if (body.contentType() != null
        && body.bytes().length > 0
        && headers.stream().noneMatch(h -> h.name().equalsIgnoreCase("Content-Type"))) {
      headers.add(new Header("Content-Type", body.contentType()));
    }

    Map<String, String> tags = new LinkedHashMap<>();
    if (!folder.isEmpty()) {
      tags.put("postman.folder", folder);
    }
    if (name != null) {
      tags.put("postman.name", name);
    }
    if (notApplied != null) {
      tags.put("postman.auth", notApplied + " (not applied)");
    }
    if (!body.files().isEmpty()) {
      tags.put("postman.files", String.join(", ", body.files()) + " (not read)");
    }

    int status = 0;
    String statusMessage = null;
    long duration = -1;
    List<Header> responseHeaders = List.of();
    byte[] responseBody = new byte[0];
    if (example != null && example.isObject()) {
      status = example.path("code").asInt(0);
      statusMessage = example.hasNonNull("status") ? example.get("status").asString("") : null;
      duration = example.path("responseTime").asLong(-1);
      responseHeaders = headers(example.get("header"), false);
      JsonNode text = example.get("body");
      responseBody =
          text == null || text.isNull()
              ? new byte[0]
              : text.asString(text.toString()).getBytes(StandardCharsets.UTF_8);
      limit(responseBody.length, where, "example response body");
      if (example.hasNonNull("name")) {
        tags.put("postman.example", example.get("name").asString(""));
      }
    }
    String host = Urls.host(url);
    return new RRPair(
        id,
        options.directionOf(host),
        fileTime,
        duration,
        "http",
        host,
        method.toUpperCase(Locale.ROOT),
        url,
        null,
        headers,
        body.bytes(),
        null,
        status,
        statusMessage,
        responseHeaders,
        responseBody,
        null,
        tags);
  }

  /**
   * Headers: {@code [{key, value, disabled}]}, or the older {@code "Name: value\n..."} text.
   * Request headers are resolved; a saved example's are kept as recorded.
   */
  private List<Header> headers(JsonNode node, boolean resolve) {
    UnaryOperator<String> value = resolve ? variables::resolve : UnaryOperator.identity();
    List<Header> headers = new ArrayList<>();
    if (node == null || node.isNull()) {
      return headers;
    }
    if (node.isString()) {
      for (String line : node.stringValue().split("\r?\n")) {
        int colon = line.indexOf(':');
        if (colon > 0) {
          headers.add(
              new Header(
                  value.apply(line.substring(0, colon).strip()),
                  value.apply(line.substring(colon + 1).strip())));
        }
      }
      return headers;
    }
    for (JsonNode header : node) {
      if (header.path("disabled").asBoolean(false) || !header.hasNonNull("key")) {
        continue;
      }
      headers.add(
          new Header(
              value.apply(header.get("key").asString("")),
              value.apply(header.path("value").asString(""))));
    }
    return headers;
  }

  private void limit(long size, String where, String what) {
    if (size > options.maxBodyBytes()) {
      throw new ImportException(
          file,
          where,
          what
              + " of "
              + Sizes.human(size)
              + " is larger than the limit of "
              + Sizes.human(options.maxBodyBytes()));
    }
  }
}
