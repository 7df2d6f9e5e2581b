package dev.kubereplay.server.replay.responder;

import dev.kubereplay.server.http.HopByHop;
import dev.kubereplay.server.traffic.Sizes;
import dev.kubereplay.server.traffic.model.Header;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;

/** Turns what Jetty received into a {@link MockRequest}, and an {@link MockAnswer} into bytes. */
final class MockHandler extends Handler.Abstract {

  private final long maxBodyBytes;
  private final Answers answers;

  MockHandler(long maxBodyBytes, Answers answers) {
    this.maxBodyBytes = maxBodyBytes;
    this.answers = answers;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    HttpURI uri = request.getHttpURI();
    boolean tunnelled = request.isSecure();
    String scheme = tunnelled ? "https" : "http";
    String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    int port = uri.getPort();
    if (port == ("https".equals(scheme) ? 443 : 80)) {
      port = -1;
    }
    MockRequest.Via via =
        tunnelled
            ? MockRequest.Via.CONNECT
            : isProxyRequest(request, uri) ? MockRequest.Via.PROXY : MockRequest.Via.UPSTREAM;
    List<Header> headers = new ArrayList<>();
    for (HttpField field : request.getHeaders()) {
      headers.add(new Header(field.getName(), field.getValue()));
    }
    byte[] body;
    try (InputStream in = Content.Source.asInputStream(request)) {
      body = in.readNBytes((int) Math.min(maxBodyBytes + 1, Integer.MAX_VALUE - 8));
    } catch (IOException e) {
      callback.failed(e); // the client went away mid-request: only its exchange ends
      return true;
    }
    MockAnswer answer;
    if (body.length > maxBodyBytes) {
      answer =
          MockAnswer.text(
              413,
              "kubereplay mocks read request bodies up to "
                  + Sizes.human(maxBodyBytes)
                  + "; this one is longer.\n",
              new Header("X-Kubereplay-Mock", "refused"));
    } else {
      String path = uri.getPath() == null || uri.getPath().isEmpty() ? "/" : uri.getPath();
      answer =
          answers.answer(
              new MockRequest(
                  via,
                  request.getMethod(),
                  scheme,
                  host,
                  port,
                  path,
                  uri.getQuery(),
                  headers,
                  body));
    }
    write(answer, request, response, callback);
    return true;
  }

  /**
   * Whether the app sent this to the mocks as its proxy. Jetty gives origin-form and absolute-form
   * requests the same URL, so the port tells: an app that takes the mocks for its upstream names
   * the mocks' own port (its base URL or host alias leads here); through a proxy it names the port
   * of the host it meant.
   */
  private static boolean isProxyRequest(Request request, HttpURI uri) {
    int port = uri.getPort() > 0 ? uri.getPort() : 80;
    return port != Request.getLocalPort(request);
  }

  private static void write(
      MockAnswer answer, Request request, Response response, Callback callback) {
    response.setStatus(answer.status());
    List<String> connection = new ArrayList<>();
    for (Header header : answer.headers()) {
      if (header.name().equalsIgnoreCase("connection")) {
        connection.add(header.value());
      }
    }
    // one connection's headers are never replayed; the length is the body's, set below
    HopByHop hopByHop = new HopByHop(connection);
    for (Header header : answer.headers()) {
      if (!hopByHop.contains(header.name()) && !header.name().equalsIgnoreCase("content-length")) {
        response.getHeaders().add(header.name(), header.value());
      }
    }
    Scheduler scheduler = request.getComponents().getScheduler();
    if (answer.isEventStream()) {
      // no length: the events go out chunked, each flushed as it comes
      List<ByteBuffer> events = events(answer.body());
      long step = events.isEmpty() ? 0 : answer.delayMillis() / events.size();
      new EventWriter(scheduler, response, events, step, callback).next();
      return;
    }
    response.getHeaders().put("Content-Length", answer.body().length);
    Runnable send = () -> response.write(true, ByteBuffer.wrap(answer.body()), callback);
    if (answer.delayMillis() > 0) {
      // on the scheduler, not a sleeping request thread: slow answers cost no threads
      scheduler.schedule(send, answer.delayMillis(), TimeUnit.MILLISECONDS);
    } else {
      send.run();
    }
  }

  /** A stream's events, each ending after its blank line (the last may be cut short). */
  static List<ByteBuffer> events(byte[] body) {
    List<ByteBuffer> events = new ArrayList<>();
    int start = 0;
    for (int i = 0; i + 1 < body.length; i++) {
      boolean lf = body[i] == '\n' && body[i + 1] == '\n';
      boolean crlf =
          i + 3 < body.length
              && body[i] == '\r'
              && body[i + 1] == '\n'
              && body[i + 2] == '\r'
              && body[i + 3] == '\n';
      if (lf || crlf) {
        int end = i + (lf ? 2 : 4);
        events.add(ByteBuffer.wrap(body, start, end - start));
        start = end;
        i = end - 1;
      }
    }
    if (start < body.length) {
      events.add(ByteBuffer.wrap(body, start, body.length - start));
    }
    return events;
  }

  /** Writes events one after another, each after its share of the delay. */
  private static final class EventWriter {
    private final Scheduler scheduler;
    private final Response response;
    private final List<ByteBuffer> events;
    private final long step;
    private final Callback done;
    private int next;

    EventWriter(
        Scheduler scheduler, Response response, List<ByteBuffer> events, long step, Callback done) {
      this.scheduler = scheduler;
      this.response = response;
      this.events = events;
      this.step = step;
      this.done = done;
    }

    void next() {
      if (next == events.size()) {
        response.write(true, ByteBuffer.allocate(0), done);
        return;
      }
      ByteBuffer event = events.get(next++);
      Runnable send = () -> response.write(false, event, Callback.from(this::next, done::failed));
      if (step > 0) {
        scheduler.schedule(send, step, TimeUnit.MILLISECONDS);
      } else {
        send.run();
      }
    }
  }
}
