package dev.kubereplay.server.replay.generator;

import dev.kubereplay.server.http.ContentCodings;
import dev.kubereplay.server.http.HopByHop;
import dev.kubereplay.server.http.Urls;
import dev.kubereplay.server.replay.compare.ResponseComparison;
import dev.kubereplay.server.traffic.model.Header;
import dev.kubereplay.server.traffic.model.RRPair;
import dev.kubereplay.server.traffic.model.StoredPair;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.Proxy;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.ConnectionPool;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSource;

/**
 * Sends a snapshot's inbound requests at a target, as many virtual users as the plan says, each a
 * thread of its own sending one request after another, paced by the plan's rate and timing; each
 * response is compared with the recorded one as it comes. A failing request fails only itself.
 */
public final class Generator {

  /** Hears of every request as it ends, on the virtual user's thread. */
  @FunctionalInterface
  public interface Listener {
    void finished(Outcome outcome);
  }

  /** The longest response body read; a longer one is cut there and compared as cut. */
  static final long MAX_RESPONSE_BYTES = 64L * 1024 * 1024;

  /** Headers the client sets itself, or that a redacted recording cannot supply. */
  private static final Set<String> NOT_REPLAYED = Set.of("host", "content-length");

  private static final String REDACTED = "-REDACTED-";

  private final ReplayPlan plan;
  private final List<StoredPair> pairs;
  private final Listener listener;
  private final OkHttpClient client;
  private final ResponseComparison comparison;
  private final Pacing pacing;
  private final AtomicLong next = new AtomicLong();
  private final AtomicBoolean stopped = new AtomicBoolean();

  /**
   * @param pairs the inbound pairs, in recorded order
   */
  public Generator(ReplayPlan plan, List<StoredPair> pairs, Listener listener) {
    if (pairs.isEmpty()) {
      throw new IllegalArgumentException("nothing to send");
    }
    this.plan = plan;
    this.pairs = List.copyOf(pairs);
    this.listener = listener;
    this.comparison = plan.comparison() == null ? null : new ResponseComparison(plan.comparison());
    this.pacing = new Pacing(plan, this.pairs);
    this.client =
        new OkHttpClient.Builder()
            .proxy(Proxy.NO_PROXY)
            .connectionPool(new ConnectionPool(plan.virtualUsers(), 1, TimeUnit.MINUTES))
            .connectTimeout(plan.requestTimeout())
            .readTimeout(plan.requestTimeout())
            .callTimeout(plan.requestTimeout())
            .followRedirects(false)
            .followSslRedirects(false)
            .retryOnConnectionFailure(false)
            .build();
  }

  /** Sends everything the plan asks for, then returns; {@link #stop()} ends it early. */
  public void run() throws InterruptedException {
    List<Thread> users = new ArrayList<>();
    pacing.start();
    for (int i = 0; i < plan.virtualUsers(); i++) {
      Thread user = new Thread(this::sendUntilDone, "kubereplay-vu-" + (i + 1));
      user.setDaemon(true);
      users.add(user);
      user.start();
    }
    try {
      for (Thread user : users) {
        user.join();
      }
    } finally {
      stop();
      client.dispatcher().executorService().shutdown();
      client.connectionPool().evictAll();
    }
  }

  /** Stops sending: requests in flight end, no new one starts. */
  public void stop() {
    stopped.set(true);
  }

  /** Whether {@link #stop()} ended the run before everything was sent. */
  public boolean stoppedEarly() {
    return stopped.get() && !pacing.done(next.get());
  }

  private void sendUntilDone() {
    while (!stopped.get()) {
      long index = next.getAndIncrement();
      if (pacing.done(index)) {
        return;
      }
      try {
        pacing.await(index, stopped);
      } catch (InterruptedException e) {
        return;
      }
      if (stopped.get() || pacing.done(index)) {
        return;
      }
      listener.finished(send(pairs.get((int) (index % pairs.size()))));
    }
  }

