package dev.kubereplay.server.traffic.wiremock;

import dev.kubereplay.server.http.Urls;
import dev.kubereplay.server.traffic.ImportException;
import dev.kubereplay.server.traffic.ImportOptions;
import dev.kubereplay.server.traffic.PairSink;
import dev.kubereplay.server.traffic.Sizes;
import dev.kubereplay.server.traffic.model.Direction;
import dev.kubereplay.server.traffic.model.Header;
import dev.kubereplay.server.traffic.model.RRPair;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A stub mapping as an {@code OUT} pair: its request (see {@link StubRequest}) and the response it
 * serves. Stubs that serve no recorded response (faults, proxies, templated body files) are skipped
 * with the reason. WireMock keeps no times: the pairs carry the mapping file's modification time.
 */
final class StubPairs {

  private final Path file;
  private final String name;
  private final Path bodies;
  private final String host;
  private final ImportOptions options;
  private final Instant fileTime;

  StubPairs(
      Path file, String name, Path bodies, String host, ImportOptions options, Instant fileTime) {
    this.file = file;
    this.name = name;
    this.bodies = bodies;
    this.host = host;
    this.options = options;
    this.fileTime = fileTime;
  }

  void convert(JsonNode mapping, int index, PairSink sink) {
    String label = Json.text(mapping.get("name"));
    String where = "mapping " + index + (label == null ? "" : " (" + label + ")");
    String entry = name == null ? where : name + ", " + where;
    JsonNode request = mapping.get("request");
    JsonNode response = mapping.get("response");
    if (request == null || !request.isObject()) {
      sink.skip(entry, "not a stub mapping (no request)");
      return;
    }
    if (response == null || !response.isObject()) {
      sink.skip(entry, "not a stub mapping (no response)");
      return;
    }
    if (response.hasNonNull("fault")) {
      sink.skip(entry, "a fault stub (" + Json.text(response.get("fault")) + "): no response");
      return;
    }
    if (response.hasNonNull("proxyBaseUrl")) {
      sink.skip(
          entry,
          "a proxy stub (forwards to "
              + Json.text(response.get("proxyBaseUrl"))
              + "): no response");
      return;
    }
    StubRequest stub = StubRequest.of(request, host);
    limit(stub.body().length, where, "request body");

    List<Header> headers = headers(response.get("headers"));
    byte[] body;
    boolean raw = false;
    if (response.hasNonNull("body")) {
      JsonNode text = response.get("body");
      body =
          (text.isString() ? text.stringValue() : text.toString()).getBytes(StandardCharsets.UTF_8);
    } else if (response.hasNonNull("jsonBody")) {
      body = response.get("jsonBody").toString().getBytes(StandardCharsets.UTF_8);
    } else if (response.hasNonNull("base64Body")) {
      try {
        body = Base64.getMimeDecoder().decode(response.get("base64Body").asString(""));
      } catch (IllegalArgumentException e) {
        sink.skip(entry, "invalid base64Body: " + e.getMessage());
        return;
      }
      raw = true;
    } else if (response.hasNonNull("bodyFileName")) {
      String fileName = response.get("bodyFileName").asString("");
      String problem = bodyFileProblem(fileName);
      if (problem != null) {
        sink.skip(entry, problem);
        return;
      }
      body = readBodyFile(fileName, where);
      raw = true;
    } else {
      body = new byte[0];
    }
    limit(body.length, where, "response body");

    Map<String, String> tags = tags(mapping, response, stub);
    sink.accept(
        entry,
        new RRPair(
            Json.text(mapping.has("id") ? mapping.get("id") : mapping.get("uuid")),
            Direction.OUT,
            fileTime,
            delay(response),
            "http",
            Urls.host(stub.url()),
            stub.method(),
            stub.url(),
            null,
            stub.headers(),
            stub.body(),
            null,
            response.path("status").asInt(200),
            Json.text(response.get("statusMessage")),
            headers,
            body,
            raw ? contentEncoding(headers) : null,
            tags));
  }

