package dev.kubereplay.server.traffic.model;

import dev.kubereplay.server.http.ContentCodings;
import dev.kubereplay.server.http.Urls;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Computes {@link RequestSignature}s, reusing its buffers from one request to the next: for code
 * that signs many requests (an import, a responder's worker). Not thread-safe: one per thread.
 */
public final class RequestSigner {

  /** Bodies that decode past this are signed as stored (a small body can expand enormously). */
  static final long DECODE_LIMIT = 16L * 1024 * 1024;

  private final Murmur3 hash = new Murmur3();
  private final JsonDigest json = new JsonDigest();
  private final FormDigest form = new FormDigest();
  private final long[] part = new long[2];

  /** The signature of a recorded pair's request. */
  public RequestSignature sign(RRPair pair) {
    return sign(
        pair.method(),
        pair.host(),
        pair.url(),
        pair.requestHeaders(),
        pair.requestBody(),
        pair.requestBodyEncoding());
  }

  /** See {@link RequestSignature#of(String, String, String, List, byte[], String)}. */
  public RequestSignature sign(
      String method,
      String host,
      String url,
      List<Header> headers,
      byte[] body,
      String bodyEncoding) {
    hash.reset();
    text(method.toUpperCase(Locale.ROOT));
    text(host.toLowerCase(Locale.ROOT));
    text(Urls.path(url));
    byte[] query = Urls.query(url).getBytes(StandardCharsets.UTF_8);
    form.digest((byte) '?', query, query.length, part);
    hash.update(part[0], part[1]);
    body(contentType(headers), body, bodyEncoding);
    hash.digest(part);
    return new RequestSignature(part[0], part[1]);
  }

  private void body(String mediaType, byte[] stored, String encoding) {
    byte[] body = stored;
    if (!ContentCodings.isIdentity(encoding)) {
      ContentCodings.Decoded decoded = ContentCodings.decode(stored, encoding, DECODE_LIMIT);
      if (!decoded.ok()) {
        hash.update((byte) 'c');
        text(encoding.strip().toLowerCase(Locale.ROOT));
        raw(stored);
        return;
      }
      body = decoded.body();
    }
    if (isJson(mediaType, body) && json.digest(body, 0, body.length, part)) {
      hash.update((byte) 'j').update(part[0], part[1]);
    } else if ("application/x-www-form-urlencoded".equals(mediaType)) {
      form.digest((byte) '&', body, body.length, part);
      hash.update((byte) 'f').update(part[0], part[1]);
    } else {
      hash.update((byte) 'b');
      raw(body);
    }
  }

  private void raw(byte[] body) {
    hash.update(body.length).update(body);
  }

  private void text(String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    hash.update(bytes.length).update(bytes);
  }

  /** The media type of the first {@code Content-Type}, in lower case without parameters. */
  private static String contentType(List<Header> headers) {
    for (Header header : headers) {
      if (header.name().equalsIgnoreCase("Content-Type")) {
        String value = header.value();
        int semicolon = value.indexOf(';');
        return (semicolon < 0 ? value : value.substring(0, semicolon))
            .strip()
            .toLowerCase(Locale.ROOT);
      }
    }
    return null;
  }

  private static boolean isJson(String mediaType, byte[] body) {
    if (mediaType == null) {
      for (byte b : body) {
        if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
          return b == '{' || b == '[';
        }
      }
      return false;
    }
    return mediaType.equals("application/json")
        || mediaType.equals("text/json")
        || mediaType.endsWith("+json");
  }
}