  private Outcome send(StoredPair stored) {
    RRPair pair = stored.pair();
    String endpoint = pair.method().toUpperCase(Locale.ROOT) + " " + stored.pathTemplate();
    HttpUrl url = url(pair.url());
    Request request = request(pair, url);
    long started = System.nanoTime();
    try (Response response = client.newCall(request).execute()) {
      byte[] body = read(response.body().source());
      long latency = System.nanoTime() - started;
      if (comparison == null) {
        return new Outcome(
            stored.id(),
            endpoint,
            url.toString(),
            latency,
            response.code(),
            null,
            List.of(),
            List.of());
      }
      List<Header> headers = new ArrayList<>();
      response.headers().forEach(h -> headers.add(new Header(h.getFirst(), h.getSecond())));
      ResponseComparison.Result result =
          comparison.compare(
              pair.status(),
              pair.responseHeaders(),
              plain(pair.responseBody(), pair.responseBodyEncoding()),
              response.code(),
              headers,
              plain(body, response.header("Content-Encoding")));
      return new Outcome(
          stored.id(),
          endpoint,
          url.toString(),
          latency,
          response.code(),
          null,
          result.mismatches(),
          result.noise());
    } catch (IOException e) {
      return new Outcome(
          stored.id(), endpoint, url.toString(), -1, 0, failure(e), List.of(), List.of());
    }
  }

  private HttpUrl url(String recorded) {
    String path = Urls.path(recorded);
    String query = Urls.query(recorded);
    String base = plan.target().toString();
    if (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    return HttpUrl.get(base + path + (query == null || query.isEmpty() ? "" : "?" + query));
  }

  private Request request(RRPair pair, HttpUrl url) {
    Request.Builder request = new Request.Builder().url(url);
    List<String> connection = new ArrayList<>();
    for (Header header : pair.requestHeaders()) {
      if (header.name().equalsIgnoreCase("connection")) {
        connection.add(header.value());
      }
    }
    HopByHop hopByHop = new HopByHop(connection);
    for (Header header : pair.requestHeaders()) {
      String name = header.name().toLowerCase(Locale.ROOT);
      if (hopByHop.contains(name)
          || NOT_REPLAYED.contains(name)
          || name.startsWith(":")
          || header.value().contains(REDACTED)
          || overridden(name)) {
        continue;
      }
      request.addHeader(header.name(), header.value());
    }
    for (HeaderRule rule : plan.headers()) {
      request.header(rule.name(), rule.value());
    }
    String contentType =
        pair.requestHeaders().stream()
            .filter(h -> h.name().equalsIgnoreCase("content-type"))
            .map(Header::value)
            .findFirst()
            .orElse(null);
    byte[] body = pair.requestBody();
    String method = pair.method().toUpperCase(Locale.ROOT);
    boolean needsBody = method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
    RequestBody requestBody =
        body.length > 0 || needsBody
            ? RequestBody.create(body, contentType == null ? null : MediaType.parse(contentType))
            : null;
    return request.method(method, requestBody).build();
  }

  private boolean overridden(String lowerCaseName) {
    for (HeaderRule rule : plan.headers()) {
      if (rule.name().equalsIgnoreCase(lowerCaseName)) {
        return true;
      }
    }
    return false;
  }

  private static byte[] read(BufferedSource source) throws IOException {
    if (!source.request(MAX_RESPONSE_BYTES)) {
      return source.readByteArray();
    }
    byte[] cut = source.readByteArray(MAX_RESPONSE_BYTES);
    source.close();
    return cut;
  }

  /** The body with its content coding undone, or as it is when it cannot be. */
  private static byte[] plain(byte[] body, String encoding) {
    if (ContentCodings.isIdentity(encoding)) {
      return body;
    }
    ContentCodings.Decoded decoded = ContentCodings.decode(body, encoding);
    return decoded.ok() ? decoded.body() : body;
  }

  static Outcome.Failure failure(IOException e) {
    if (e instanceof ConnectException) {
      return Outcome.Failure.CONNECT;
    }
    if (e instanceof SocketTimeoutException || e instanceof InterruptedIOException) {
      return Outcome.Failure.TIMEOUT;
    }
    String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
    if (message.contains("reset")
        || message.contains("unexpected end of stream")
        || message.contains("broken pipe")) {
      return Outcome.Failure.RESET;
    }
    return Outcome.Failure.OTHER;
  }
}
