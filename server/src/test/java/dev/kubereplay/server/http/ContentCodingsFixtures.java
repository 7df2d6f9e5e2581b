package dev.kubereplay.server.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.zip.Adler32;
import java.util.zip.CRC32;
import java.util.zip.Checksum;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/** Coded bodies for tests (there is no Brotli encoder in Java: this one was made with Node). */
public final class ContentCodingsFixtures {

  private ContentCodingsFixtures() {}

  /**
   * {@code {"orders":[{"id":0,"status":"shipped","note":"fragile goods"},…]}} (40 orders, 2,082
   * bytes), Brotli-coded.
   */
  public static byte[] brotliOrders() {
    return Base64.getDecoder()
        .decode(
            "GyEIIBwHdiyzjSCYf2UnhrC51JeboB7h6Y+2DktXXxUPycuD5vQRj2B5APYYQ1lXqKlsHmN9m5QhRy3u//lrknyk"
                + "Jaa7FRkfRL84c+tKGc+FgYmFjQs3Hrz4ztGAa0BTS1uXbj168UUzNTS1tHXp1qMXX7RSQ1NLW5duPXrV5Q4=");
  }

  /**
   * {@code {"user":"ada","password":"hunter2-canary","items":[1,2,3],"items2":[1,2,3],
   * "items3":[1,2,3]}}, Brotli-coded.
   */
  public static byte[] brotliLogin() {
    return Base64.getDecoder()
        .decode(
            "G1sA4B0Hdkz4B7FwIm6WsoVsj2h45AfWZxhlgQ6WLDpdjnGAg/o4DLLw54OHLHxSZYJMM69si6TIDdBxn5+HKq0p0XMjND8=");
  }

  public static byte[] gzip(byte[] body) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
        gzip.write(body);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What each bomb expands to: 1,100 MiB of zeros, past a gigabyte. */
  public static final long BOMB_SIZE = 1100L << 20;

  private static byte[] gzipBomb;
  private static byte[] deflateBomb;

