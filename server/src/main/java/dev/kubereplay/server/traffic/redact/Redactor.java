package dev.kubereplay.server.traffic.redact;

import dev.kubereplay.server.http.ContentCodings;
import dev.kubereplay.server.traffic.model.Header;
import dev.kubereplay.server.traffic.model.RRPair;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
 * absent. A body whose coding cannot be undone is stored as it came; when it may hold something
 * readable (a coding kubereplay does not know, or one expanding past the decoding limit) the pair
 * is tagged {@link #KEPT_CODED}. Redacting a redacted pair changes nothing, so a re-import of an
 * export is byte for byte the same.
 */
public final class Redactor {

  /**
   * The tag on a pair a body of which was stored still coded because it could not be decoded (see
   * {@link ContentCodings}); its value says which body and why.
   */
  public static final String KEPT_CODED = "kubereplay.kept-coded";

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
    Map<String, String> tags = tags(pair.tags(), request, response);
    if (url == pair.url()
        && requestHeaders == pair.requestHeaders()
        && responseHeaders == pair.responseHeaders()
        && request.bytes() == pair.requestBody()
        && response.bytes() == pair.responseBody()
        && tags == pair.tags()) {
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
        tags);
  }

  /**
   * A pair's request as messages name it: method and URL without its query (a query may hold
   * credentials, and messages are shown and logged).
   */
  public static String request(RRPair pair) {
    int query = pair.url().indexOf('?');
    return pair.method() + " " + (query < 0 ? pair.url() : pair.url().substring(0, query));
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

  /**
   * A body as it is to be stored, in {@code encoding}; {@code kept} says why a coded body was kept
   * as it came without being read, else null.
   */
  private record Body(byte[] bytes, String encoding, String kept) {}

  /**
   * Coded bodies are decoded through {@link ContentCodings}, the one bounded decoder. One that
   * cannot be decoded — a coding kubereplay does not know, bytes not in their coding, or a body
   * that expands past the decoding limit (a compression bomb) — is stored as it came, still coded,
   * and the pair says so under {@link #KEPT_CODED}: the body is kept rather than lost, the import
   * or recording goes on, and nobody later mistakes it for a body that was checked.
   */
  private Body body(byte[] body, String encoding, String contentType) {
    if (body.length == 0) {
      return new Body(body, encoding, null);
    }
    if (ContentCodings.isIdentity(encoding)) {
      return new Body(plain(body, contentType), encoding, null);
    }
    ContentCodings.Decoded decoded = ContentCodings.decode(body, encoding);
    if (decoded.problem() == ContentCodings.Problem.MALFORMED) {
      return new Body(body, encoding, null); // not in the coding it claims: nothing readable
    }
    if (!decoded.ok()) {
      return new Body(body, encoding, decoded.reason());
    }
    byte[] redacted = plain(decoded.body(), contentType);
    if (redacted == decoded.body()) {
      return new Body(body, encoding, null);
    }
    if (encoding.strip().equalsIgnoreCase("gzip")) {
      return new Body(gzip(redacted), encoding, null);
    }
    return new Body(redacted, null, null);
  }

  /**
   * The pair's tags with {@link #KEPT_CODED} saying why a body was kept coded, unread, or without
   * it when none was (a source's own tag of that name is not taken on trust); the same map when
   * that changes nothing.
   */
  private static Map<String, String> tags(Map<String, String> tags, Body request, Body response) {
    if (request.kept() == null && response.kept() == null) {
      if (tags == null || !tags.containsKey(KEPT_CODED)) {
        return tags;
      }
      Map<String, String> untagged = new LinkedHashMap<>(tags);
      untagged.remove(KEPT_CODED);
      return Collections.unmodifiableMap(untagged);
    }
    StringBuilder why = new StringBuilder();
    for (Body body : List.of(request, response)) {
      if (body.kept() != null) {
        why.append(why.isEmpty() ? "" : "; ")
            .append(body == request ? "request" : "response")
            .append(" body kept ")
            .append(body.encoding().strip())
            .append("-coded, not checked for credentials: ")
            .append(body.kept());
      }
    }
    if (tags != null && why.toString().equals(tags.get(KEPT_CODED))) {
      return tags; // already says so: redacting a redacted pair changes nothing
    }
    Map<String, String> tagged = new LinkedHashMap<>(tags == null ? Map.of() : tags);
    tagged.put(KEPT_CODED, why.toString());
    return Collections.unmodifiableMap(tagged);
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

  private static byte[] gzip(byte[] plain) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream(plain.length / 4 + 64);
      try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
        gzip.write(plain);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // writing to memory does not fail
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
