package dev.kubereplay.server.traffic.jsonl;

import dev.kubereplay.server.http.Urls;
import dev.kubereplay.server.traffic.ImportException;
import dev.kubereplay.server.traffic.ImportOptions;
import dev.kubereplay.server.traffic.JsonFiles;
import dev.kubereplay.server.traffic.PairSink;
import dev.kubereplay.server.traffic.Sizes;
import dev.kubereplay.server.traffic.TrafficFormat;
import dev.kubereplay.server.traffic.model.Direction;
import dev.kubereplay.server.traffic.model.Header;
import dev.kubereplay.server.traffic.model.RRPair;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;

/**
 * kubereplay JSONL, the native lossless format: an optional header line {@code {"format":
 * "kubereplay-jsonl", "version": 1, ...}}, then one JSON object per line holding every field of a
 * pair, bodies in base64. Export then import gives the same pairs byte for byte.
 *
 * <pre>{"uuid":"…","direction":"OUT","timestamp":"2026-11-25T17:00:00.123456789Z",
 *  "durationMillis":12,"protocol":"http","host":"api.example.test","method":"GET",
 *  "url":"https://api.example.test/users/1","httpVersion":"HTTP/1.1",
 *  "requestHeaders":[["Accept","*&#47;*"]],"requestBody":"","status":200,"statusMessage":"OK",
 *  "responseHeaders":[["Content-Type","application/json"]],"responseBody":"eyJpZCI6MX0=",
 *  "tags":{"service":"shop"}}</pre>
 */
public final class JsonlFormat implements TrafficFormat {

  /** The header line's {@code format} value. */
  public static final String FORMAT = "kubereplay-jsonl";

  @Override
  public String name() {
    return "jsonl";
  }

