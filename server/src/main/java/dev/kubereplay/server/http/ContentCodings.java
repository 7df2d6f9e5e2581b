package dev.kubereplay.server.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import org.brotli.dec.BrotliInputStream;

/**
 * Content codings (the {@code Content-Encoding} of a message): undoing them to read a body that is
 * stored in the coding it was sent in — for redaction, for export to HAR (whose bodies are decoded
 * text) and for showing a pair.
 *
 * <p>Known codings: {@code gzip} ({@code x-gzip}), {@code deflate} (zlib-wrapped as RFC 9110 says,
 * and the raw deflate some servers send), {@code br} and {@code identity}. A list such as {@code
 * gzip, br} names codings in the order they were applied; they are undone last first.
 */
public final class ContentCodings {

  /** Decoded bodies larger than this are not decoded (a small body can expand enormously). */
  public static final long DEFAULT_LIMIT = 64L * 1024 * 1024;

  private ContentCodings() {}

  /** True when {@code encoding} leaves the bytes as they are (absent, empty or identity). */
  public static boolean isIdentity(String encoding) {
    if (encoding == null) {
      return true;
    }
    for (String coding : encoding.split(",")) {
      String name = coding.strip();
      if (!name.isEmpty() && !name.equalsIgnoreCase("identity")) {
        return false;
      }
    }
    return true;
  }

  /**
   * The body with its codings undone; empty when a coding is not known, the bytes are not in the
   * coding they claim, or the decoded body would exceed {@code limit} bytes.
   */
  public static Optional<byte[]> decode(byte[] body, String encoding, long limit) {
    if (isIdentity(encoding)) {
      return Optional.of(body);
    }
    String[] codings = encoding.split(",");
    byte[] current = body;
    for (int i = codings.length - 1; i >= 0; i--) {
      String name = codings[i].strip().toLowerCase(Locale.ROOT);
      try {
        current =
            switch (name) {
              case "", "identity" -> current;
              case "gzip", "x-gzip" ->
                  read(new GZIPInputStream(new ByteArrayInputStream(current)), limit);
              case "deflate" -> inflate(current, limit);
              case "br" -> read(new BrotliInputStream(new ByteArrayInputStream(current)), limit);
              default -> null;
            };
      } catch (IOException | RuntimeException e) {
        current = null; // not in the coding it claims
      }
      if (current == null) {
        return Optional.empty();
      }
    }
    return Optional.of(current);
  }

  /** {@link #decode(byte[], String, long)} with {@link #DEFAULT_LIMIT}. */
  public static Optional<byte[]> decode(byte[] body, String encoding) {
    return decode(body, encoding, DEFAULT_LIMIT);
  }

  private static byte[] inflate(byte[] body, long limit) throws IOException {
    boolean zlib =
        body.length >= 2
            && (body[0] & 0x0f) == 8
            && (((body[0] & 0xff) << 8) | (body[1] & 0xff)) % 31 == 0;
    return read(
        new InflaterInputStream(new ByteArrayInputStream(body), new Inflater(!zlib)), limit);
  }

  private static byte[] read(InputStream in, long limit) throws IOException {
    try (in) {
      byte[] all = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
      return all.length > limit ? null : all;
    }
  }
}
