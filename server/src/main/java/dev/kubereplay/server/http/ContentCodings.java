package dev.kubereplay.server.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import org.brotli.dec.BrotliInputStream;

/**
 * Content codings (the {@code Content-Encoding} of a message): undoing them to read a body that is
 * stored in the coding it was sent in — for redaction, for export to HAR (whose bodies are decoded
 * text) and for showing a pair. This is the only place in kubereplay that undoes a coding: a few
 * kilobytes of gzip can expand to gigabytes, so every decode is bounded here.
 *
 * <p>Known codings: {@code gzip} ({@code x-gzip}), {@code deflate} (zlib-wrapped as RFC 9110 says,
 * and the raw deflate some servers send), {@code br} and {@code identity}. A list such as {@code
 * gzip, br} names codings in the order they were applied; they are undone last first.
 *
 * <p>Memory: a body is decoded into a buffer of at most {@link #FIRST_PASS} bytes; one that goes on
 * past it is counted without being kept, and only when it ends within the limit is it decoded again
 * into an array of its exact size. A bomb therefore costs a pass of inflating and about a megabyte,
 * never the limit; every stage of a list of codings is held to the limit, so a coding nested in
 * another cannot expand without bound either.
 */
public final class ContentCodings {

  /** Decoded bodies larger than this are not decoded (a small body can expand enormously). */
  public static final long DEFAULT_LIMIT = 64L * 1024 * 1024;

  /** Decoded in one pass up to this size; larger bodies are counted first, then decoded. */
  static final int FIRST_PASS = 1024 * 1024;

  private ContentCodings() {}

  /** Why a body was not decoded. */
  public enum Problem {
    /** A coding kubereplay does not know, e.g. {@code zstd}. */
    UNKNOWN_CODING,
    /** The bytes are not in the coding they claim. */
    MALFORMED,
    /** Decoded, the body (or a stage of it) would pass the limit. */
    TOO_LARGE
  }

  /**
   * What decoding a body gave.
   *
   * @param body the decoded body (the bytes themselves for identity), null when not decoded
   * @param problem why it was not decoded, null when it was
   * @param reason for a person: e.g. {@code gzip expands past the 64 MiB decoding limit}, null when
   *     decoded
   */
  public record Decoded(byte[] body, Problem problem, String reason) {

    /** True when {@link #body} holds the decoded body. */
    public boolean ok() {
      return problem == null;
    }

    /** The decoded body, or {@code other} when it was not decoded. */
    public byte[] orElse(byte[] other) {
      return ok() ? body : other;
    }
  }

  /** True when {@code encoding} leaves the bytes as they are (absent, empty or identity). */
  public static boolean isIdentity(String encoding) {
    return codings(encoding).isEmpty();
  }

  /**
   * The body with its codings undone, or why not: a coding is not known, the bytes are not in the
   * coding they claim, or the decoded body would pass {@code limit} bytes.
   */
  public static Decoded decode(byte[] body, String encoding, long limit) {
    limit = Math.min(limit, Integer.MAX_VALUE - 8); // what one array can hold
    List<String> codings = codings(encoding);
    if (codings.isEmpty()) {
      return new Decoded(body, null, null);
    }
    String named = String.join(", ", codings);
    for (String coding : codings) {
      if (!List.of("gzip", "x-gzip", "deflate", "br").contains(coding)) {
        return new Decoded(
            null, Problem.UNKNOWN_CODING, "kubereplay cannot decode the " + coding + " coding");
      }
    }
    try {
      byte[] first = new byte[(int) Math.min(FIRST_PASS, limit + 1)];
      long size;
      try (InputStream in = open(body, codings, limit)) {
        int n = in.readNBytes(first, 0, first.length);
        size = n < first.length ? n : n + count(in);
      }
      if (size > limit) {
        throw new TooLarge();
      }
      if (size < first.length) {
        return new Decoded(Arrays.copyOf(first, (int) size), null, null);
      }
      first = null; // no longer needed: the second pass allocates the exact size
      byte[] all = new byte[(int) size];
      try (InputStream in = open(body, codings, limit)) {
        if (in.readNBytes(all, 0, all.length) != size || in.read() >= 0) {
          throw new IOException("decoded differently twice");
        }
      }
      return new Decoded(all, null, null);
    } catch (TooLarge e) {
      return new Decoded(
          null, Problem.TOO_LARGE, named + " expands past the " + human(limit) + " decoding limit");
    } catch (IOException | RuntimeException e) {
      return new Decoded(null, Problem.MALFORMED, "the bytes are not valid " + named);
    }
  }

