package dev.kubereplay.server.traffic.postman;

import dev.kubereplay.server.traffic.PairSink;
import dev.kubereplay.server.traffic.TrafficFormat.Cancellation;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.StringJoiner;
import java.util.concurrent.CancellationException;
import java.util.function.LongConsumer;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;

/**
 * The second pass: walks the items streaming, folder by folder, and hands each request item to
 * {@link RequestPairs}. Only one request (and its first example) is held at a time; other examples
 * are skipped unread.
 */
final class PostmanItems {

  private final Path file;
  private final CollectionOutline outline;
  private final RequestPairs pairs;
  private final PairSink sink;
  private final Cancellation cancelled;
  private final LongConsumer progress;
  private final Deque<CollectionOutline.Folder> folders = new ArrayDeque<>();
  private int items;

  PostmanItems(
      Path file,
      CollectionOutline outline,
      RequestPairs pairs,
      PairSink sink,
      Cancellation cancelled,
      LongConsumer progress) {
    this.file = file;
    this.outline = outline;
    this.pairs = pairs;
    this.sink = sink;
    this.cancelled = cancelled;
    this.progress = progress;
  }

  /** Reads the collection object the parser is about to start; the first pass checked its shape. */
  void read(JsonParser parser) {
    parser.nextToken();
    while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
      String field = parser.currentName();
      parser.nextToken();
      if (field.equals("item")) {
        items(parser);
      } else {
        parser.skipChildren();
      }
    }
  }

  private void items(JsonParser parser) {
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      if (cancelled.isCancelled()) {
        throw new CancellationException("import of " + file + " cancelled");
      }
      int index = items++;
      String id = null;
      String name = null;
      JsonNode request = null;
      JsonNode example = null;
      boolean folder = false;
      while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        switch (field) {
          case "id" -> id = value.isScalarValue() ? parser.getValueAsString() : skip(parser);
          case "name" -> name = value.isScalarValue() ? parser.getValueAsString() : skip(parser);
          case "request" -> request = parser.readValueAsTree();
          case "response" -> example = firstExample(parser, value);
          case "item" -> {
            folder = true;
            folders.addLast(
                outline.folders.getOrDefault(
                    index, new CollectionOutline.Folder("(unnamed)", null)));
            items(parser);
            folders.removeLast();
          }
          default -> parser.skipChildren();
        }
      }
      if (!folder && request != null) {
        String path = folderPath();
        String label = name == null ? "item " + (index + 1) : name;
        String where = "item \"" + (path.isEmpty() ? label : path + "/" + label) + "\"";
        sink.accept(where, pairs.convert(id, name, where, path, request, inheritedAuth(), example));
        progress.accept(0);
      } else if (!folder) {
        sink.skip(
            "item \"" + (name == null ? index + 1 : name) + "\"", "neither a request nor a folder");
      }
    }
  }

  /** The first saved response; the others are skipped without being read into memory. */
  private static JsonNode firstExample(JsonParser parser, JsonToken value) {
    if (value != JsonToken.START_ARRAY) {
      parser.skipChildren();
      return null;
    }
    JsonNode first = null;
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      if (first == null) {
        first = parser.readValueAsTree();
      } else {
        parser.skipChildren();
      }
    }
    return first;
  }

  private String folderPath() {
    StringJoiner path = new StringJoiner("/");
    folders.forEach(f -> path.add(f.name()));
    return path.toString();
  }

  /** The auth of the nearest enclosing folder that sets one, else the collection's. */
  private JsonNode inheritedAuth() {
    Iterator<CollectionOutline.Folder> up = folders.descendingIterator();
    while (up.hasNext()) {
      JsonNode auth = up.next().auth();
      if (auth != null && !"inherit".equals(auth.path("type").asString(""))) {
        return auth;
      }
    }
    return outline.auth;
  }

  private static String skip(JsonParser parser) {
    parser.skipChildren();
    return null;
  }
}
