package dev.kubereplay.server.replay.responder;

import dev.kubereplay.server.http.HopByHop;
import dev.kubereplay.server.http.Upstream;
import dev.kubereplay.server.http.Urls;
import dev.kubereplay.server.traffic.PairSink;
import dev.kubereplay.server.traffic.Sizes;
import dev.kubereplay.server.traffic.model.Direction;
import dev.kubereplay.server.traffic.model.Header;
import dev.kubereplay.server.traffic.model.RRPair;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends misses on to the real upstream with the recording proxy's client ({@link Upstream}: the
 * request as the app sent it, the answer's bytes unchanged), answers the app with what came back,
 * marked {@code X-Kubereplay-Mock: passthrough}, and hands each complete exchange to a sink as an
 * {@code OUT} pair (a live snapshot, which redacts it as recordings are redacted).
 */
public final class PassthroughCalls implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(PassthroughCalls.class.getName());

  /** What became of a call passed through, for the mock log. */
  public record Passed(String url, int status, String failure, boolean kept) {}

  /** The answer for the app and what to log. */
  record Result(MockAnswer answer, Passed passed) {}

  private final Passthrough settings;
  private final long maxBodyBytes;
  private final PairSink keep;
  private final Upstream upstream = new Upstream();

  /**
   * @param maxBodyBytes the longest answer passed on (it is held whole, as recorded answers are)
   * @param keep where the exchanges go, or null to keep nothing
   */
  public PassthroughCalls(Passthrough settings, long maxBodyBytes, PairSink keep) {
    this.settings = settings;
    this.maxBodyBytes = maxBodyBytes;
    this.keep = keep;
  }

  /**
   * The URL the app meant, or null when it cannot be known: a call that took the mocks for its
   * upstream names only the mocks, unless {@link Passthrough#to()} says where such calls go.
   */
  String target(MockRequest request) {
    String pathQuery = request.path() + (request.query() == null ? "" : "?" + request.query());
    if (request.via() != MockRequest.Via.UPSTREAM) {
      return request.scheme() + "://" + request.authority() + pathQuery;
    }
    if (settings.to() == null) {
      return null;
    }
    String base = settings.to().toString();
    if (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    return base + pathQuery;
  }

  /** Why a call is not passed through, for the miss's body; null when it is. */
  String whyNot(MockRequest request) {
    return target(request) == null
        ? "Not passed through: it came to the mocks as its upstream, so the host it meant is"
            + " unknown; --passthrough-to URL says where to send such calls."
        : null;
  }

  /** Sends the call to {@code url} and answers with what came back, or a 502 saying why not. */
  Result send(MockRequest request, String url) {
    Instant started = Instant.now();
    long startedNanos = System.nanoTime();
    okhttp3.Response response;
    try {
      response =
          upstream.send(request.method(), url, forwardable(request.headers()), request.body());
    } catch (IOException | IllegalArgumentException e) {
      return failed(request, url, "the upstream failed: " + reason(e));
    }
    try (response) {
      byte[] body;
      try (InputStream in = response.body().byteStream()) {
        body = in.readNBytes((int) Math.min(maxBodyBytes + 1, Integer.MAX_VALUE - 8));
      } catch (IOException e) {
        return failed(request, url, "the upstream failed in mid-response: " + reason(e));
      }
      if (body.length > maxBodyBytes) {
        return failed(
            request,
            url,
            "the upstream's answer is over the limit of "
                + Sizes.human(maxBodyBytes)
                + " that the mocks pass on");
      }
      List<Header> headers = new ArrayList<>();
      for (int i = 0; i < response.headers().size(); i++) {
        String name = response.headers().name(i);
        headers.add(
            new Header(
                name.equalsIgnoreCase(Upstream.HIDDEN_ENCODING) ? "Content-Encoding" : name,
                response.headers().value(i)));
      }
      long duration = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
      boolean kept =
          keep(
              new RRPair(
                  null,
                  Direction.OUT,
                  started,
                  duration,
                  "http",
                  Urls.host(url),
                  request.method(),
                  url,
                  "HTTP/1.1",
                  request.headers(),
                  request.body(),
                  request.body().length == 0 ? null : encoding(request.headers()),
                  response.code(),
                  response.message().isEmpty() ? null : response.message(),
                  headers,
                  body,
                  body.length == 0 ? null : encoding(headers),
                  Map.of()));
      List<Header> answered = new ArrayList<>(headers);
      answered.add(new Header(RecordingAnswers.MARK, "passthrough"));
      return new Result(
          new MockAnswer(response.code(), answered, body),
          new Passed(url, response.code(), null, kept));
    }
  }

  private boolean keep(RRPair pair) {
    if (keep == null) {
      return false;
    }
    try {
      keep.accept(pair);
      return true;
    } catch (RuntimeException e) {
      // a store that fails loses that exchange's copy, not the app's answer
      LOG.log(Level.WARNING, "a passed-through call could not be kept", e);
      return false;
    }
  }

  private Result failed(MockRequest request, String url, String reason) {
    if (keep != null) {
      try {
        keep.skip(request.method() + " " + url, reason);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "a passed-through call could not be noted", e);
      }
    }
    MockAnswer answer =
        MockAnswer.text(
            502,
            "kubereplay mocks: no recorded call matches "
                + request.method()
                + " "
                + url
                + ", and passing it through failed: "
                + reason
                + "\n",
            new Header(RecordingAnswers.MARK, "passthrough"));
    return new Result(answer, new Passed(url, 502, reason, false));
  }

  private static String reason(Exception e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  /** End-to-end headers only: no hop-by-hop, and no {@code Host} or framing (OkHttp sets them). */
  private static List<Header> forwardable(List<Header> headers) {
    List<String> connection = new ArrayList<>();
    headers.stream()
        .filter(h -> h.name().equalsIgnoreCase("Connection"))
        .forEach(h -> connection.add(h.value()));
    HopByHop hop = new HopByHop(connection);
    return headers.stream()
        .filter(h -> !hop.contains(h.name()))
        .filter(h -> !h.name().equalsIgnoreCase("Host"))
        .filter(h -> !h.name().equalsIgnoreCase("Content-Length"))
        .filter(h -> !h.name().equalsIgnoreCase("Expect"))
        .toList();
  }

  private static String encoding(List<Header> headers) {
    return headers.stream()
        .filter(h -> h.name().equalsIgnoreCase("Content-Encoding"))
        .map(h -> h.value().strip().toLowerCase(Locale.ROOT))
        .filter(v -> !v.isEmpty() && !v.equals("identity"))
        .findFirst()
        .orElse(null);
  }

  /** Closes the pooled connections to upstreams. */
  @Override
  public void close() {
    upstream.close();
  }
}
