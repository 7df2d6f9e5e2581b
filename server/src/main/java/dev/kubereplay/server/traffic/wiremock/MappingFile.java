package dev.kubereplay.server.traffic.wiremock;

import dev.kubereplay.server.traffic.ImportException;
import dev.kubereplay.server.traffic.ImportOptions;
import dev.kubereplay.server.traffic.JsonFiles;
import dev.kubereplay.server.traffic.PairSink;
import dev.kubereplay.server.traffic.TrafficFormat.Cancellation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * One mapping file, streamed: a single stub mapping, or {@code {"mappings": [...]}} read one
 * mapping at a time.
 */
final class MappingFile {

  /** The fields of a single-mapping file worth keeping; anything else is skipped unread. */
  private static final Set<String> MAPPING_FIELDS =
      Set.of(
          "id",
          "uuid",
          "name",
          "request",
          "response",
          "priority",
          "scenarioName",
          "requiredScenarioState",
          "newScenarioState");

  /** Root fields that show the file is another format, and which. */
  private static final Map<String, String> OTHER_FORMATS =
      Map.of(
          "log", "a HAR file",
          "item", "a Postman collection",
          "info", "a Postman collection",
          "msgType", "a Speedscale snapshot");

  private final Path file;
  private final String name;
  private final Path bodies;
  private final String host;
  private final ImportOptions options;
  private final PairSink sink;
  private final Cancellation cancelled;

  /**
   * @param name the file's name inside an imported folder, for skipped entries; null for a file
   * @param bodies the {@code __files} folder that {@code bodyFileName} is relative to
   */
  MappingFile(
      Path file,
      String name,
      Path bodies,
      String host,
      ImportOptions options,
      PairSink sink,
      Cancellation cancelled) {
    this.file = file;
    this.name = name;
    this.bodies = bodies;
    this.host = host;
    this.options = options;
    this.sink = sink;
    this.cancelled = cancelled;
  }

  void read() throws IOException {
    JsonMapper mapper = JsonMapper.builder(JsonFiles.factory(options.maxBodyBytes())).build();
    StubPairs stubs =
        new StubPairs(
            file, name, bodies, host, options, Files.getLastModifiedTime(file).toInstant());
    try (JsonFiles.CountingInput in = JsonFiles.open(file);
        JsonParser parser = mapper.createParser(in)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new ImportException(file, "", "empty file: no stub mappings");
      }
      if (first != JsonToken.START_OBJECT) {
        throw new ImportException(
            file, at(parser), "not WireMock stub mappings: expected a JSON object");
      }
      ObjectNode single = mapper.createObjectNode();
      boolean wrapped = false;
      while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
        String field = parser.currentName();
        parser.nextToken();
        if (field.equals("mappings")) {
          wrapped = true;
          readMappings(parser, stubs, in);
        } else if (OTHER_FORMATS.containsKey(field)) {
          throw new ImportException(
              file,
              at(parser),
              "not WireMock stub mappings: it looks like " + OTHER_FORMATS.get(field));
        } else if (MAPPING_FIELDS.contains(field)) {
          single.set(field, parser.readValueAsTree());
        } else {
          parser.skipChildren();
        }
      }
      if (parser.nextToken() != null) {
        throw new ImportException(file, at(parser), "unexpected content after the JSON object");
      }
      if (!wrapped) {
        if (!single.has("request") || !single.has("response")) {
          throw new ImportException(
              file,
              "",
              "not a WireMock stub mapping: neither \"mappings\" nor \"request\" and \"response\"");
        }
        checkCancelled();
        stubs.convert(single, 1, sink);
      }
      sink.progress(in.total(), in.total());
    } catch (JacksonException e) {
      throw JsonFiles.failure(file, e, null, options.maxBodyBytes());
    }
  }

  private void readMappings(JsonParser parser, StubPairs stubs, JsonFiles.CountingInput in) {
    if (parser.currentToken() != JsonToken.START_ARRAY) {
      throw new ImportException(file, at(parser), "\"mappings\" is not an array");
    }
    int index = 0;
    JsonToken token;
    while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
      checkCancelled();
      index++;
      if (token != JsonToken.START_OBJECT) {
        throw new ImportException(
            file, at(parser) + ", mapping " + index, "not a stub mapping: expected a JSON object");
      }
      JsonNode mapping = parser.readValueAsTree();
      stubs.convert(mapping, index, sink);
      sink.progress(in.count(), in.total());
    }
  }

  private void checkCancelled() {
    if (cancelled.isCancelled()) {
      throw new CancellationException("import of " + file + " cancelled");
    }
  }

  private static String at(JsonParser parser) {
    TokenStreamLocation location = parser.currentTokenLocation();
    return "line " + location.getLineNr() + ", column " + location.getColumnNr();
  }
}
