package dev.kubereplay.server.traffic.record;

import dev.kubereplay.server.http.HopByHop;
import dev.kubereplay.server.http.Upstream;
import dev.kubereplay.server.traffic.PairSink;
import dev.kubereplay.server.traffic.Sizes;
import dev.kubereplay.server.traffic.model.Header;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * One exchange through the proxy: read the request, send it on, stream the answer back while
 * keeping a copy, and hand the complete exchange to the sink. Runs on a Jetty thread and blocks.
 */
final class ProxyHandler extends Handler.Abstract {

  private static final Logger LOG = Logger.getLogger(ProxyHandler.class.getName());

  private final ProxyOptions options;
  private final Upstream upstream;
  private final PairSink sink;

  ProxyHandler(ProxyOptions options, Upstream upstream, PairSink sink) {
    this.options = options;
    this.upstream = upstream;
    this.sink = sink;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    Exchange exchange = new Exchange(options, request);
    String method = request.getMethod();
    HttpURI uri = request.getHttpURI();
    String entry = method + " " + uri.asString();
    if (method.equals("CONNECT")) {
      refuse(
          response,
          callback,
          501,
          "kubereplay records plain HTTP only: HTTPS tunnelling (CONNECT "
              + uri.getAuthority()
              + ") is not supported. Send http:// URLs through this proxy.");
      record(() -> sink.skip(entry, "HTTPS tunnelling (CONNECT) is not recorded"));
      return true;
    }
    if (request.getHeaders().contains("Upgrade")) {
      refuse(
          response,
          callback,
          501,
          "kubereplay does not proxy protocol upgrades (Upgrade: "
              + request.getHeaders().get("Upgrade")
              + ").");
      String upgrade = request.getHeaders().get("Upgrade");
      record(() -> sink.skip(entry, "protocol upgrade (Upgrade: " + upgrade + ")"));
      return true;
    }
    String target = target(request, uri);
    if (target == null) {
      refuse(
          response,
          callback,
          400,
          "This is kubereplay's forward proxy: it forwards requests for other hosts, sent to it"
              + " as a proxy (set HTTP_PROXY=http://"
              + Request.getLocalAddr(request)
              + ":"
              + Request.getLocalPort(request)
              + " for the app).");
      record(
          () -> sink.skip(entry, "not a proxy request (a request for the forward proxy itself)"));
      return true;
    }
    byte[] body;
    try (InputStream in = Content.Source.asInputStream(request)) {
      body = in.readNBytes((int) Math.min(options.maxBodyBytes() + 1, Integer.MAX_VALUE - 8));
      if (body.length > options.maxBodyBytes()) {
        refuse(
            response,
            callback,
            413,
            "kubereplay records request bodies up to " + Sizes.human(options.maxBodyBytes()) + ".");
        record(
            () ->
                sink.skip(
                    entry,
                    "request body over the recording limit of "
                        + Sizes.human(options.maxBodyBytes())));
        return true;
      }
    } catch (IOException e) {
      callback.failed(e);
      record(() -> sink.skip(entry, "the client sent an incomplete request: " + e.getMessage()));
      return true;
    }
    exchange.request(target, body);
    forward(exchange, response, callback, entry);
    return true;
  }

  private void forward(Exchange exchange, Response response, Callback callback, String entry) {
    okhttp3.Response answer;
    try {
      answer =
          upstream.send(
              exchange.method(),
              exchange.url(),
              forwardable(exchange.headers()),
              exchange.requestBody());
    } catch (IOException | IllegalArgumentException e) {
      badGateway(exchange, response, callback, e);
      return;
    }
    List<Header> headers = headersOf(answer.headers());
    Capture copy = new Capture(options.maxBodyBytes());
    boolean recorded = false;
    try (answer) {
      response.setStatus(answer.code());
      HopByHop hop = new HopByHop(answer.headers("Connection"));
      for (Header header : headers) {
        if (!hop.contains(header.name())) {
          response.getHeaders().add(header.name(), header.value());
        }
      }
      OutputStream out = Content.Sink.asOutputStream(response);
      InputStream in = answer.body().byteStream();
      byte[] buffer = new byte[16 * 1024];
      while (true) {
        int n;
        try {
          n = in.read(buffer);
        } catch (IOException e) {
          callback.failed(e);
          record(() -> sink.skip(entry, "the upstream failed in mid-response: " + e.getMessage()));
          return;
        }
        if (n < 0) {
          break;
        }
        copy.write(buffer, 0, n);
        out.write(buffer, 0, n);
      }
      // recorded before the response ends: a client that has the whole answer (and a Ctrl-C
      // right after it) finds the exchange already in the recording
      if (copy.overflowed()) {
        record(
            () ->
                sink.skip(
                    entry,
                    "response body over the recording limit of "
                        + Sizes.human(options.maxBodyBytes())
                        + " (passed on, not recorded)"));
      } else {
        record(
            () ->
                sink.accept(
                    exchange.pair(
                        answer.code(), answer.message(), headers, copy.toByteArray(), null)));
      }
      recorded = true;
      out.close();
    } catch (IOException | RuntimeException e) {
      callback.failed(e);
      if (!recorded) {
        record(() -> sink.skip(entry, "the client went away before the response was complete"));
      }
      return;
    }
    callback.succeeded();
  }

