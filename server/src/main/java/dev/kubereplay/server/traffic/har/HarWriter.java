package dev.kubereplay.server.traffic.har;

import dev.kubereplay.server.Version;
import dev.kubereplay.server.http.ContentCodings;
import dev.kubereplay.server.http.Urls;
import dev.kubereplay.server.traffic.JsonFiles;
import dev.kubereplay.server.traffic.PairWriter;
import dev.kubereplay.server.traffic.model.Header;
import dev.kubereplay.server.traffic.model.RRPair;
import dev.kubereplay.server.traffic.model.Snapshot;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonGenerator;

/**
 * Writes HAR 1.2 that browsers' and proxies' tools open. UTF-8 bodies are text, others base64. What
 * HAR has no field for is kept in underscore fields ({@code _direction}, {@code _uuid}, {@code
 * _tags}), which kubereplay reads back.
 */
public final class HarWriter implements PairWriter {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private JsonGenerator json;

  @Override
  public String name() {
    return "har";
  }

  @Override
  public void begin(OutputStream out, Snapshot snapshot) {
    json = JsonFiles.generator(out);
    json.writeStartObject();
    json.writeName("log");
    json.writeStartObject();
    json.writeStringProperty("version", "1.2");
    json.writeName("creator");
    json.writeStartObject();
    json.writeStringProperty("name", "kubereplay");
    json.writeStringProperty("version", Version.current());
    json.writeEndObject();
    json.writeStringProperty("comment", "snapshot " + snapshot.id() + ": " + snapshot.name());
    json.writeName("pages");
    json.writeStartArray();
    json.writeEndArray();
    json.writeName("entries");
    json.writeStartArray();
  }

  @Override
  public void write(RRPair pair) {
    json.writeStartObject();
    json.writeStringProperty("startedDateTime", TIME.format(pair.timestamp()));
    json.writeNumberProperty("time", Math.max(0, pair.durationMillis()));
    json.writeName("request");
    json.writeStartObject();
    json.writeStringProperty("method", pair.method());
    json.writeStringProperty("url", pair.url());
    json.writeStringProperty("httpVersion", version(pair.httpVersion()));
    cookies();
    headers(pair.requestHeaders());
    queryString(pair.url());
    if (pair.requestBody().length > 0) {
      json.writeName("postData");
      json.writeStartObject();
      json.writeStringProperty("mimeType", contentType(pair.requestHeaders()));
      body(
          pair.requestBody(),
          pair.requestBodyEncoding(),
          decoded(pair.requestBody(), pair.requestBodyEncoding()));
      json.writeEndObject();
    }
    json.writeNumberProperty("headersSize", -1);
    json.writeNumberProperty("bodySize", pair.requestBody().length);
    json.writeEndObject();
    json.writeName("response");
    json.writeStartObject();
    json.writeNumberProperty("status", pair.status());
    json.writeStringProperty(
        "statusText", pair.statusMessage() == null ? "" : pair.statusMessage());
    json.writeStringProperty("httpVersion", version(pair.httpVersion()));
    cookies();
    headers(pair.responseHeaders());
    json.writeName("content");
    json.writeStartObject();
    byte[] stored = pair.responseBody();
    byte[] decoded = decoded(stored, pair.responseBodyEncoding());
    json.writeNumberProperty("size", decoded == null ? stored.length : decoded.length);
    if (decoded != null && decoded != stored) {
      json.writeNumberProperty("compression", decoded.length - stored.length);
    }
    json.writeStringProperty("mimeType", contentType(pair.responseHeaders()));
    if (stored.length > 0) {
      body(stored, pair.responseBodyEncoding(), decoded);
    }
    json.writeEndObject();
    json.writeStringProperty("redirectURL", header(pair.responseHeaders(), "location"));
    json.writeNumberProperty("headersSize", -1);
    json.writeNumberProperty("bodySize", pair.responseBody().length);
    json.writeEndObject();
    json.writeName("cache");
    json.writeStartObject();
    json.writeEndObject();
    json.writeName("timings");
    json.writeStartObject();
    json.writeNumberProperty("send", 0);
    json.writeNumberProperty("wait", Math.max(0, pair.durationMillis()));
    json.writeNumberProperty("receive", 0);
    json.writeEndObject();
    json.writeStringProperty("_direction", pair.direction().name());
    if (pair.uuid() != null) {
      json.writeStringProperty("_uuid", pair.uuid());
    }
    if (pair.tags() != null && !pair.tags().isEmpty()) {
      json.writeName("_tags");
      json.writeStartObject();
      for (Map.Entry<String, String> tag : pair.tags().entrySet()) {
        json.writeStringProperty(tag.getKey(), tag.getValue());
      }
      json.writeEndObject();
    }
    json.writeEndObject();
  }

  @Override
  public void end() {
    json.writeEndArray();
    json.writeEndObject();
    json.writeEndObject();
    json.flush();
  }

  private void cookies() {
    json.writeName("cookies");
    json.writeStartArray();
    json.writeEndArray();
  }

  private void headers(List<Header> headers) {
    json.writeName("headers");
    json.writeStartArray();
    for (Header header : headers) {
      json.writeStartObject();
      json.writeStringProperty("name", header.name());
      json.writeStringProperty("value", header.value());
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  private void queryString(String url) {
    json.writeName("queryString");
    json.writeStartArray();
    String query = Urls.query(url);
    if (!query.isEmpty()) {
      for (String parameter : query.split("&")) {
        int equals = parameter.indexOf('=');
        json.writeStartObject();
        json.writeStringProperty(
            "name", decode(equals < 0 ? parameter : parameter.substring(0, equals)));
        json.writeStringProperty(
            "value", equals < 0 ? "" : decode(parameter.substring(equals + 1)));
        json.writeEndObject();
      }
    }
    json.writeEndArray();
  }

  /**
   * A HAR body is the decoded content (the headers still name the coding it travelled in): a body
   * stored in its content coding is decoded first. One that cannot be decoded (a coding kubereplay
   * does not know, or one expanding past {@link ContentCodings}' limit: a bomb is never expanded
   * into an export) is written as it is, base64, with its coding in {@code _encoding}, which
   * kubereplay reads back; the export goes on.
   */
  private void body(byte[] stored, String coding, byte[] body) {
    if (body == null) {
      json.writeStringProperty("text", java.util.Base64.getEncoder().encodeToString(stored));
      json.writeStringProperty("encoding", "base64");
      json.writeStringProperty("_encoding", coding);
      return;
    }
    String text = utf8(body);
    if (text != null) {
      json.writeStringProperty("text", text);
    } else {
      json.writeStringProperty("text", java.util.Base64.getEncoder().encodeToString(body));
      json.writeStringProperty("encoding", "base64");
    }
  }

  /** The body with its content coding undone, the same array when it has none, else null. */
  private static byte[] decoded(byte[] stored, String coding) {
    return ContentCodings.isIdentity(coding)
        ? stored
        : ContentCodings.decode(stored, coding).orElse(null);
  }

  /** The body as text when it is valid UTF-8, else null. */
  static String utf8(byte[] body) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return text;
    }
  }

  private static String version(String version) {
    return version == null ? "" : version;
  }

  private static String contentType(List<Header> headers) {
    return header(headers, "content-type");
  }

  private static String header(List<Header> headers, String name) {
    for (Header header : headers) {
      if (header.name().equalsIgnoreCase(name)) {
        return header.value();
      }
    }
    return "";
  }
}
