package dev.kubereplay.server.traffic.har;

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
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;

/**
 * HAR 1.2 as browsers (Chromium, Firefox), Playwright, mitmproxy and Charles write it, read
 * streaming: one entry in memory at a time. Bodies are kept as the file has them (HAR holds decoded
 * bodies, as text or base64); a body that kubereplay exported still coded names its coding in
 * {@code _encoding} and is stored in it again, to be decoded (bounded) where it is read. Entries
 * that cannot be replayed are skipped with the reason: WebSocket upgrades, aborted requests, URLs
 * that are not HTTP(S).
 */
public final class HarFormat implements TrafficFormat {

  @Override
  public String name() {
    return "har";
  }

  /** A JSON object whose first member is (or soon is) {@code "log": {...}}. */
  @Override
  public boolean recognizes(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file);
        JsonParser p = JsonFiles.factory(1 << 20).createParser(ObjectReadContext.empty(), in)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return false;
      }
      for (int members = 0; members < 8 && p.nextToken() == JsonToken.PROPERTY_NAME; members++) {
        if (p.currentName().equals("log")) {
          return p.nextToken() == JsonToken.START_OBJECT;
        }
        p.nextToken();
        p.skipChildren();
      }
      return false;
    } catch (JacksonException e) {
      return false;
    }
  }

  @Override
  public void read(Path file, ImportOptions options, PairSink sink, Cancellation cancelled)
      throws IOException {
    Position position = new Position();
    try (JsonFiles.CountingInput in = JsonFiles.open(file);
        JsonParser p =
            JsonFiles.factory(options.maxBodyBytes()).createParser(ObjectReadContext.empty(), in)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new ImportException(file, "line 1", "not a HAR file: it is not a JSON object");
      }
      boolean entries = false;
      while (p.nextToken() == JsonToken.PROPERTY_NAME) {
        String name = p.currentName();
        p.nextToken();
        if (name.equals("log") && p.currentToken() == JsonToken.START_OBJECT) {
          entries |= readLog(file, p, in, options, sink, cancelled, position);
        } else {
          p.skipChildren();
        }
      }
      if (!entries) {
        throw new ImportException(file, "", "not a HAR file: there is no log.entries array");
      }
      if (p.nextToken() != null) {
        throw new ImportException(
            file, "line " + p.currentLocation().getLineNr(), "unexpected content after the HAR");
      }
    } catch (JacksonException e) {
      throw JsonFiles.failure(
          file, e, position.entry > 0 ? "entry " + position.entry : null, options.maxBodyBytes());
    }
  }

  private static final class Position {
    int entry;
  }

  private boolean readLog(
      Path file,
      JsonParser p,
      JsonFiles.CountingInput in,
      ImportOptions options,
      PairSink sink,
      Cancellation cancelled,
      Position position) {
    boolean entries = false;
    while (p.nextToken() == JsonToken.PROPERTY_NAME) {
      String name = p.currentName();
      p.nextToken();
      if (!name.equals("entries") || p.currentToken() != JsonToken.START_ARRAY) {
        p.skipChildren();
        continue;
      }
      entries = true;
      JsonToken token;
      while ((token = p.nextToken()) != JsonToken.END_ARRAY) {
        if (cancelled.isCancelled()) {
          throw new CancellationException("import of " + file + " cancelled");
        }
        position.entry++;
        if (token != JsonToken.START_OBJECT) {
          throw new ImportException(
              file,
              "line " + p.currentLocation().getLineNr() + ", entry " + position.entry,
              "an entry must be a JSON object");
        }
        HarEntry entry = HarEntryReader.read(p);
        convert(file, entry, "entry " + position.entry, options, sink);
        sink.progress(in.count(), in.total());
      }
    }
    return entries;
  }

  private static void convert(
      Path file, HarEntry entry, String where, ImportOptions options, PairSink sink) {
    if (entry.url == null || entry.url.isEmpty()) {
      sink.skip(where, "no request URL");
      return;
    }
    String scheme = Urls.scheme(entry.url);
    if (entry.webSocket || entry.status == 101 || scheme.equals("ws") || scheme.equals("wss")) {
      sink.skip(where, "WebSocket upgrade (" + withoutQuery(entry.url) + ")");
      return;
    }
    if (!Urls.isHttp(entry.url)) {
      sink.skip(
          where, "not an HTTP(S) URL (" + (scheme.isEmpty() ? "no scheme" : scheme + ":") + ")");
      return;
    }
    if (!entry.hasResponse || entry.status <= 0) {
      sink.skip(
          where,
          "aborted request, no response"
              + (entry.error == null || entry.error.isEmpty() ? "" : " (" + entry.error + ")"));
      return;
    }
    String host = Urls.host(entry.url);
    byte[] requestBody = limited(file, where, "request", requestBody(entry), options);
    byte[] responseBody =
        limited(file, where, "response", decode(entry.contentText, entry.contentEncoding), options);
    Direction direction = direction(entry.direction, host, options);
    sink.accept(
        where,
        new RRPair(
            entry.uuid,
            direction,
            entry.started,
            entry.time < 0 ? -1 : Math.round(entry.time),
            "http",
            host,
            entry.method == null || entry.method.isEmpty() ? "GET" : entry.method,
            entry.url,
            version(entry.requestHttpVersion),
            List.copyOf(entry.requestHeaders),
            requestBody,
            coding(entry.postCoding, entry.postEncoding, requestBody),
            entry.status,
            entry.statusText == null || entry.statusText.isEmpty() ? null : entry.statusText,
            List.copyOf(entry.responseHeaders),
            responseBody,
            coding(entry.contentCoding, entry.contentEncoding, responseBody),
            entry.tags.isEmpty() ? Map.of() : Map.copyOf(entry.tags)));
  }

  /**
   * The content coding of a body kubereplay's export kept coded: {@code _encoding}, which it writes
   * only beside base64 (coded bytes are not text).
   */
  private static String coding(String coding, String encoding, byte[] body) {
    return body.length == 0
            || coding == null
            || coding.isBlank()
            || !"base64".equalsIgnoreCase(encoding)
        ? null
        : coding.strip();
  }

  /** Reasons are shown and kept: no query strings (they may hold credentials). */
  private static String withoutQuery(String url) {
    int cut = url.indexOf('?');
    return cut < 0 ? url : url.substring(0, cut);
  }

  private static Direction direction(String recorded, String host, ImportOptions options) {
    if (recorded != null && !options.outboundHosts().contains(host)) {
      try {
        return Direction.valueOf(recorded.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        // not ours: fall back to the options
      }
    }
    return options.directionOf(host);
  }

  private static byte[] requestBody(HarEntry entry) {
    if (entry.postText != null) {
      return decode(entry.postText, entry.postEncoding);
    }
    if (entry.postParams.isEmpty()) {
      return new byte[0];
    }
    StringBuilder form = new StringBuilder();
    for (Header param : entry.postParams) {
      if (form.length() > 0) {
        form.append('&');
      }
      form.append(URLEncoder.encode(param.name(), StandardCharsets.UTF_8));
      form.append('=').append(URLEncoder.encode(param.value(), StandardCharsets.UTF_8));
    }
    return form.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * A body from the UTF-8 bytes of its text. Base64 is decoded from those bytes: the MIME decoder
   * ignores what is not base64 (line breaks; any non-ASCII character, whatever its bytes), so this
   * is what decoding the text itself gives. Text that is not base64 after all is kept as text.
   */
  private static byte[] decode(byte[] text, String encoding) {
    if (text == null || text.length == 0) {
      return new byte[0];
    }
    if (encoding != null && encoding.equalsIgnoreCase("base64")) {
      try {
        return Base64.getMimeDecoder().decode(text);
      } catch (IllegalArgumentException e) {
        return text;
      }
    }
    return text;
  }

  private static byte[] limited(
      Path file, String where, String which, byte[] body, ImportOptions options) {
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

  private static String version(String version) {
    if (version == null || version.isBlank() || version.equalsIgnoreCase("unknown")) {
      return null;
    }
    return version;
  }
}
