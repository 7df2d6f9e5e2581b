package dev.kubereplay.server.traffic.record;

import dev.kubereplay.server.http.Urls;
import dev.kubereplay.server.traffic.model.Direction;
import dev.kubereplay.server.traffic.model.Header;
import dev.kubereplay.server.traffic.model.RRPair;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Request;

/**
 * What the proxy learns of one exchange, in the order it learns it, and the pair it becomes. The
 * request is kept as the client sent it (all its headers, {@code Host} included); the response as
 * the upstream sent it.
 */
final class Exchange {

  private final Direction direction;
  private final Instant started;
  private final long startedNanos;
  private final String method;
  private final String httpVersion;
  private final List<Header> headers;
  private String url;
  private byte[] requestBody;

  Exchange(ProxyOptions options, Request request) {
    this.direction = options.forward() ? Direction.OUT : Direction.IN;
    this.started = Instant.now();
    this.startedNanos = System.nanoTime();
    this.method = request.getMethod();
    this.httpVersion = request.getConnectionMetaData().getHttpVersion().asString();
    this.headers = ProxyHandler.headersOf(request.getHeaders());
  }

  void request(String targetUrl, byte[] body) {
    this.url = targetUrl;
    this.requestBody = body;
  }

  String method() {
    return method;
  }

  String url() {
    return url;
  }

  List<Header> headers() {
    return headers;
  }

  byte[] requestBody() {
    return requestBody;
  }

  /** {@code scheme://host:port} of the target, for messages. */
  String origin() {
    int path = url.indexOf('/', url.indexOf("://") + 3);
    return path < 0 ? url : url.substring(0, path);
  }

  /** The pair, timed until now. */
  RRPair pair(
      int status, String statusMessage, List<Header> responseHeaders, byte[] body, String error) {
    long duration = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
    return new RRPair(
        null,
        direction,
        started,
        duration,
        "http",
        Urls.host(url),
        method,
        url,
        httpVersion,
        headers,
        requestBody,
        requestBody.length == 0 ? null : encoding(headers),
        status,
        statusMessage == null || statusMessage.isEmpty() ? null : statusMessage,
        responseHeaders,
        body,
        body.length == 0 ? null : encoding(responseHeaders),
        error == null ? Map.of() : Map.of("kubereplay.error", error));
  }

  private static String encoding(List<Header> headers) {
    return headers.stream()
        .filter(h -> h.name().equalsIgnoreCase("Content-Encoding"))
        .map(h -> h.value().strip().toLowerCase(Locale.ROOT))
        .filter(v -> !v.isEmpty() && !v.equals("identity"))
        .findFirst()
        .orElse(null);
  }
}
