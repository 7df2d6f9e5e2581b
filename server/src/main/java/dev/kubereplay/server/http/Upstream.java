package dev.kubereplay.server.http;

import dev.kubereplay.server.traffic.model.Header;
import java.io.IOException;
import java.net.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import okhttp3.Headers;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Sends a recorded request on with OkHttp, as the client sent it. OkHttp adds {@code
 * Accept-Encoding: gzip} (and then decompresses the answer) and a {@code User-Agent} when the
 * caller set none; a network interceptor takes those out again, so the upstream sees what the
 * client sent and the client gets the upstream's bytes unchanged.
 */
public final class Upstream {

  /**
   * Where a {@code Content-Encoding} the client did not ask for travels past OkHttp's transparent
   * decompression; put back under its own name before anyone sees the response.
   */
  public static final String HIDDEN_ENCODING = "X-Kubereplay-Content-Encoding";

  /** Methods OkHttp insists on a body for, even an empty one. */
  private static final Set<String> BODY_REQUIRED =
      Set.of("POST", "PUT", "PATCH", "PROPPATCH", "REPORT", "QUERY");

  /** What the client sent of the headers OkHttp would add on its own. */
  private record Sent(boolean acceptEncoding, boolean userAgent) {}

  private final OkHttpClient client =
      new OkHttpClient.Builder()
          .proxy(Proxy.NO_PROXY) // never through the proxy that this is, nor any other
          .followRedirects(false)
          .followSslRedirects(false)
          .connectTimeout(Duration.ofSeconds(10))
          .readTimeout(Duration.ofMinutes(5))
          .writeTimeout(Duration.ofMinutes(5))
          .addNetworkInterceptor(Upstream::asSent)
          .build();

  /**
   * Sends the request; the caller closes the response.
   *
   * @param headers the end-to-end headers to send ({@code Host} and framing are OkHttp's)
   * @throws IllegalArgumentException when OkHttp cannot send it (a bad URL, a GET with a body)
   */
  public Response send(String method, String url, List<Header> headers, byte[] body)
      throws IOException {
    Headers.Builder sent = new Headers.Builder();
    boolean acceptEncoding = false;
    boolean userAgent = false;
    for (Header header : headers) {
      sent.addUnsafeNonAscii(header.name(), header.value());
      acceptEncoding |= header.name().equalsIgnoreCase("Accept-Encoding");
      userAgent |= header.name().equalsIgnoreCase("User-Agent");
    }
    RequestBody requestBody =
        body.length > 0 || BODY_REQUIRED.contains(method.toUpperCase(Locale.ROOT))
            ? RequestBody.create(body, null)
            : null;
    Request request =
        new Request.Builder()
            .url(url)
            .headers(sent.build())
            .method(method, requestBody)
            .tag(Sent.class, new Sent(acceptEncoding, userAgent))
            .build();
    return client.newCall(request).execute();
  }

  /** Closes pooled connections. */
  public void close() {
    client.connectionPool().evictAll();
  }

  private static Response asSent(Interceptor.Chain chain) throws IOException {
    Request request = chain.request();
    Sent sent = request.tag(Sent.class);
    if (sent == null) {
      return chain.proceed(request);
    }
    Request.Builder asSent = request.newBuilder();
    if (!sent.acceptEncoding()) {
      asSent.removeHeader("Accept-Encoding");
    }
    if (!sent.userAgent()) {
      asSent.removeHeader("User-Agent");
    }
    Response response = chain.proceed(asSent.build());
    List<String> encodings = response.headers("Content-Encoding");
    if (sent.acceptEncoding() || encodings.isEmpty()) {
      return response;
    }
    Response.Builder hidden = response.newBuilder().removeHeader("Content-Encoding");
    encodings.forEach(encoding -> hidden.addHeader(HIDDEN_ENCODING, encoding));
    return hidden.build();
  }
}