  /**
   * A real gzip bomb: about a megabyte (deflate cannot do better than about 1:1000) that expands to
   * {@link #BOMB_SIZE} bytes. Built without deflating a gigabyte: one mebibyte of zeros is deflated
   * once, flushed so that it stands alone, and that block repeated.
   */
  public static synchronized byte[] gzipBomb() {
    if (gzipBomb == null) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.writeBytes(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff});
      zeros(out);
      out.writeBytes(trailer(new CRC32(), ByteOrder.LITTLE_ENDIAN, true));
      gzipBomb = out.toByteArray();
    }
    return gzipBomb.clone();
  }

  /** The same in {@code deflate} (zlib-wrapped, as RFC 9110 says). */
  public static synchronized byte[] deflateBomb() {
    if (deflateBomb == null) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.writeBytes(new byte[] {0x78, (byte) 0xda});
      zeros(out);
      out.writeBytes(trailer(new Adler32(), ByteOrder.BIG_ENDIAN, false));
      deflateBomb = out.toByteArray();
    }
    return deflateBomb.clone();
  }

  /**
   * 1,743 bytes of Brotli expanding to {@link #BOMB_SIZE} zeros: made with Node's zlib
   * (createBrotliCompress, quality 5, 1,100 writes of a zeroed mebibyte), its size counted by
   * Node's decoder.
   */
  public static byte[] brotliBomb() {
    return Base64.getDecoder()
        .decode(
            "y///PwAkAOKxQHLv//j//weABEAcFoDu/R////8AkACIwwLQvf/j//8fABIAcVgAuvd//P//A0ACIA4LQPf+j///"
                + "fwBIAMRhAeje//H//w8ACYA4LADd+z/+//8BIAEQhwWge//H//8/ACQA4rAAdO//+P//B4AEQBwWgO79H////wCQ"
                + "AIjDAtC9/+P//x8AEgBxWAC693/8//8DQAIgDgtA9/6P//9/AEgAxGEB6N7/8f//DwAJgDgsAN37P/7//wEgARCH"
                + "BaB7/8f//z8AJADisAB07//4//8HgARAHBaA7v0f////AJAAiMMC0L3/4///HwASAHFYALr3f/z//wNAAiAOC0D3"
                + "/o///38ASADEYQHo3v/x//8PAAmAOCwA3fs//v//ASABEIcFoHv/x///PwAkAOKwAHTv//j//weABEAcFoDu/R//"
                + "//8AkACIwwLQvf/j//8fABIAcVgAuvd//P//A0ACIA4LQPf+j///fwBIAMRhAeje//H//w8ACYA4LADd+z/+//8B"
                + "IAEQhwWge//H//8/ACQA4rAAdO//+P//B4AEQBwWgO79H////wCQAIjDAtC9/+P//x8AEgBxWAC693/8//8DQAIg"
                + "DgtA9/6P//9/AEgAxGEB6N7/8f//DwAJgDgsAN37P/7//wEgARCHBaB7/8f//z8AJADisAB07//4//8HgARAHBaA"
                + "7v0f////AJAAiMMC0L3/4///HwASAHFYALr3f/z//wNAAiAOC0D3/o///38ASADEYQHo3v/x//8PAAmAOCwA3fs/"
                + "/v//ASABEIcFoHv/x///PwAkAOKwAHTv//j//weABEAcFoDu/R////8AkACIwwLQvf/j//8fABIAcVgAuvd//P//"
                + "A0ACIA4LQPf+j///fwBIAMRhAeje//H//w8ACYA4LADd+z/+//8BIAEQhwWge//H//8/ACQA4rAAdO//+P//B4AE"
                + "QBwWgO79H////wCQAIjDAtC9/+P//x8AEgBxWAC693/8//8DQAIgDgtA9/6P//9/AEgAxGEB6N7/8f//DwAJgDgs"
                + "AN37P/7//wEgARCHBaB7/8f//z8AJADisAB07//4//8HgARAHBaA7v0f////AJAAiMMC0L3/4///HwASAHFYALr3"
                + "f/z//wNAAiAOC0D3/o///38ASADEYQHo3v/x//8PAAmAOCwA3fs//v//ASABEIcFoHv/x///PwAkAOKwAHTv//j/"
                + "/weABEAcFoDu/R////8AkACIwwLQvf/j//8fABIAcVgAuvd//P//A0ACIA4LQPf+j///fwBIAMRhAeje//H//w8A"
                + "CYA4LADd+z/+//8BIAEQhwWge//H//8/ACQA4rAAdO//+P//B4AEQBwWgO79H////wCQAIjDAtC9/+P//x8AEgBx"
                + "WAC693/8//8DQAIgDgtA9/6P//9/AEgAxGEB6N7/8f//DwAJgDgsAN37P/7//wEgARCHBaB7/8f//z8AJADisAB0"
                + "7//4//8HgARAHBaA7v0f////AJAAiMMC0L3/4///HwASAHFYALr3f/z//wNAAiAOC0D3/o///38ASADEYQHo3v/x"
                + "//8PAAmAOCwA3fs//v//ASABEIcFoHv/x///PwAkAOKwAHTv//j//weABEAcFoDu/R////8AkACIwwLQvf/j//8f"
                + "ABIAcVgAuvd//P//A0ACIA4LQPf+j///fwBIAMRhAeje//H//w8ACYA4LADd+z/+//8BIAEQhwWge//H//8/ACQA"
                + "4rAAdO//+P//B4AEQBwWgO79H////wCQAIjDAtC9/+P//x8AEgBxWAC693/8//8DQAIgDgtA9/6P//9/AEgAxGEB"
                + "6N7/8f//DwAJgDgsAN37P/7//wEgARCHBaB7/8f//z8AJADisAB07//4//8HgARAHBaA7v0f////AJAAiMMC0L3/"
                + "4///HwASAHFYALr3f/z//wNAAiAOC0D3/o///38ASADEYQHo3v/x//8PAAmAOCwA3fs//v//ASABEIcFoHv/x///"
                + "PwAkAOKwAHTv//j//weABEAcFoDu/R////8AkACIwwLQvf/j//8fABIAcVgAuvd//P//A0ACIA4LQPf+j///fwBI"
                + "AMRhAeje//H//w8ACYA4LADd+z/+//8BIAEQhwWge//H//8/ACQA4rAAdO//+P//B4AEQBwWgO79H////wCQAIjD"
                + "AtC9/+P//x8AEgBxWAC693/8//8DQAIgDgtA9/6P//9/AEgAxGEB6N7/8f//DwAJgDgsAN37P/7//wEgARCHBaB7"
                + "/8f//z8AJADisAB07//y//8HgARAHBaA7v0P");
  }

  /** Raw deflate blocks for {@link #BOMB_SIZE} zeros, then an empty final block. */
  private static void zeros(ByteArrayOutputStream out) {
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
    deflater.setInput(new byte[1 << 20]);
    ByteArrayOutputStream block = new ByteArrayOutputStream();
    byte[] buffer = new byte[64 * 1024];
    int n;
    do {
      n = deflater.deflate(buffer, 0, buffer.length, Deflater.FULL_FLUSH);
      block.write(buffer, 0, n);
    } while (n == buffer.length || !deflater.needsInput());
    deflater.end();
    byte[] mebibyte = block.toByteArray();
    for (long i = 0; i < BOMB_SIZE >> 20; i++) {
      out.writeBytes(mebibyte);
    }
    out.writeBytes(new byte[] {3, 0}); // final fixed-Huffman block holding only its end
  }

  /** The checksum of {@link #BOMB_SIZE} zeros, and the size when {@code size} (gzip's ISIZE). */
  private static byte[] trailer(Checksum checksum, ByteOrder order, boolean size) {
    byte[] zeros = new byte[1 << 20];
    for (long i = 0; i < BOMB_SIZE >> 20; i++) {
      checksum.update(zeros, 0, zeros.length);
    }
    ByteBuffer trailer = ByteBuffer.allocate(size ? 8 : 4).order(order);
    trailer.putInt((int) checksum.getValue());
    if (size) {
      trailer.putInt((int) BOMB_SIZE);
    }
    return trailer.array();
  }
}