  /** The header line, or a first object with a direction and a URL but no Speedscale msgType. */
  @Override
  public boolean recognizes(Path file) throws IOException {
    byte[] head;
    try (java.io.InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(1 << 20); // a first line longer than this is not ours to guess at
    }
    int newline = 0;
    while (newline < head.length && head[newline] != '\n') {
      newline++;
    }
    boolean direction = false;
    boolean url = false;
    try (JsonParser p = JsonFiles.parser(java.util.Arrays.copyOf(head, newline))) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return false;
      }
      while (p.nextToken() == JsonToken.PROPERTY_NAME) {
        String name = p.currentName();
        p.nextToken();
        if (name.equals("format")) {
          return FORMAT.equals(p.getValueAsString());
        }
        if (name.equals("msgType")) {
          return false;
        }
        direction |= name.equals("direction");
        url |= name.equals("url");
        p.skipChildren();
      }
    } catch (JacksonException e) {
      // judged on the members read before the line ended or broke
    }
    return direction && url;
  }

  @Override
  public void read(Path file, ImportOptions options, PairSink sink, Cancellation cancelled)
      throws IOException {
    int line = 0;
    try (JsonFiles.CountingInput in = JsonFiles.open(file);
        JsonParser p =
            JsonFiles.factory(options.maxBodyBytes()).createParser(ObjectReadContext.empty(), in)) {
      JsonToken token;
      boolean any = false;
      while ((token = p.nextToken()) != null) {
        if (cancelled.isCancelled()) {
          throw new CancellationException("import of " + file + " cancelled");
        }
        line = p.currentLocation().getLineNr();
        if (token != JsonToken.START_OBJECT) {
          throw new ImportException(
              file, "line " + line, "not kubereplay JSONL: each line must be a JSON object");
        }
        RRPair pair = pair(file, p, line, options);
        if (pair != null) {
          sink.accept("line " + line, pair);
        } else if (!any && line > 1) {
          // a header line after data: tolerated, nothing to keep
        }
        any = true;
        sink.progress(in.count(), in.total());
      }
    } catch (JacksonException e) {
      throw JsonFiles.failure(
          file, e, line > 0 ? "the object starting on line " + line : null, options.maxBodyBytes());
    }
  }

  /** Reads one line's object; null for the header line. */
  private static RRPair pair(Path file, JsonParser p, int line, ImportOptions options) {
    String uuid = null;
    Direction direction = null;
    Instant timestamp = null;
    long duration = -1;
    String protocol = "http";
    String host = null;
    String method = null;
    String url = null;
    String httpVersion = null;
    List<Header> requestHeaders = List.of();
    byte[] requestBody = new byte[0];
    String requestEncoding = null;
    int status = 0;
    String statusMessage = null;
    List<Header> responseHeaders = List.of();
    byte[] responseBody = new byte[0];
    String responseEncoding = null;
    Map<String, String> tags = Map.of();
    boolean header = false;
    String where = "line " + line;
    while (p.nextToken() == JsonToken.PROPERTY_NAME) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      if (value == JsonToken.VALUE_NULL) {
        continue;
      }
      switch (name) {
        case "format" -> {
          if (!FORMAT.equals(p.getValueAsString())) {
            throw new ImportException(
                file, where, "not kubereplay JSONL: format is '" + p.getValueAsString() + "'");
          }
          header = true;
        }
        case "uuid" -> uuid = p.getString();
        case "direction" -> direction = direction(file, where, p.getString());
        case "timestamp" -> timestamp = instant(file, where, p.getString());
        case "durationMillis" -> duration = p.getValueAsLong();
        case "protocol" -> protocol = p.getString();
        case "host" -> host = p.getString();
        case "method" -> method = p.getString();
        case "url" -> url = p.getString();
        case "httpVersion" -> httpVersion = p.getString();
        case "requestHeaders" -> requestHeaders = headers(file, where, p);
        case "requestBody" -> requestBody = body(file, where, "request", p, options);
        case "requestBodyEncoding" -> requestEncoding = p.getString();
        case "status" -> status = p.getValueAsInt();
        case "statusMessage" -> statusMessage = p.getString();
        case "responseHeaders" -> responseHeaders = headers(file, where, p);
        case "responseBody" -> responseBody = body(file, where, "response", p, options);
        case "responseBodyEncoding" -> responseEncoding = p.getString();
        case "tags" -> tags = tags(p);
        default -> p.skipChildren();
      }
    }
    if (header) {
      return null;
    }
    if (url == null || method == null) {
      throw new ImportException(
          file, where, "not kubereplay JSONL: a pair needs a method and a url");
    }
    if (host == null) {
      host = Urls.host(url);
    }
    return new RRPair(
        uuid,
        // a host the file names keeps its spelling; only the lookup reads it in lower case
        direction != null ? direction : options.directionOf(host.toLowerCase(Locale.ROOT)),
        timestamp != null ? timestamp : Instant.EPOCH,
        duration,
        protocol,
        host,
        method,
        url,
        httpVersion,
        requestHeaders,
        requestBody,
        requestEncoding,
        status,
        statusMessage,
        responseHeaders,
        responseBody,
        responseEncoding,
        tags);
  }

  private static Direction direction(Path file, String where, String text) {
    try {
      return Direction.valueOf(text);
    } catch (IllegalArgumentException e) {
      throw new ImportException(file, where, "direction must be IN or OUT, not '" + text + "'");
    }
  }

  private static Instant instant(Path file, String where, String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new ImportException(file, where, "timestamp is not ISO-8601: '" + text + "'");
    }
  }

  private static List<Header> headers(Path file, String where, JsonParser p) {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      throw new ImportException(file, where, "headers must be an array of [name, value] pairs");
    }
    List<Header> headers = new ArrayList<>();
    while (p.nextToken() == JsonToken.START_ARRAY) {
      String name = p.nextStringValue();
      String value = p.nextStringValue();
      if (name == null || value == null || p.nextToken() != JsonToken.END_ARRAY) {
        throw new ImportException(file, where, "a header must be [name, value], two strings");
      }
      headers.add(new Header(name, value));
    }
    return Collections.unmodifiableList(headers);
  }

  private static byte[] body(
      Path file, String where, String which, JsonParser p, ImportOptions options) {
    byte[] body;
    try {
      body = p.getBinaryValue();
    } catch (JacksonException e) {
      if (e instanceof tools.jackson.core.exc.StreamConstraintsException) {
        throw e;
      }
      throw new ImportException(file, where, which + "Body is not base64");
    }
    if (body.length > options.maxBodyBytes()) {
      throw new ImportException(
          file,
          where,
          which
              + " body of "
              + Sizes.human(body.length)
              + " is larger than the limit of "
              + Sizes.human(options.maxBodyBytes())
              + " (raise it with --max-body-size)");
    }
    return body;
  }

  private static Map<String, String> tags(JsonParser p) {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      p.skipChildren();
      return Map.of();
    }
    Map<String, String> tags = new LinkedHashMap<>();
    while (p.nextToken() == JsonToken.PROPERTY_NAME) {
      String name = p.currentName();
      p.nextToken();
      tags.put(name, p.getValueAsString());
    }
    return Collections.unmodifiableMap(tags);
  }
}
