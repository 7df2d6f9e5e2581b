package dev.kubereplay.server.traffic.redact;

import dev.kubereplay.server.traffic.ContentCodings;
import dev.kubereplay.server.traffic.Header;
import dev.kubereplay.server.traffic.RRPair;
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
 * Removes credentials from a pair before it is stored. By name: sensitive headers, query and
 * fragment parameters (in the URL and in URL-valued headers such as Referer and Location), keys in
 * JSON bodies (also JSON inside JSON strings), fields of urlencoded and multipart forms (also when
 * no Content-Type says what the body is). By shape ({@code SecretText}), in the URL, every other
 * header and every body that is text: private keys, URL user-info passwords, JWTs, prefixed access
 * keys, card numbers and {@code name=value} credentials. Bodies stored in a content coding are
 * decoded to be checked: a gzip body that needed redaction is coded again; one in another coding
 * (deflate, Brotli — kubereplay has no Brotli encoder) is stored decoded, its body encoding then
 * absent. A body whose coding cannot be undone is stored as it came: there is nothing readable in
 * it to redact. Redacting a redacted pair changes nothing, so a re-import of an export is byte for
 * byte the same.
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

  /** How deep multipart bodies inside multipart bodies are followed. */
  private static final int NESTING = 2;

  private final RedactionRules rules;
  private final JsonRedaction json;
  private final SecretText secrets;
  private final Map<String, Treatment> treatments = new ConcurrentHashMap<>();

  public Redactor(RedactionRules rules) {
    this.rules = rules;
    this.json = new JsonRedaction(rules);
    this.secrets = new SecretText(rules);
  }

  public RedactionRules rules() {
    return rules;
  }

  public RRPair redact(RRPair pair) {
    String url = secrets.redact(QueryRedaction.url(pair.url(), secrets));
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
            case REDACT_QUERY -> secrets.redact(QueryRedaction.url(value, secrets));
            case KEEP -> secrets.redact(value);
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
    return plain(body, contentType, 0);
  }

  /** A decoded body redacted by what it is; {@code body} itself when nothing was redacted. */
  private byte[] plain(byte[] body, String contentType, int nesting) {
    String type = BodyKinds.lower(contentType);
    String boundary = BodyKinds.multipartBoundary(contentType, type, body);
    if (boundary != null) {
      return nesting >= NESTING
          ? body
          : MultipartRedaction.redact(
              body, boundary, rules, (part, partType) -> plain(part, partType, nesting + 1));
    }
    if (BodyKinds.binary(type, body)) {
      return body;
    }
    byte[] structured = body;
    boolean isJson = false;
    if (BodyKinds.form(type, body)) {
      String form = new String(body, StandardCharsets.ISO_8859_1);
      String redacted = QueryRedaction.parameters(form, secrets);
      structured = redacted == form ? body : redacted.getBytes(StandardCharsets.ISO_8859_1);
    } else if (BodyKinds.json(type, body)) {
      isJson = true;
      structured = json.redact(body);
    }
    String text = new String(structured, StandardCharsets.ISO_8859_1); // one char per byte
    String redacted = secrets.redact(text, isJson);
    return redacted == text ? structured : redacted.getBytes(StandardCharsets.ISO_8859_1);
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

  private static String contentType(List<Header> headers) {
    for (Header header : headers) {
      if (header.name().equalsIgnoreCase("content-type")) {
        return header.value();
      }
    }
    return "";
  }
}