  /** Why a {@code bodyFileName} cannot be read, or null when it can. */
  private String bodyFileProblem(String fileName) {
    if (fileName.contains("{{")) {
      return "bodyFileName is a template (" + fileName + "): the body depends on the request";
    }
    if (bodies == null || !Files.isDirectory(bodies)) {
      return "bodyFileName " + fileName + " but no __files folder beside the mappings";
    }
    Path body = bodies.resolve(fileName).normalize();
    if (!body.startsWith(bodies.normalize())) {
      return "bodyFileName " + fileName + " points outside __files";
    }
    if (!Files.isRegularFile(body)) {
      return "body file not found: __files/" + fileName;
    }
    return null;
  }

  private byte[] readBodyFile(String fileName, String where) {
    Path body = bodies.resolve(fileName).normalize();
    try {
      limit(Files.size(body), where, "response body __files/" + fileName);
      return Files.readAllBytes(body);
    } catch (IOException e) {
      throw new ImportException(body, "", "cannot read the body file: " + e.getMessage(), e);
    }
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

  /** WireMock response headers: {@code name -> value} or {@code name -> [values]}. */
  private static List<Header> headers(JsonNode node) {
    List<Header> headers = new ArrayList<>();
    for (Map.Entry<String, JsonNode> header : Json.fields(node)) {
      JsonNode value = header.getValue();
      if (value.isArray()) {
        value.forEach(v -> headers.add(new Header(header.getKey(), v.asString(""))));
      } else if (!value.isNull()) {
        headers.add(new Header(header.getKey(), value.asString("")));
      }
    }
    return headers;
  }

  /** Bytes served as they are (base64 or a file) are in the coding their header names. */
  private static String contentEncoding(List<Header> headers) {
    return headers.stream()
        .filter(h -> h.name().equalsIgnoreCase("Content-Encoding"))
        .map(h -> h.value().strip().toLowerCase(Locale.ROOT))
        .filter(v -> !v.isEmpty() && !v.equals("identity"))
        .findFirst()
        .orElse(null);
  }

  /** The stub's delay stands for the dependency's latency: fixed, or a distribution's middle. */
  private static long delay(JsonNode response) {
    if (response.hasNonNull("fixedDelayMilliseconds")) {
      return response.get("fixedDelayMilliseconds").asLong(-1);
    }
    JsonNode distribution = response.get("delayDistribution");
    if (distribution == null || !distribution.isObject()) {
      return -1;
    }
    return switch (distribution.path("type").asString("")) {
      case "fixed" -> distribution.path("milliseconds").asLong(-1);
      case "uniform" ->
          (distribution.path("lower").asLong(0) + distribution.path("upper").asLong(0)) / 2;
      case "lognormal" -> distribution.path("median").asLong(-1);
      default -> -1;
    };
  }

  private Map<String, String> tags(JsonNode mapping, JsonNode response, StubRequest stub) {
    Map<String, String> tags = new LinkedHashMap<>();
    put(tags, "wiremock.name", Json.text(mapping.get("name")));
    put(tags, "wiremock.file", name);
    if (!stub.match().equals("exact")) {
      tags.put("wiremock.match", stub.match());
    }
    put(tags, "wiremock.priority", Json.text(mapping.get("priority")));
    put(tags, "wiremock.scenario", Json.text(mapping.get("scenarioName")));
    put(tags, "wiremock.requiredState", Json.text(mapping.get("requiredScenarioState")));
    put(tags, "wiremock.newState", Json.text(mapping.get("newScenarioState")));
    JsonNode transformers = response.get("transformers");
    if (transformers != null && transformers.isArray() && !transformers.isEmpty()) {
      List<String> names = new ArrayList<>();
      transformers.forEach(t -> names.add(t.asString("")));
      tags.put("wiremock.transformers", String.join(",", names));
    }
    if (!stub.ignored().isEmpty()) {
      tags.put("wiremock.ignored", String.join("; ", stub.ignored()));
    }
    return tags;
  }

  private static void put(Map<String, String> tags, String key, String value) {
    if (value != null) {
      tags.put(key, value);
    }
  }
}