  /** {@link #decode(byte[], String, long)} with {@link #DEFAULT_LIMIT}. */
  public static Decoded decode(byte[] body, String encoding) {
    return decode(body, encoding, DEFAULT_LIMIT);
  }

  /** The codings named, lower case, in the order applied; empty for identity. */
  private static List<String> codings(String encoding) {
    List<String> codings = new ArrayList<>();
    if (encoding != null) {
      for (String coding : encoding.split(",")) {
        String name = coding.strip().toLowerCase(Locale.ROOT);
        if (!name.isEmpty() && !name.equals("identity")) {
          codings.add(name);
        }
      }
    }
    return codings;
  }

  /** The decoded stream: the codings undone last first, each stage held to {@code limit}. */
  private static InputStream open(byte[] body, List<String> codings, long limit)
      throws IOException {
    InputStream in = new ByteArrayInputStream(body);
    for (int i = codings.size() - 1; i >= 0; i--) {
      InputStream source = in;
      try {
        in =
            new Bounded(
                switch (codings.get(i)) {
                  case "gzip", "x-gzip" -> new GZIPInputStream(source, 8192);
                  case "deflate" -> inflating(source);
                  default -> new BrotliInputStream(source);
                },
                limit);
      } catch (IOException | RuntimeException e) {
        source.close();
        throw e;
      }
    }
    return in;
  }

  /** Deflate as RFC 9110 means it (zlib-wrapped), or the raw deflate some servers send. */
  private static InputStream inflating(InputStream source) throws IOException {
    PushbackInputStream in = new PushbackInputStream(source, 2);
    byte[] head = in.readNBytes(2);
    in.unread(head);
    boolean zlib =
        head.length == 2
            && (head[0] & 0x0f) == 8
            && (((head[0] & 0xff) << 8) | (head[1] & 0xff)) % 31 == 0;
    Inflater inflater = new Inflater(!zlib);
    return new InflaterInputStream(in, inflater, 8192) {
      @Override
      public void close() throws IOException {
        try {
          super.close();
        } finally {
          inflater.end(); // a given inflater is not ended by close: free its native memory now
        }
      }
    };
  }

  /** Reads {@code in} to its end without keeping it; answers how many bytes it gave. */
  private static long count(InputStream in) throws IOException {
    byte[] scratch = new byte[64 * 1024];
    long total = 0;
    for (int n; (n = in.read(scratch)) >= 0; ) {
      total += n;
    }
    return total;
  }

  private static String human(long bytes) {
    long mib = 1024 * 1024;
    return bytes % mib == 0 ? bytes / mib + " MiB" : bytes + "-byte";
  }

  /** A stage that gave more than the limit. */
  private static final class TooLarge extends IOException {
    TooLarge() {
      super("past the decoding limit");
    }
  }

  /** A stage of decoding that fails once it has given more than the limit. */
  private static final class Bounded extends InputStream {
    private final InputStream in;
    private final long limit;
    private long given;

    Bounded(InputStream in, long limit) {
      this.in = in;
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
      int n = in.read(bytes, offset, length);
      if (n > 0) {
        given += n;
        if (given > limit) {
          throw new TooLarge();
        }
      }
      return n;
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
