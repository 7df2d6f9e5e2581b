package dev.kubereplay.server.traffic.model;

import java.util.HexFormat;
import java.util.List;

/**
 * What a mock is matched on: a 128-bit hash of the parts of a request that decide which recorded
 * response answers it. Two requests have the same signature when they have
 *
 * <ul>
 *   <li>the same method, in any case ({@code get} is {@code GET});
 *   <li>the same host, in any case, as {@link RRPair#host()} names it;
 *   <li>the same path, as sent (percent-escapes are not undone, {@code /a%2Fb} is not {@code
 *       /a/b});
 *   <li>the same query fields in any order and however escaped ({@code ?b=2&a=x+y} is {@code
 *       ?a=x%20y&b=2});
 *   <li>the same body once its content codings are undone (gzip, deflate, Brotli; a body that does
 *       not decode, or decodes past 16 MiB, counts as its stored bytes and coding), where a JSON
 *       body ({@code application/json}, {@code *+json}, or no {@code Content-Type} and a body that
 *       starts with {@code {} or {@code [}) counts by meaning: member order, whitespace and string
 *       escapes ignored, numbers as written; and an {@code application/x-www-form-urlencoded} body
 *       counts as fields, as the query does. A body that claims JSON but does not parse counts as
 *       its bytes.
 * </ul>
 *
 * Headers other than {@code Content-Type} do not count. Not a cryptographic hash: recorded requests
 * are not chosen to collide. The store keeps every pair's signature ({@link #bytes()}), so a
 * responder finds the recorded answers to a request by computing the request's signature with
 * {@link #of(String, String, String, List, byte[], String)} and looking it up.
 *
 * @param first the first 64 bits
 * @param second the last 64 bits
 */
public record RequestSignature(long first, long second) {

  /** The length of {@link #bytes()}. */
  public static final int BYTES = 16;

  /** The signature of a recorded pair's request. */
  public static RequestSignature of(RRPair pair) {
    return new RequestSigner().sign(pair);
  }

  /**
   * The signature of a request.
   *
   * @param host the host it was sent to, with its port when not the default ({@code api:8080})
   * @param url the full URL (only its path and query count)
   * @param headers its headers (only {@code Content-Type} counts)
   * @param body the body as sent, empty when none
   * @param bodyEncoding its {@code Content-Encoding}, or null when plain
   */
  public static RequestSignature of(
      String method,
      String host,
      String url,
      List<Header> headers,
      byte[] body,
      String bodyEncoding) {
    return new RequestSigner().sign(method, host, url, headers, body, bodyEncoding);
  }

  /** The signature stored as {@link #bytes()}. */
  public static RequestSignature fromBytes(byte[] bytes) {
    if (bytes == null || bytes.length != BYTES) {
      throw new IllegalArgumentException(
          "a request signature is " + BYTES + " bytes, not " + (bytes == null ? 0 : bytes.length));
    }
    return new RequestSignature(longAt(bytes, 0), longAt(bytes, 8));
  }

  /** The 16 bytes as stored: {@code first} then {@code second}, each little-endian. */
  public byte[] bytes() {
    byte[] out = new byte[BYTES];
    for (int i = 0; i < 8; i++) {
      out[i] = (byte) (first >>> (8 * i));
      out[8 + i] = (byte) (second >>> (8 * i));
    }
    return out;
  }

  /** The bytes in hex, as logs and tests show a signature. */
  @Override
  public String toString() {
    return HexFormat.of().formatHex(bytes());
  }

  private static long longAt(byte[] bytes, int at) {
    long value = 0;
    for (int i = 7; i >= 0; i--) {
      value = (value << 8) | (bytes[at + i] & 0xffL);
    }
    return value;
  }
}