  /** A sink that fails loses that exchange's record, not the proxy. */
  private static void record(Runnable recording) {
    try {
      recording.run();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "an exchange could not be recorded", e);
    }
  }

  private void badGateway(Exchange exchange, Response response, Callback callback, Exception e) {
    String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    String message = "kubereplay: the upstream " + exchange.origin() + " failed: " + reason;
    byte[] body = (message + "\n").getBytes(StandardCharsets.UTF_8);
    List<Header> headers =
        List.of(
            new Header("Content-Type", "text/plain; charset=utf-8"),
            new Header("Content-Length", Integer.toString(body.length)));
    response.setStatus(502);
    headers.forEach(h -> response.getHeaders().add(h.name(), h.value()));
    response.write(true, ByteBuffer.wrap(body), callback);
    record(() -> sink.accept(exchange.pair(502, "Bad Gateway", headers, body, message)));
  }

  /** Answers with a plain-text message of kubereplay's own. */
  private static void refuse(Response response, Callback callback, int status, String message) {
    byte[] body = (message + "\n").getBytes(StandardCharsets.UTF_8);
    response.setStatus(status);
    response.getHeaders().put("Content-Type", "text/plain; charset=utf-8");
    response.getHeaders().put("Content-Length", Integer.toString(body.length));
    response.getHeaders().put("Connection", "close");
    response.write(true, ByteBuffer.wrap(body), callback);
  }

  /**
   * The URL to send the request to; null when a forward proxy is asked for itself. Jetty completes
   * an origin-form request target from its {@code Host}, so a plain request to the forward proxy
   * looks like a proxy request for the proxy's own address: sending it on would loop.
   */
  private String target(Request request, HttpURI uri) {
    String pathQuery =
        uri.getPathQuery() == null || uri.getPathQuery().isEmpty() ? "/" : uri.getPathQuery();
    if (options.forward()) {
      if (!uri.isAbsolute() || uri.getHost() == null || isThisProxy(request, uri)) {
        return null;
      }
      return uri.getScheme() + "://" + uri.getAuthority() + pathQuery;
    }
    String base = options.upstream().toString();
    if (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    return base + pathQuery;
  }

  private static boolean isThisProxy(Request request, HttpURI uri) {
    int port =
        uri.getPort() > 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    if (port != Request.getLocalPort(request)) {
      return false;
    }
    try {
      InetAddress host = InetAddress.getByName(uri.getHost());
      return host.isLoopbackAddress()
          || host.isAnyLocalAddress()
          || NetworkInterface.getByInetAddress(host) != null;
    } catch (IOException unknown) {
      return false;
    }
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

  static List<Header> headersOf(HttpFields fields) {
    List<Header> headers = new ArrayList<>(fields.size());
    for (HttpField field : fields) {
      headers.add(new Header(field.getName(), field.getValue()));
    }
    return headers;
  }

  private static List<Header> headersOf(okhttp3.Headers fields) {
    List<Header> headers = new ArrayList<>(fields.size());
    for (int i = 0; i < fields.size(); i++) {
      String name = fields.name(i);
      headers.add(
          new Header(
              name.equalsIgnoreCase(Upstream.HIDDEN_ENCODING) ? "Content-Encoding" : name,
              fields.value(i)));
    }
    return headers;
  }

  /** A copy of the bytes passed on, until it would pass the limit. */
  private static final class Capture extends ByteArrayOutputStream {
    private final long limit;
    private boolean overflowed;

    Capture(long limit) {
      this.limit = limit;
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
      if (overflowed || count + (long) length > limit) {
        overflowed = true;
        reset();
        return;
      }
      super.write(bytes, offset, length);
    }

    boolean overflowed() {
      return overflowed;
    }
  }
}
