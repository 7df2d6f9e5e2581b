package dev.kubereplay.server.traffic.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One recorded request/response pair. Bodies are kept byte for byte as recorded; {@code
 * ...BodyEncoding} names the content coding those bytes are in ({@code gzip}, {@code br}, ...), or
 * is null when they are the plain body (e.g. a HAR file stores bodies already decoded).
 *
 * @param uuid an id from the source when it has one, else null (the store assigns ids)
 * @param direction IN (received by the workload) or OUT (sent by it)
 * @param timestamp when the request started
 * @param durationMillis how long until the response was complete, -1 when unknown
 * @param protocol {@code http} (the only one replayed so far)
 * @param host the service or host the request was sent to, with a port when not the default
 * @param method the HTTP method
 * @param url the full URL, scheme and query included
 * @param httpVersion e.g. {@code HTTP/1.1}, or null
 * @param requestHeaders in order
 * @param requestBody the request body bytes, empty when none
 * @param requestBodyEncoding the content coding of {@code requestBody}, or null
 * @param status the response status, 0 when there is no recorded response (e.g. Postman)
 * @param statusMessage the reason phrase, or null
 * @param responseHeaders in order
 * @param responseBody the response body bytes, empty when none
 * @param responseBodyEncoding the content coding of {@code responseBody}, or null
 * @param tags free-form labels from the source (e.g. a Postman folder, a Speedscale tag)
 */
public record RRPair(
    String uuid,
    Direction direction,
    Instant timestamp,
    long durationMillis,
    String protocol,
    String host,
    String method,
    String url,
    String httpVersion,
    List<Header> requestHeaders,
    byte[] requestBody,
    String requestBodyEncoding,
    int status,
    String statusMessage,
    List<Header> responseHeaders,
    byte[] responseBody,
    String responseBodyEncoding,
    Map<String, String> tags) {

  /** Whether the source recorded a response for this request. */
  public boolean hasResponse() {
    return status > 0;
  }

  /** The same pair in the other direction. */
  public RRPair withDirection(Direction other) {
    return new RRPair(
        uuid,
        other,
        timestamp,
        durationMillis,
        protocol,
        host,
        method,
        url,
        httpVersion,
        requestHeaders,
        requestBody,
        requestBodyEncoding,
        status,
        statusMessage,
        responseHeaders,
        responseBody,
        responseBodyEncoding,
        tags);
  }
}
