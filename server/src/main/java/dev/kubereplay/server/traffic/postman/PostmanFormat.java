package dev.kubereplay.server.traffic.postman;

import dev.kubereplay.server.traffic.ImportException;
import dev.kubereplay.server.traffic.ImportOptions;
import dev.kubereplay.server.traffic.JsonFiles;
import dev.kubereplay.server.traffic.PairSink;
import dev.kubereplay.server.traffic.TrafficFormat;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Postman collections v2.1 (and v2.0): each request becomes a pair, {@code IN} unless its host is
 * an outbound host, with the first saved example as its response or none (status 0). {@code
 * {{variables}}} resolve from the environment file, then the collection's variables; unresolved
 * ones keep their text and are reported once each. The folder path is the tag {@code
 * postman.folder}.
 *
 * <p>Two passes over the file, both streaming: the first checks it and reads what Postman writes
 * after the items (collection variables, collection and folder auth), the second reads the
 * requests.
 */
public final class PostmanFormat implements TrafficFormat {

  private static final long PROGRESS_STEP = 256 * 1024;

  @Override
  public String name() {
    return "postman";
  }

  /**
   * A JSON object whose {@code info} names a Postman collection (its {@code _postman_id}, or a v2
   * {@code schema}), wherever {@code info} stands: generators such as OpenAPI converters write
   * {@code item} first, and a large collection's items can run to megabytes before it.
   */
  @Override
  public boolean recognizes(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      return false;
    }
    try (InputStream in = Files.newInputStream(file);
        JsonParser p =
            JsonFiles.factory(ImportOptions.DEFAULT_MAX_BODY_BYTES)
                .createParser(ObjectReadContext.empty(), in)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return false;
      }
      while (p.nextToken() == JsonToken.PROPERTY_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        if (name.equals("info") && value == JsonToken.START_OBJECT) {
          return namesACollection(p);
        }
        if (name.equals("log")) {
          return false; // a HAR's one key: no need to read its entries
        }
        p.skipChildren();
      }
      return false;
    } catch (JacksonException e) {
      return false;
    }
  }

  private static boolean namesACollection(JsonParser p) {
    while (p.nextToken() == JsonToken.PROPERTY_NAME) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      if (name.equals("_postman_id")) {
        return true;
      }
      if (name.equals("schema")
          && value == JsonToken.VALUE_STRING
          && p.getValueAsString().contains("/json/collection/v2")) {
        return true;
      }
      p.skipChildren();
    }
    return false;
  }

  @Override
  public void read(Path file, ImportOptions options, PairSink sink, Cancellation cancelled)
      throws IOException {
    if (JsonFiles.isStream(file)) {
      // the collection's variables come before its requests are resolved: it is read twice
      throw new ImportException(
          file, "", "a Postman collection is read twice; import it from a file, not a pipe");
    }
    JsonMapper mapper = JsonMapper.builder(JsonFiles.factory(options.maxBodyBytes())).build();
    Map<String, String> environment =
        options.environment() == null ? Map.of() : environment(mapper, options.environment());
    CollectionOutline outline;
    try (JsonFiles.CountingInput in = JsonFiles.open(file);
        JsonParser parser = mapper.createParser(in)) {
      outline = CollectionOutline.read(file, parser);
    } catch (JacksonException e) {
      throw JsonFiles.failure(file, e, null, options.maxBodyBytes());
    }
    Variables variables = new Variables(outline.variables, environment, sink);
    RequestPairs pairs =
        new RequestPairs(file, options, variables, Files.getLastModifiedTime(file).toInstant());
    try (JsonFiles.CountingInput in = JsonFiles.open(file);
        JsonParser parser = mapper.createParser(in)) {
      long[] reported = {0};
      new PostmanItems(
              file,
              outline,
              pairs,
              sink,
              cancelled,
              ignored -> {
                if (in.count() - reported[0] >= PROGRESS_STEP) {
                  reported[0] = in.count();
                  sink.progress(reported[0], in.total());
                }
              })
          .read(parser);
      sink.progress(in.total(), in.total());
    } catch (JacksonException e) {
      throw JsonFiles.failure(file, e, null, options.maxBodyBytes());
    }
  }

  /** An environment file's enabled values: {@code {"values": [{key, value, enabled}]}}. */
  private static Map<String, String> environment(JsonMapper mapper, Path file) throws IOException {
    JsonNode root;
    try (JsonFiles.CountingInput in = JsonFiles.open(file)) {
      root = mapper.readTree(in);
    } catch (JacksonException e) {
      throw JsonFiles.failure(file, e, null, Long.MAX_VALUE);
    }
    JsonNode values = root == null ? null : root.get("values");
    if (values == null || !values.isArray()) {
      throw new ImportException(file, "", "not a Postman environment: no \"values\" array");
    }
    Map<String, String> environment = new LinkedHashMap<>();
    for (JsonNode value : values) {
      String key = value.path("key").asString(null);
      if (key != null && value.path("enabled").asBoolean(true)) {
        JsonNode text = value.get("value");
        environment.put(key, text == null || text.isNull() ? "" : text.asString(text.toString()));
      }
    }
    return environment;
  }
}
