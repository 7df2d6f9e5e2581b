package dev.kubereplay.server.traffic.postman;

import dev.kubereplay.server.traffic.ImportException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;

/**
 * What a collection says about its requests from elsewhere in the file, read in a first pass over
 * it: Postman writes {@code variable} and {@code auth} after {@code item}, and a folder's {@code
 * auth} after its items, so they must be known before the requests are read. Holds the collection
 * variables and auth, and each folder's name and auth by its position among all items (pre-order);
 * nothing of the requests. The pass also checks that the whole file is a well-formed collection.
 */
final class CollectionOutline {

  /** A folder: its name, and its auth, or null when it inherits. */
  record Folder(String name, JsonNode auth) {}

  /** Root fields that show the file is another format, and which. */
  private static final Map<String, String> OTHER_FORMATS =
      Map.of(
          "log", "it looks like a HAR file",
          "mappings", "it looks like WireMock stub mappings",
          "request", "it looks like a WireMock stub mapping",
          "msgType", "it looks like a Speedscale snapshot",
          "values", "it looks like a Postman environment: give it as the environment instead");

  final Map<String, String> variables = new LinkedHashMap<>();
  final Map<Integer, Folder> folders = new HashMap<>();
  JsonNode auth;
  String name;
  private int items;

  static CollectionOutline read(Path file, JsonParser parser) {
    CollectionOutline outline = new CollectionOutline();
    JsonToken first = parser.nextToken();
    if (first == null) {
      throw new ImportException(file, "", "empty file: no collection");
    }
    if (first != JsonToken.START_OBJECT) {
      throw new ImportException(
          file, at(parser), "not a Postman collection: expected a JSON object");
    }
    boolean hasItems = false;
    while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      switch (field) {
        case "info" -> outline.info(file, parser, parser.readValueAsTree());
        case "item" -> {
          hasItems = true;
          outline.items(file, parser, value);
        }
        case "variable" -> outline.variables(parser.readValueAsTree());
        case "auth" -> outline.auth = parser.readValueAsTree();
        default -> {
          if (OTHER_FORMATS.containsKey(field)) {
            throw new ImportException(
                file, at(parser), "not a Postman collection: " + OTHER_FORMATS.get(field));
          }
          parser.skipChildren();
        }
      }
    }
    if (parser.nextToken() != null) {
      throw new ImportException(file, at(parser), "unexpected content after the collection");
    }
    if (!hasItems) {
      throw new ImportException(file, "", "not a Postman collection: no \"item\" array");
    }
    return outline;
  }

  private void info(Path file, JsonParser parser, JsonNode info) {
    name = info.path("name").asString(null);
    String schema = info.path("schema").asString("");
    if (schema.contains("/collection/v1")) {
      throw new ImportException(
          file, at(parser), "Postman collection v1 is not supported: export it as v2.1");
    }
  }

  private void items(Path file, JsonParser parser, JsonToken array) {
    if (array != JsonToken.START_ARRAY) {
      throw new ImportException(file, at(parser), "\"item\" is not an array");
    }
    JsonToken token;
    while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
      if (token != JsonToken.START_OBJECT) {
        throw new ImportException(file, at(parser), "an item is not a JSON object");
      }
      int index = items++;
      String folderName = null;
      JsonNode folderAuth = null;
      boolean folder = false;
      while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        switch (field) {
          case "name" -> {
            folderName = value.isScalarValue() ? parser.getValueAsString() : null;
            parser.skipChildren();
          }
          case "auth" -> folderAuth = parser.readValueAsTree();
          case "item" -> {
            folder = true;
            items(file, parser, value);
          }
          default -> parser.skipChildren();
        }
      }
      if (folder) {
        folders.put(index, new Folder(folderName == null ? "(unnamed)" : folderName, folderAuth));
      }
    }
  }

  private void variables(JsonNode list) {
    for (JsonNode variable : list) {
      String key = variable.path("key").asString(variable.path("id").asString(null));
      if (key != null && !variable.path("disabled").asBoolean(false)) {
        JsonNode value = variable.get("value");
        variables.put(key, value == null || value.isNull() ? "" : value.asString(value.toString()));
      }
    }
  }

  static String at(JsonParser parser) {
    TokenStreamLocation location = parser.currentTokenLocation();
    return "line " + location.getLineNr() + ", column " + location.getColumnNr();
  }
}
