package dev.kubereplay.server.traffic.redact;

import dev.kubereplay.server.http.ContentCodings;
import dev.kubereplay.server.traffic.model.Header;
import dev.kubereplay.server.traffic.model.RRPair;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Removes credentials from a pair before it is stored: sensitive headers, query parameters (in the
 * URL and in URL-valued headers such as Referer and Location), and keys in JSON and form bodies.
 * Bodies stored in a content coding are decoded to be checked: a gzip body that needed redaction is
 * coded again; one in another coding (deflate, Brotli — kubereplay has no Brotli encoder) is stored
 * decoded, its body encoding then absent. A body whose coding cannot be undone is stored as it
 * came: there is nothing readable in it to redact. Redacting a redacted pair changes nothing, so a
 * re-import of an export is byte for byte the same.
 */
public final class Redactor {

  private static final List<String> URL_HEADERS =
      List.of("referer", "location", "content-location", "origin");

  /** What to do with a header, by name: names repeat in every pair, so decide once per name. */
  private enum Treatment {
    KEEP,
    REDACT,
    REDACT_QUERY
  }

  private final RedactionRules rules;
  private final JsonRedaction json;
  private final Map<String, Treatment> treatments = new ConcurrentHashMap<>();

  public Redactor(RedactionRules rules) {
    this.rules = rules;
    this.json = new JsonRedaction(rules);
  }

  public RedactionRules rules() {
    return rules;
  }

  public RRPair redact(RRPair pair) {
    String url = QueryRedaction.url(pair.url(), rules);
    List<Header> requestHeaders = headers(pair.requestHeaders());
    List<Header> responseHeaders = headers(pair.responseHeaders());
    Body request =
        body(pair.requestBody(), pair.requestBodyEncoding(), contentType(pair.requestHeaders()));
    Body response =
        body(pair.responseBody(), pair.responseBodyEncoding(), contentType(pair.responseHeaders()));
    if (url == pair.url()
        && requestHeaders == pair.requestHeaders()
        && responseHeaders == pair.responseHeaders()
        && request.bytes() == pair.requestBody()
        && response.bytes() == pair.responseBody()) {
      return pair;
    }
    return new RRPair(
        pair.uuid(),
        pair.direction(),
        pair.timestamp(),
        pair.durationMillis(),
        pair.protocol(),
        pair.host(),
        pair.method(),
        url,
        pair.httpVersion(),
        requestHeaders,
        request.bytes(),
        request.encoding(),
        pair.status(),
        pair.statusMessage(),
        responseHeaders,
        response.bytes(),
        response.encoding(),
        pair.tags());
  }

  private List<Header> headers(List<Header> headers) {
    List<Header> result = null;
    for (int i = 0; i < headers.size(); i++) {
      Header header = headers.get(i);
      String value = header.value();
      String redacted =
          switch (treatment(header.name())) {
            case REDACT -> RedactionRules.REDACTED;
            case REDACT_QUERY -> QueryRedaction.url(value, rules);
            case KEEP -> value;
          };
      if (!redacted.equals(value) && result == null) {
        result = new ArrayList<>(headers.subList(0, i));
      }
      if (result != null) {
        result.add(redacted.equals(value) ? header : new Header(header.name(), redacted));
      }
    }
    return result == null ? headers : List.copyOf(result);
  }

  private Treatment treatment(String name) {
    Treatment known = treatments.get(name);
    if (known != null) {
      return known;
    }
    Treatment treatment =
        rules.redactsHeader(name)
            ? Treatment.REDACT
            : URL_HEADERS.contains(name.toLowerCase(Locale.ROOT))
                ? Treatment.REDACT_QUERY
                : Treatment.KEEP;
    if (treatments.size() < 10_000) {
      treatments.put(name, treatment);
    }
    return treatment;
  }

  /** A body as it is to be stored, in {@code encoding}. */
  private record Body(byte[] bytes, String encoding) {}

  private Body body(byte[] body, String encoding, String contentType) {
    if (body.length == 0) {
      return new Body(body, encoding);
    }
    if (ContentCodings.isIdentity(encoding)) {
      return new Body(plain(body, contentType), encoding);
    }
    if (encoding.strip().equalsIgnoreCase("gzip")) {
      return new Body(gzipped(body, contentType), encoding);
    }
    byte[] decoded = ContentCodings.decode(body, encoding).orElse(null);
    if (decoded == null) {
      return new Body(body, encoding); // not in the coding it claims: nothing readable to redact
    }
    byte[] redacted = plain(decoded, contentType);
    return redacted == decoded ? new Body(body, encoding) : new Body(redacted, null);
  }

  private byte[] plain(byte[] body, String contentType) {
    if (contentType.contains("x-www-form-urlencoded")) {
      String form = new String(body, StandardCharsets.ISO_8859_1);
      String redacted = QueryRedaction.parameters(form, rules);
      return redacted == form ? body : redacted.getBytes(StandardCharsets.ISO_8859_1);
    }
    if (contentType.contains("json") || looksLikeJson(body)) {
      return json.redact(body);
    }
    return body;
  }

  private byte[] gzipped(byte[] body, String contentType) {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
      byte[] plain = in.readAllBytes();
      byte[] redacted = plain(plain, contentType);
      if (redacted == plain) {
        return body;
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream(body.length);
      try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
        gzip.write(redacted);
      }
      return out.toByteArray();
    } catch (IOException e) {
      return body; // not really gzip: nothing readable to redact
    }
  }

  private static boolean looksLikeJson(byte[] body) {
    for (byte b : body) {
      if (b == '{' || b == '[') {
        return true;
      }
      if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
        return false;
      }
    }
    return false;
  }

  private static String contentType(List<Header> headers) {
    for (Header header : headers) {
      if (header.name().equalsIgnoreCase("content-type")) {
        return header.value().toLowerCase(Locale.ROOT);
      }
    }
    return "";
  }
}
